// Docs search benchmark: index build, cache restore and query latency.
// Run: npx tsx bench/docs-search.ts (or npm run bench)
// Uses the real docs.spacelift.io index when ../shared has it, else the sandbox corpus.

import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CacheStore } from '../lib/db/cache-store';
import { AssistantDatabase } from '../lib/db/database';
import { buildSearchIndex, loadSearchIndex, normalizeIndex, type DocEntry, type DocsSearchIndex } from '../lib/docs/docs-index';
import { searchDocs } from '../lib/docs/search-docs';
import { DOCS_CORPUS } from '../tests/sandbox/docs/corpus';
import { pagesFromCorpus, searchIndexFor } from '../tests/sandbox/docs/site';
import { sharedReference } from '../tests/shared-reference';
import { DOCS_QUESTIONS, DOCS_QUESTIONS_HELD_OUT, type DocsQuestion } from './fixtures/docs-questions';

const REAL_INDEX = sharedReference('spacelift/docs/search_index.json') ?? '(absent) ../shared/spacelift/docs/search_index.json';

// Questions, keywords, typos, prefixes, identifiers and long rambling ones.
const QUERIES = [
  'how do I trigger a run from a policy', 'what is a context', 'drift detection', 'private worker pool setup',
  'spaces inheritance', 'approval policy', 'stack dependencies outputs', 'api key graphql', 'terraform version',
  'run states unconfirmed', 'depndencies', 'polic', 'contxt', 'kubernetes workers helm chart', 'spacectl',
  'OIDC AWS role', 'plan policy deny', 'push policy ignore', 'login policy teams', 'module registry versions',
  'environment variables', 'mounted files', 'secret', 'autodeploy', 'tracked branch', 'proposed run pull request',
  'why did my run fail', 'how can I confirm a run through the API', 'runConfirm', 'TF_VAR', 'notification policy slack',
  'terragrunt', 'pulumi', 'ansible inventory', 'cloudformation', 'opentofu', 'task', 'hooks before init', 'labels folder',
  'audit trail', 'webhooks', 'VCS agent pool', 'github app integration', 'gitlab', 'bitbucket', 'self-hosted install',
  'what is the difference between a tracked run and a proposed run', 'state management import', 'blueprint', 'x',
];

export async function benchDocsSearch(): Promise<Record<string, number | string>> {
  const usingRealIndex = existsSync(REAL_INDEX);
  // Load: the index file's text parsed, as the fetched response's JSON is on a first load.
  const text = usingRealIndex ? readFileSync(REAL_INDEX, 'utf8') : JSON.stringify(searchIndexFor(pagesFromCorpus(DOCS_CORPUS)));
  JSON.parse(text);
  const parseMs = medianOf(3, () => JSON.parse(text));
  const raw: unknown = JSON.parse(text);

  // Build: normalize the raw index and index it, as a first load does.
  normalizeAndBuild(raw); // warm-up
  const buildMs = medianOf(3, () => normalizeAndBuild(raw));
  const { entries, miniSearch } = normalizeAndBuild(raw);
  const serialisedIndex = JSON.stringify(miniSearch);

  // Restore, the two candidates for what the cache holds: the serialised index, or the entries to re-index.
  loadSearchIndex(serialisedIndex);
  const loadJsonMs = medianOf(5, () => loadSearchIndex(serialisedIndex));
  const rebuildFromEntriesMs = medianOf(3, () => buildSearchIndex(entries));
  const dexieRestoreMs = await restoreThroughDexie(entries, serialisedIndex);

  // Search latency over every query, after a warm-up.
  const index: DocsSearchIndex = { docsBase: 'https://docs.spacelift.io', entries, miniSearch };
  for (let round = 0; round < 3; round++) for (const query of QUERIES) searchDocs(index, query);
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const query of QUERIES) {
      const start = performance.now();
      searchDocs(index, query);
      samples.push(performance.now() - start);
    }
  }

  const relevance = usingRealIndex ? measureRelevance(index) : undefined;

  return {
    corpus: usingRealIndex ? `real docs.spacelift.io index (${REAL_INDEX})` : 'sandbox corpus (real index absent)',
    entries: entries.length,
    indexFileKB: round(Buffer.byteLength(text) / 1024),
    parseIndexJsonMs: round(parseMs),
    normalizeAndBuildMs: round(buildMs),
    firstLoadTotalMs: `${round(parseMs + buildMs)} (parse + normalise + build; the download comes on top)`,
    serialisedIndexKB: round(Buffer.byteLength(serialisedIndex) / 1024),
    cachedValueKB: round(Buffer.byteLength(JSON.stringify({ entries, searchIndex: serialisedIndex })) / 1024),
    restoreFromSerialisedIndexMs: round(loadJsonMs),
    restoreByReindexingEntriesMs: round(rebuildFromEntriesMs),
    restoreFromDexieMs: round(dexieRestoreMs),
    queries: QUERIES.length,
    searchMedianMs: round(percentile(samples, 0.5)),
    searchP95Ms: round(percentile(samples, 0.95)),
    searchMaxMs: round(Math.max(...samples)),
    ...(relevance ?? { relevance: 'real index absent: users\' questions not measured' }),
  };
}

