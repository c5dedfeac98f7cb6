import { describe, expect, it } from 'vitest';
import { DOCS_CORPUS } from '../../tests/sandbox/docs/corpus';
import { pagesFromCorpus, searchIndexFor } from '../../tests/sandbox/docs/site';
import { buildSearchIndex, normalizeIndex, type DocsSearchIndex, type MkDocsSearchIndex } from './docs-index';
import { searchDocs } from './search-docs';
import { makeSnippet } from './snippet';

const DOCS_BASE = 'https://docs.example.test';

function indexOf(raw: MkDocsSearchIndex): DocsSearchIndex {
  const entries = normalizeIndex(raw);
  return { docsBase: DOCS_BASE, entries, miniSearch: buildSearchIndex(entries) };
}

/** The sandbox docs site's corpus (~40 entries), in mkdocs' index shape. */
const sandbox = indexOf(searchIndexFor(pagesFromCorpus(DOCS_CORPUS)));
const paths = (query: string, limit?: number) => searchDocs(sandbox, query, { limit }).map((result) => result.url.slice(DOCS_BASE.length + 1));

describe('searchDocs on the sandbox corpus', () => {
  it('finds the stack dependencies page first for "stack dependencies"', () => {
    const [first] = searchDocs(sandbox, 'stack dependencies');
    expect(first).toMatchObject({ title: 'Stack dependencies', url: `${DOCS_BASE}/concepts/stack/stack-dependencies.html` });
    expect(first!.snippet).toMatch(/depend/i);
    expect(first!.score).toBeGreaterThan(0);
  });

  it('forgives a typo', () => {
    expect(paths('depndencies')[0]).toMatch(/^concepts\/stack\/stack-dependencies\.html/);
  });

  it('matches a prefix', () => {
    expect(paths('polic')[0]).toMatch(/^concepts\/policy\.html/);
  });

  it('answers a question in plain words', () => {
    expect(paths('how do I confirm a run')[0]).toBe('concepts/run/tracked.html#confirming-a-run');
    expect(paths('api key token')[0]).toBe('integrations/api.html#getting-a-token');
  });

  it('falls back to any word when no entry has all of them', () => {
    expect(paths('drift zebra')[0]).toMatch(/^concepts\/stack\/drift-detection\.html/);
  });

  it('returns nothing, without throwing, for empty or stop-word-only queries', () => {
    expect(searchDocs(sandbox, '')).toEqual([]);
    expect(searchDocs(sandbox, '   ')).toEqual([]);
    expect(searchDocs(sandbox, 'what is the')).toEqual([]);
    expect(searchDocs(sandbox, '?!')).toEqual([]);
    expect(searchDocs(sandbox, 'stack', { limit: 0 })).toEqual([]);
  });

  it('respects the limit', () => {
    expect(paths('stack', 3)).toHaveLength(3);
    expect(paths('stack')).toHaveLength(5);
  });

  it('gives compact results: display title, absolute URL, plain snippet of ~200 characters', () => {
    for (const result of searchDocs(sandbox, 'run states', { limit: 10 })) {
      expect(Object.keys(result).sort()).toEqual(['score', 'snippet', 'title', 'url']);
      expect(result.url.startsWith(`${DOCS_BASE}/`)).toBe(true);
      expect(result.snippet.length).toBeLessThanOrEqual(202);
      expect(result.snippet).not.toMatch(/<\/?(p|code|strong)>/);
    }
  });
});

describe('searchDocs ranks pages', () => {
  // One page with a matching intro and four matching headings, and three other pages.
  const index = indexOf({
    docs: [
      { location: 'concepts/policy.html', title: 'Policies', text: 'Policies are rules written in Rego.' },
      ...['login', 'plan', 'push', 'trigger'].map((kind) => ({
        location: `concepts/policy.html#${kind}-policies`,
        title: `${kind} policies`,
        text: `The ${kind} policy type is evaluated for each ${kind} event.`,
      })),
      { location: 'concepts/stack.html#attaching-policies', title: 'Attaching policies', text: 'Attach a policy to a stack.' },
      { location: 'concepts/spaces.html', title: 'Spaces', text: 'Spaces hold stacks, contexts and policies.' },
      { location: 'concepts/context.html#plan-and-push', title: 'Plan and push', text: 'Contexts are read at plan time.' },
    ],
  });

  it('gives one result per page: its best-matching entry, the other pages after it', () => {
    const urls = searchDocs(index, 'policies').map((result) => result.url.split('#')[0]);
    expect(urls).toEqual([`${DOCS_BASE}/concepts/policy.html`, `${DOCS_BASE}/concepts/stack.html`, `${DOCS_BASE}/concepts/spaces.html`]);
  });

  it('puts a page with many matching sections ahead of a lone heading that matches slightly better', () => {
    const pages = indexOf({
      docs: [
        { location: 'misc.html#aside', title: 'Aside', text: 'terraform state' },
        ...Array.from({ length: 12 }, (_, i) => ({ location: `guide.html#part-${i}`, title: `Part ${i}`, text: `terraform state, part ${i}` })),
      ],
    });
    expect(searchDocs(pages, 'terraform state').map((result) => result.url.split('#')[0])).toEqual([`${DOCS_BASE}/guide.html`, `${DOCS_BASE}/misc.html`]);
  });

  it("prefers a page's own introduction to one of its headings holding the same words", () => {
    const pages = indexOf({
      docs: [
        { location: 'concepts/drift.html', title: 'Drift detection', text: 'Drift detection finds changes made outside Spacelift.' },
        { location: 'concepts/drift.html#schedule', title: 'Schedule', text: 'Drift detection runs on a schedule.' },
      ],
    });
    expect(searchDocs(pages, 'drift detection').map((result) => result.url)).toEqual([`${DOCS_BASE}/concepts/drift.html`]);
  });
});

describe('makeSnippet', () => {
  const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

  it('returns short text whole', () => {
    expect(makeSnippet('A short text.', ['short'])).toBe('A short text.');
  });

  it('centres on the matched words, keeps them whole and marks the cuts', () => {
    const text = `${filler(60)} the dependencies of a stack ${filler(60)}`;
    const snippet = makeSnippet(text, ['dependency', 'stack']);
    expect(snippet).toMatch(/^….*the dependencies of a stack.*…$/);
    expect(snippet.length).toBeLessThanOrEqual(202);
    expect(snippet).toMatch(/^…word\d+ /);
    expect(snippet).toMatch(/ word\d+…$/);
  });

  it('prefers the passage with the most distinct matched terms', () => {
    const text = `stack ${filler(50)} stack ${filler(50)} stack and its dependency ${filler(50)}`;
    expect(makeSnippet(text, ['stack', 'dependency'])).toContain('stack and its dependency');
  });

  it('starts at the beginning when nothing matches', () => {
    const snippet = makeSnippet(filler(100), ['absent']);
    expect(snippet.startsWith('word0 word1')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });
});
