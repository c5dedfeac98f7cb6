import { describe, expect, it } from 'vitest';
import { fitMembers, overflowNote } from './budget';
import { clip, shortDescription } from './format';
import { closestNames, editDistance } from './name-match';

describe('short descriptions', () => {
  it('keeps the first sentence, on one line', () => {
    expect(shortDescription('Details of a single Stack. [B Stacks/Get Stack.bru]')).toBe('Details of a single Stack.');
    expect(shortDescription('One page\n  of logs.\n\nFollow nextToken.')).toBe('One page of logs.');
    expect(shortDescription('Version 1.2 of the engine')).toBe('Version 1.2 of the engine');
    expect(shortDescription(null)).toBe('');
  });

  it('cuts long sentences at a word, marked with an ellipsis', () => {
    const text = shortDescription('word '.repeat(40));
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text.endsWith('word…')).toBe(true);
    expect(clip('short', 10)).toBe('short');
  });
});

describe('fitting members', () => {
  const members = Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, bare: `  f${i}: Int`, comment: 'word '.repeat(15).trim() }));

  it('keeps everything, then shortens comments, drops them, then lines', () => {
    expect(fitMembers(members, 10_000, 'fields')[0]).toBe(`  f0: Int  # ${'word '.repeat(15).trim()}`);
    expect(fitMembers(members, 3_000, 'fields')[0]).toBe(`  f0: Int  # ${'word '.repeat(7).trim()}…`);
    expect(fitMembers(members, 1_000, 'fields')[0]).toBe('  # (descriptions left out to fit)');
    const cut = fitMembers(members, 200, 'fields');
    expect(cut.join('\n').length).toBeLessThanOrEqual(200);
    expect(cut.at(-1)).toMatch(/^ {2}# … \d+ more fields not shown: f\d+/);
  });

  it('shortens the list of names left out', () => {
    expect(overflowNote(['a', 'b', 'c'], 'values', 100)).toBe('  # … 3 more values not shown: a, b, c');
    expect(overflowNote(['alpha', 'beta', 'gamma', 'delta'], 'values', 50)).toBe('  # … 4 more values not shown: alpha and 3 others');
    expect(overflowNote(['alpha'], 'values', 10)).toBe('  # … 1 more values not shown');
  });
});

describe('closest names', () => {
  it('measures edits', () => {
    expect(editDistance('stak', 'stack')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('prefers few edits, then containment', () => {
    expect(closestNames(['Stack', 'StackOutput', 'Policy', 'Run'], 'stak')).toEqual(['Stack']);
    expect(closestNames(['Stack', 'StackOutput', 'SearchStacksOutput', 'Policy'], 'stacks')).toEqual(['Stack', 'SearchStacksOutput']);
    expect(closestNames(['Policy', 'Run'], 'zzzzzz')).toEqual([]);
  });
});
