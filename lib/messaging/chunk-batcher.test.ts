import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UIMessageChunk } from 'ai';
import { createChunkBatcher } from './chunk-batcher';

const delta = (text: string): UIMessageChunk => ({ type: 'text-delta', id: 't', delta: text });

describe('chunk batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first chunk at once, then one batch per window, in order', () => {
    const sent: string[][] = [];
    const batcher = createChunkBatcher((chunks) => sent.push(chunks.map((c) => (c as { delta: string }).delta)), 16);
    batcher.push(delta('a'));
    expect(sent).toEqual([['a']]);
    batcher.push(delta('b'));
    batcher.push(delta('c'));
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual([['a'], ['b', 'c']]);
    batcher.push(delta('d'));
    vi.advanceTimersByTime(16);
    expect(sent.at(-1)).toEqual(['d']);
    // A quiet window: the next chunk goes at once again.
    vi.advanceTimersByTime(16);
    batcher.push(delta('e'));
    expect(sent.at(-1)).toEqual(['e']);
  });

  it('flush sends what is waiting right away, so "done" never overtakes a chunk', () => {
    const sent: string[][] = [];
    const batcher = createChunkBatcher((chunks) => sent.push(chunks.map((c) => (c as { delta: string }).delta)), 16);
    batcher.push(delta('a'));
    batcher.push(delta('b'));
    batcher.flush();
    sent.push(['done']);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([['a'], ['b'], ['done']]);
  });
});
