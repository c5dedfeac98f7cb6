import { describe, expect, it } from 'vitest';
import type { UIMessageChunk } from 'ai';
import { mergeDeltas } from './merge-deltas';

describe('merging streamed deltas', () => {
  it('joins runs of deltas of the same part and keeps everything else in order', () => {
    const chunks: UIMessageChunk[] = [
      { type: 'start' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Two ' },
      { type: 'text-delta', id: 't1', delta: 'stacks ' },
      { type: 'text-delta', id: 't1', delta: 'failed.' },
      { type: 'text-end', id: 't1' },
      { type: 'tool-input-start', toolCallId: 'c1', toolName: 'query_graphql' },
      { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: '{"query":' },
      { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: '"{ stacks { id } }"}' },
      { type: 'reasoning-delta', id: 'r1', delta: 'a' },
      { type: 'reasoning-delta', id: 'r1', delta: 'b' },
      { type: 'text-delta', id: 't2', delta: 'x' },
      { type: 'text-delta', id: 't3', delta: 'y' },
    ];
    expect(mergeDeltas(chunks)).toEqual([
      { type: 'start' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Two stacks failed.' },
      { type: 'text-end', id: 't1' },
      { type: 'tool-input-start', toolCallId: 'c1', toolName: 'query_graphql' },
      { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: '{"query":"{ stacks { id } }"}' },
      { type: 'reasoning-delta', id: 'r1', delta: 'ab' },
      { type: 'text-delta', id: 't2', delta: 'x' },
      { type: 'text-delta', id: 't3', delta: 'y' },
    ]);
  });

  it('keeps deltas with provider metadata apart, and leaves the input untouched', () => {
    const chunks: UIMessageChunk[] = [
      { type: 'text-delta', id: 't', delta: 'a', providerMetadata: { p: { k: 1 } } },
      { type: 'text-delta', id: 't', delta: 'b' },
      { type: 'text-delta', id: 't', delta: 'c' },
    ];
    const copy = structuredClone(chunks);
    expect(mergeDeltas(chunks)).toEqual([chunks[0], { type: 'text-delta', id: 't', delta: 'bc' }]);
    expect(chunks).toEqual(copy);
  });
});
