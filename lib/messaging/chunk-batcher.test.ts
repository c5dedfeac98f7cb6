import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UIMessageChunk } from 'ai';
import { createChunkBatcher } from './chunk-batcher';

const delta = (text: string, id = 't'): UIMessageChunk => ({ type: 'text-delta', id, delta: text });
const label = (chunk: UIMessageChunk) => ('delta' in chunk ? chunk.delta : chunk.type);

describe('chunk batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function record() {
    const sent: string[][] = [];
    const batcher = createChunkBatcher((chunks) => sent.push(chunks.map(label)), 16);
    return { sent, batcher };
  }

  it('sends what the user sees appear at once, and more text for a showing part once per window', () => {
    const { sent, batcher } = record();
    batcher.push({ type: 'start' });
    expect(sent).toEqual([['start']]);
    batcher.push({ type: 'text-start', id: 't' });
    batcher.push(delta('First'));
    // The answer's first words do not wait for the window.
    expect(sent).toEqual([['start'], ['text-start'], ['First']]);
    batcher.push(delta(' words'));
    batcher.push(delta(' and more'));
    expect(sent).toHaveLength(3);
    vi.advanceTimersByTime(16);
    expect(sent.at(-1)).toEqual([' words', ' and more']);
    // A tool card appears at once, taking the text that waited before it along, in order.
    batcher.push(delta(' then'));
    batcher.push({ type: 'tool-input-start', toolCallId: 'c', toolName: 'page_context' });
    expect(sent.at(-1)).toEqual([' then', 'tool-input-start']);
    // A quiet window: the next chunk goes at once again.
    vi.advanceTimersByTime(32);
    batcher.push(delta(' later'));
    expect(sent.at(-1)).toEqual([' later']);
  });

  it('flush sends what is waiting right away, so "done" never overtakes a chunk', () => {
    const { sent, batcher } = record();
    batcher.push(delta('a'));
    batcher.push(delta('b'));
    batcher.flush();
    sent.push(['done']);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([['a'], ['b'], ['done']]);
  });
});
