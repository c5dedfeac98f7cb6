import { describe, expect, it } from 'vitest';
import { highlightRanges, makeSnippet, markdownToPlain, type HighlightRange } from './snippet';
import { parseQuery, queryMatcher } from './search';

const matcher = (query: string) => queryMatcher(parseQuery(query));
const slices = (text: string, ranges: HighlightRange[]) => ranges.map((r) => text.slice(r.start, r.end));

describe('snippets', () => {
  it('highlights whole words, joining the parts of an identifier', () => {
    const text = 'Stack prod-network uses aws_iam_role; prod and network apart.';
    const ranges = highlightRanges(text, matcher('prod-network aws_iam_role'));
    expect(slices(text, ranges)).toEqual(['prod-network', 'aws_iam_role', 'prod', 'network']);
  });

  it('keeps short texts whole, whitespace collapsed', () => {
    const snippet = makeSnippet('The  state\n\nlock is held.', matcher('lock'));
    expect(snippet).toEqual({ text: 'The state lock is held.', highlights: [{ start: 10, end: 14 }] });
  });

  it('cuts long texts around the window with the most query words, at word boundaries', () => {
    const text = `${'alpha beta gamma '.repeat(15)}drift once. ${'delta epsilon '.repeat(15)}drift detection found state drift here. ${'zeta eta '.repeat(20)}`;
    const snippet = makeSnippet(text, matcher('drift state'), 120);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(122);
    expect(snippet.text).toContain('drift detection found state drift here.');
    expect(slices(snippet.text, snippet.highlights)).toEqual(['drift', 'state', 'drift']);
    expect(snippet.text.slice(1, 2)).not.toBe(' ');
  });

  it('starts at the beginning when nothing matches (an out-of-date index)', () => {
    const snippet = makeSnippet('word '.repeat(100), matcher('nothing'), 50);
    expect(snippet.text.startsWith('word')).toBe(true);
    expect(snippet.highlights).toEqual([]);
  });

  it('shows markdown answers as their words, without the syntax', () => {
    expect(markdownToPlain('The plan failed with **Error acquiring the state lock**: see `prod-network`.')).toBe(
      'The plan failed with Error acquiring the state lock: see prod-network.',
    );
    expect(markdownToPlain('## Next steps\n- unlock the *state*\n1. retry [the run](/stack/prod-network/run/1)')).toBe('Next steps\nunlock the state\nretry the run');
    expect(markdownToPlain('```hcl\nresource "aws_s3_bucket" "this" {}\n```')).toBe(' \nresource "aws_s3_bucket" "this" {}\n ');
    expect(markdownToPlain('| stack | state |\n|---|---|\n| prod-eks | FAILED |')).toBe(' · stack · state · \n \n · prod-eks · FAILED · ');
    // aws_s3_bucket keeps its underscores: only emphasis around words goes.
    expect(markdownToPlain('import aws_s3_bucket.this')).toBe('import aws_s3_bucket.this');
    const snippet = makeSnippet(markdownToPlain('The **state lock** was held.'), matcher('lock'));
    expect(snippet.text.slice(snippet.highlights[0]!.start, snippet.highlights[0]!.end)).toBe('lock');
  });
});