/**
 * How well users' questions, asked as they are, find a page that answers them
 * (bench/fixtures/docs-questions.ts): the share with such a page first, in the top 3,
 * in the top 5, and the mean reciprocal rank.
 */
function measureRelevance(index: DocsSearchIndex): Record<string, number> {
  const tuning = relevanceOn(index, DOCS_QUESTIONS);
  const heldOut = relevanceOn(index, DOCS_QUESTIONS_HELD_OUT);
  return {
    ...tuning,
    ...Object.fromEntries(Object.entries(heldOut).map(([key, value]) => [`heldOut.${key}`, value])),
  };
}

function relevanceOn(index: DocsSearchIndex, questionSet: DocsQuestion[]): Record<string, number> {
  let first = 0;
  let top3 = 0;
  let top5 = 0;
  let reciprocal = 0;
  if (process.env.DOCS_BENCH_MISSES) console.log('--- misses');
  for (const { question, relevant } of questionSet) {
    const paths = searchDocs(index, question, { limit: 5 }).map((result) => result.url.slice(index.docsBase.length + 1));
    const rank = paths.findIndex((path) => relevant.some((prefix) => path.startsWith(prefix)));
    if (process.env.DOCS_BENCH_MISSES && rank !== 0) console.log(`${rank < 0 ? '-' : rank + 1} ${question} → ${paths.slice(0, 3).join(', ')}`);
    if (rank < 0) continue;
    if (rank === 0) first++;
    if (rank < 3) top3++;
    top5++;
    reciprocal += 1 / (rank + 1);
  }
  const n = questionSet.length;
  return {
    questions: n,
    answerFirstPct: round((100 * first) / n),
    answerInTop3Pct: round((100 * top3) / n),
    answerInTop5Pct: round((100 * top5) / n),
    meanReciprocalRank: round(reciprocal / n),
  };
}

function normalizeAndBuild(raw: unknown) {
  const entries = normalizeIndex(raw);
  return { entries, miniSearch: buildSearchIndex(entries) };
}

/** CacheStore.get + loadJSON, as DocsSource does after a worker restart (IndexedDB faked in Node). */
async function restoreThroughDexie(entries: DocEntry[], searchIndex: string): Promise<number> {
  const db = new AssistantDatabase(`bench-docs-${Math.random()}`);
  const cache = new CacheStore(db);
  await cache.put('docs-index', { format: 1, entries, searchIndex });
  const times: number[] = [];
  for (let run = 0; run < 4; run++) {
    const start = performance.now();
    const record = await cache.get<{ searchIndex: string }>('docs-index');
    loadSearchIndex(record!.value.searchIndex);
    times.push(performance.now() - start);
  }
  db.close();
  return percentile(times.slice(1), 0.5);
}

function medianOf(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return percentile(times, 0.5);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const round = (value: number) => Math.round(value * 100) / 100;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchDocsSearch();
  if (!String(figures.corpus).startsWith('real')) console.log(`Note: ${REAL_INDEX} not found; measuring the sandbox corpus instead.`);
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(30)} ${value}`);
}
