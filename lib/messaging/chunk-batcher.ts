import type { UIMessageChunk } from 'ai';

/**
 * Send streamed chunks over the Port in batches. Each Port message costs the
 * tab a round of serialising and dispatching, and a fast model sends ~100
 * chunks a second, more messages than frames: more text for a part that is
 * already showing text waits up to `windowMs` and goes with what else came
 * meanwhile. Anything the user sees appear (an answer's first words, a new
 * part, a tool card, the end) goes at once, with what waited before it, as
 * does the first chunk after a quiet window. `flush` before anything that must
 * come after the chunks (done, failure).
 */
export function createChunkBatcher(send: (chunks: UIMessageChunk[]) => void, windowMs = 16) {
  let buffer: UIMessageChunk[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Parts that already got text (their further deltas may wait). */
  const showing = new Set<string>();

  const sendBuffer = () => {
    if (!buffer.length) return false;
    const chunks = buffer;
    buffer = [];
    send(chunks);
    return true;
  };
  const closeWindow = () => {
    timer = undefined;
    // Something waited: send it and keep batching; nothing came: the next chunk goes at once again.
    if (sendBuffer()) timer = setTimeout(closeWindow, windowMs);
  };
  const canWait = (chunk: UIMessageChunk) => {
    if (chunk.type === 'text-delta' || chunk.type === 'reasoning-delta') {
      const key = `${chunk.type}:${chunk.id}`;
      if (showing.has(key)) return true;
      showing.add(key);
      return false;
    }
    return chunk.type === 'tool-input-delta';
  };
  return {
    push(chunk: UIMessageChunk): void {
      buffer.push(chunk);
      if (timer !== undefined && canWait(chunk)) return;
      sendBuffer();
      if (timer === undefined) timer = setTimeout(closeWindow, windowMs);
    },
    flush(): void {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      sendBuffer();
    },
  };
}
