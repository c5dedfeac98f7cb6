// Search quality on a real copy of docs.spacelift.io's index (2,647 entries), when present.
// Relevance is judged on the result's URL and title, the way a reader would pick a link.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normalizeIndex, type DocsSearchIndex } from './docs-index';
import { searchDocs, type DocsSearchResult } from './search-docs';
import { sharedReference } from '../../tests/shared-reference';

const REAL_INDEX = sharedReference('spacelift/docs/search_index.json') ?? '(absent) ../shared/spacelift/docs/search_index.json';
const DOCS_BASE = 'https://docs.spacelift.io';

type Relevant = (result: { path: string; title: string }) => boolean;

const QUESTIONS: [query: string, relevant: Relevant][] = [
  ['how do I trigger a run from a policy', ({ title }) => /trigger/i.test(title) && /polic/i.test(title)],
  ['what is a context', ({ path }) => path.startsWith('concepts/configuration/context.html')],
  ['drift detection', ({ path }) => path.startsWith('concepts/stack/drift-detection.html')],
  ['private worker pool setup', ({ path }) => path.startsWith('concepts/worker-pools')],
  ['spaces inheritance', ({ path, title }) => path.startsWith('concepts/spaces') && /inherit/i.test(title)],
  ['approval policy', ({ path }) => path.startsWith('concepts/policy/approval-policy.html')],
  ['stack dependencies outputs', ({ path }) => path.startsWith('concepts/stack/stack-dependencies.html')],
  ['api key graphql', ({ path, title }) => path.startsWith('integrations/api.html') && /api key|authenticat/i.test(title)],
  ['terraform version', ({ path, title }) => path.startsWith('vendors/terraform/version-management.html') || /terraform.?version/i.test(title)],
  ['run states unconfirmed', ({ path, title }) => path.startsWith('concepts/run') && /unconfirmed|run states/i.test(title)],
];

describe.skipIf(!existsSync(REAL_INDEX))('searchDocs on the real docs.spacelift.io index', () => {
  const load = (): DocsSearchIndex => {
    const entries = normalizeIndex(JSON.parse(readFileSync(REAL_INDEX, 'utf8')));
    return { docsBase: DOCS_BASE, entries, miniSearch: buildSearchIndex(entries) };
  };
  const index = existsSync(REAL_INDEX) ? load() : undefined;
  const describeResults = (results: DocsSearchResult[]) => results.map((result) => `${result.title} <${result.url}>`).join('\n');

  it('normalizes every entry', () => {
    expect(index!.entries).toHaveLength(2647);
    expect(index!.entries.find((entry) => entry.location === 'concepts/stack/stack-dependencies.html#defining-stack-dependencies')).toMatchObject({
      pageTitle: 'Stack dependencies',
      section: 'Defining stack dependencies',
    });
  });

  it.each(QUESTIONS)('"%s" has a relevant page in the top 3', (query, relevant) => {
    const results = searchDocs(index!, query);
    const top3 = results.slice(0, 3).map((result) => ({ path: result.url.slice(DOCS_BASE.length + 1), title: result.title }));
    expect(top3.some(relevant), describeResults(results)).toBe(true);
  });

  it('never gives more than two results from one page', () => {
    for (const [query] of QUESTIONS) {
      const pages = searchDocs(index!, query, { limit: 10 }).map((result) => result.url.split('#')[0]);
      for (const page of new Set(pages)) expect(pages.filter((other) => other === page).length, `${query}: ${page}`).toBeLessThanOrEqual(2);
    }
  });
});
