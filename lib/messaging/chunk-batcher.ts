import type { UIMessageChunk } from 'ai';

/**
 * Send streamed chunks over the Port in batches: the first chunk goes at once
 * (no delay before the first text), then whatever arrives within the next
 * `windowMs` goes as one message. Each Port message costs the tab a round of
 * serialising and dispatching; a fast model sends ~100 chunks a second, which
 * is more messages than frames. `flush` before anything that must come after
 * the chunks (done, failure).
 */
export function createChunkBatcher(send: (chunks: UIMessageChunk[]) => void, windowMs = 16) {
  let buffer: UIMessageChunk[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!buffer.length) return;
    const chunks = buffer;
    buffer = [];
    send(chunks);
  };
  const closeWindow = () => {
    timer = undefined;
    if (!buffer.length) return; // nothing came: the next chunk goes at once again
    const chunks = buffer;
    buffer = [];
    send(chunks);
    timer = setTimeout(closeWindow, windowMs);
  };
  return {
    push(chunk: UIMessageChunk): void {
      buffer.push(chunk);
      if (timer !== undefined) return;
      flush();
      timer = setTimeout(closeWindow, windowMs);
    },
    flush,
  };
}
