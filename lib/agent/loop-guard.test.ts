import { describe, expect, it } from 'vitest';
import { isRepeatingToolCalls, toolCallSignature } from './loop-guard';

const step = (...calls: [string, unknown][]) => ({ toolCalls: calls.map(([toolName, input]) => ({ toolName, input })) });

describe('loop guard', () => {
  it('treats inputs with the same content as the same call', () => {
    expect(toolCallSignature({ toolName: 'q', input: { a: 1, b: [1, { c: 2, d: 3 }] } })).toBe(
      toolCallSignature({ toolName: 'q', input: { b: [1, { d: 3, c: 2 }], a: 1 } }),
    );
  });

  it('allows a retry but flags a third identical call', () => {
    expect(isRepeatingToolCalls([step(['q', { x: 1 }]), step(['q', { x: 1 }])])).toBe(false);
    expect(isRepeatingToolCalls([step(['q', { x: 1 }]), step(['q', { x: 1 }]), step(['q', { x: 1 }])])).toBe(true);
  });

  it('does not flag different calls', () => {
    expect(isRepeatingToolCalls([step(['q', { x: 1 }]), step(['q', { x: 2 }]), step(['q', { x: 3 }], ['p', {}])])).toBe(false);
  });
});
