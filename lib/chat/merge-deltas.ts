import type { UIMessageChunk } from 'ai';

/**
 * Join runs of deltas for the same text, reasoning or tool input into one
 * chunk. The result renders exactly as the chunks one by one would, but the
 * chat does its per-chunk work (copying the message, notifying) once per run:
 * when chunks arrive faster than the panel takes them, they pile up and are
 * merged, and when the panel keeps up, nothing waits.
 */
export function mergeDeltas(chunks: readonly UIMessageChunk[]): UIMessageChunk[] {
  const out: UIMessageChunk[] = [];
  for (const chunk of chunks) {
    const last = out.at(-1);
    if (last && canMerge(last, chunk)) out[out.length - 1] = merge(last, chunk);
    else out.push(chunk);
  }
  return out;
}

function canMerge(a: UIMessageChunk, b: UIMessageChunk): boolean {
  if (a.type !== b.type) return false;
  if ((a.type === 'text-delta' && b.type === 'text-delta') || (a.type === 'reasoning-delta' && b.type === 'reasoning-delta')) {
    // Provider metadata belongs to its chunk: keep those apart.
    return a.id === b.id && !a.providerMetadata && !b.providerMetadata;
  }
  return a.type === 'tool-input-delta' && b.type === 'tool-input-delta' && a.toolCallId === b.toolCallId;
}

function merge(a: UIMessageChunk, b: UIMessageChunk): UIMessageChunk {
  if (a.type === 'tool-input-delta' && b.type === 'tool-input-delta') return { ...a, inputTextDelta: a.inputTextDelta + b.inputTextDelta };
  if ((a.type === 'text-delta' || a.type === 'reasoning-delta') && (b.type === 'text-delta' || b.type === 'reasoning-delta')) {
    return { ...a, delta: a.delta + b.delta };
  }
  return b;
}
