import { describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { normalizeWord, searchableText, termCounts, tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits on anything but letters and digits, keeping original offsets', () => {
    const text = 'Run prod-network: aws_s3_bucket (Café)';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['run', 'prod', 'network', 'aws', 's3', 'bucket', 'cafe']);
    for (const token of tokens) expect(normalizeWord(text.slice(token.start, token.end))).toBe(token.term);
  });

  it('skips one-letter words and stop words, and counts the rest', () => {
    expect([...termCounts('The state of the state: a lock')]).toEqual([
      ['state', 2],
      ['lock', 1],
    ]);
  });

  it('keeps run ids and versions but not things that look like secrets', () => {
    expect(normalizeWord('01JNQ8ZK4W6T2C9XHB3M5R7PVD')).toBe('01jnq8zk4w6t2c9xhb3m5r7pvd');
    expect(normalizeWord('v1')).toBe('v1');
    expect(normalizeWord('AKIAIOSFODNN7EXAMPLE')).toBeNull(); // AWS access key id
    expect(normalizeWord('wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY')).toBeNull(); // mixed-case base62
    expect(normalizeWord('9f86d081884c7d659a2feaa0c55ad015')).toBeNull(); // hex
    expect(normalizeWord('x'.repeat(41))).toBeNull();
  });

  it('takes only the text that user and assistant wrote', () => {
    const message = {
      id: 'a',
      role: 'assistant',
      parts: [
        { type: 'reasoning', text: 'thinking about secrets' },
        { type: 'tool-query_graphql', toolCallId: 'c', state: 'output-available', input: {}, output: { token: 'abc' } },
        { type: 'text', text: 'First.' },
        { type: 'text', text: 'Second.' },
      ],
    } as UIMessage;
    expect(searchableText(message)).toBe('First.\n\nSecond.');
    expect(searchableText({ role: 'system', parts: [{ type: 'text', text: 'instructions' }] })).toBe('');
    // Malformed rows (an upgrade reads whatever was stored) give no text rather than an error.
    expect(searchableText({ role: 'user' } as UIMessage)).toBe('');
    expect(searchableText({ role: 'user', parts: [null, { type: 'text', text: 42 }] } as unknown as UIMessage)).toBe('');
    expect(termCounts(undefined as unknown as string).size).toBe(0);
  });
});
