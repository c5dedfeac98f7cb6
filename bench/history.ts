// History benchmark: 10,000 conversations / 200,000 messages of Spacelift-flavoured
// text (deterministic), then History's first page, search latency, opening a
// 500-message conversation, writes with the index kept current, the database's
// size and the v1 -> v2 upgrade.
// Run: npx tsx bench/history.ts (HISTORY_BENCH_SCALE=0.1 for a tenth), or npm run bench.
// Node + fake-indexeddb: an in-memory IndexedDB in JavaScript (structuredClone on
// every read and write). Real IndexedDB in Chromium has other costs (LevelDB on
// disk, a process hop, serialisation in C++): these figures rank designs, they
// do not predict the browser's milliseconds.

import 'fake-indexeddb/auto';
import { PerformanceObserver, performance as perf } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import Dexie from 'dexie';
import type { UIMessage } from 'ai';
import { AssistantDatabase, type PostingRecord } from '../lib/db/database';
import { ConversationStore } from '../lib/db/conversation-store';
import { SCHEMA_VERSIONS } from '../lib/db/schema-versions';
import { BUCKET_SIZE, buildPostings } from '../lib/history/search-index';
import { searchHistory } from '../lib/history/search';
import { generateCorpus, rowsOf, type CorpusConversation } from './history-corpus';

export { generateCorpus, type CorpusConversation };

// ---------------------------------------------------------------------------
// Benchmark

// Whole words, multi-word ANDs, prefixes as typed (last word unfinished), identifiers, rare and common terms.
export const HISTORY_QUERIES = [
  'terraform', 'state lock', 'prod-network', 'approval policy', 'drift detection', 'polic', 'terr', 'te', 'st',
  'worker pool queued', 'aws_iam_role', 'UnauthorizedOperation', 'OIDC', 'module registry', 'stack dependencies outputs',
  'why did the last run', 'billing-api fail', 'kubernetes cluster unreachable', 'rego deny delete', 'eks', 'context prio',
  'BucketNotEmpty', 'import aws_s3', 'tags_all ignore_changes', 'hardened-pool-3', 'spacectl stack run list', 'ledger stag',
  'enable_classiclink', 'AssumeRoleWithWebIdentity trust', 'two approvals production', 'nothing-matches-this-xyzzy',
];

const WRITE_CHUNK = 5_000;

/** JSON size of rows; bytes (a Uint8Array) count as their base64 string, as the fixtures write them. */
function jsonSize(rows: readonly unknown[]): number {
  let bytes = 0;
  for (const row of rows) bytes += Buffer.byteLength(JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
  return bytes;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const round = (value: number) => Math.round(value * 10) / 10;
const mb = (bytes: number) => `${round(bytes / 1e6)} MB`;

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function samples(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work))[1]);
  return times;
}

/**
 * Bulk load, as an import would: rows written in chunks, the index built in
 * memory a few buckets of conversations at a time (buildPostings, the code the
 * v2 upgrade uses) and written in chunks.
 */
async function bulkLoad(db: AssistantDatabase, corpus: readonly CorpusConversation[]) {
  const { conversations, messages, indexed } = rowsOf(corpus);
  const [, rowsMs] = await timed(async () => {
    await db.conversations.bulkPut(conversations);
    for (let i = 0; i < messages.length; i += WRITE_CHUNK) await db.messages.bulkPut(messages.slice(i, i + WRITE_CHUNK));
  });
  let postingRows = 0;
  let postingJson = 0;
  let postingBinary = 0;
  const [, indexMs] = await timed(async () => {
    for (let i = 0; i < indexed.length; i += BUCKET_SIZE * 8) {
      const rows: PostingRecord[] = buildPostings(indexed.slice(i, i + BUCKET_SIZE * 8));
      postingRows += rows.length;
      for (let j = 0; j < rows.length; j += WRITE_CHUNK) await db.searchPostings.bulkPut(rows.slice(j, j + WRITE_CHUNK));
      postingJson += jsonSize(rows);
      for (const row of rows) postingBinary += row.term.length + 8 + row.p.byteLength;
    }
  });
  return {
    rowsMs,
    indexMs,
    conversationBytes: jsonSize(conversations),
    messageBytes: jsonSize(messages),
    postingRows,
    postingJson,
    postingBinary,
  };
}

/** The v1 -> v2 upgrade (numbering, listing, indexing everything) on a v1 database holding `corpus`. */
async function benchUpgrade(corpus: readonly CorpusConversation[]): Promise<number> {
  const name = `bench-history-upgrade-${Math.random()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  const { conversations, messages } = rowsOf(corpus);
  await v1.table('conversations').bulkPut(conversations.map(({ docNo: _d, listedAt: _l, ...row }) => row));
  for (let i = 0; i < messages.length; i += WRITE_CHUNK) await v1.table('messages').bulkPut(messages.slice(i, i + WRITE_CHUNK));
  v1.close();
  const db = new AssistantDatabase(name);
  const [, ms] = await timed(() => db.open());
  await db.delete();
  return ms;
}

export async function benchHistory(options: { conversations?: number; messages?: number } = {}): Promise<Record<string, number | string>> {
  const nConversations = options.conversations ?? 10_000;
  const nMessages = options.messages ?? 200_000;
  const figures: Record<string, number | string> = {
    environment: 'Node + fake-indexeddb (in memory, structuredClone per row): real IndexedDB in Chromium will differ',
  };

  const [corpus, generateMs] = await timed(() => generateCorpus(nConversations, nMessages));
  const db = new AssistantDatabase(`bench-history-${Math.random()}`);
  await db.open();
  const [load, loadMs] = await timed(() => bulkLoad(db, corpus));
  const store = new ConversationStore(db);
  figures.corpus = `${nConversations} conversations, ${nMessages} messages, 3 accounts, longest ${Math.max(...corpus.map((c) => c.messages.length))} messages`;
  figures.generateMs = Math.round(generateMs);
  figures.insertRowsMs = Math.round(load.rowsMs);
  figures.buildAndInsertIndexMs = Math.round(load.indexMs);
  figures.generateAndInsertTotalMs = Math.round(generateMs + loadMs);

  // History's first page (cold: the first read of the table), then warm, then the next page.
  const account = corpus[0]!.account;
  const [firstPage, firstPageColdMs] = await timed(() => store.listPage({ account, limit: 50 }));
  figures.firstPage50ColdMs = round(firstPageColdMs);
  figures.firstPage50MedianMs = round(percentile(await samples(10, () => store.listPage({ account, limit: 50 })), 0.5));
  figures.firstPage50AllAccountsMedianMs = round(percentile(await samples(10, () => store.listPage({ limit: 50 })), 0.5));
  figures.nextPage50MedianMs = round(percentile(await samples(10, () => store.listPage({ account, limit: 50, before: firstPage.next! })), 0.5));

  // Search: a first pass over every query, then three timed passes. Nothing is cached between queries.
  const firstPass: number[] = [];
  const hitCounts: number[] = [];
  for (const query of HISTORY_QUERIES) {
    const [hits, ms] = await timed(() => searchHistory(db, query, { limit: 20 }));
    firstPass.push(ms);
    hitCounts.push(hits.length);
  }
  // Major GCs of this process (whose heap holds the whole fake database) are noted, to tell them from the search's own time.
  const majorGcs: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind === 4 /* NODE_PERFORMANCE_GC_MAJOR */) majorGcs.push([entry.startTime, entry.startTime + entry.duration]);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const times: number[] = [];
  const windows: [number, number][] = [];
  const perQuery = new Map<string, number[]>();
  for (let pass = 0; pass < 3; pass++) {
    for (const query of HISTORY_QUERIES) {
      const started = perf.now();
      const [, ms] = await timed(() => searchHistory(db, query, { limit: 20 }));
      times.push(ms);
      windows.push([started, started + ms]);
      perQuery.set(query, [...(perQuery.get(query) ?? []), ms]);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer deliver
  observer.disconnect();
  const withoutGc = times.filter((_, i) => !majorGcs.some(([from, to]) => from < windows[i]![1] && to > windows[i]![0]));
  const slowest = [...perQuery].map(([q, t]) => [q, percentile(t, 0.5)] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
  const accountTimes: number[] = [];
  for (const query of HISTORY_QUERIES) accountTimes.push((await timed(() => searchHistory(db, query, { account: corpus[1]!.account })))[1]);
  figures.searchQueries = `${HISTORY_QUERIES.length} (x3 passes), 20 results each with snippets`;
  figures.searchMedianMs = round(percentile(times, 0.5));
  figures.searchP95Ms = round(percentile(times, 0.95));
  figures.searchMaxMs = round(Math.max(...times));
  figures.searchWithoutMajorGc = `${withoutGc.length}/${times.length} samples: median ${round(percentile(withoutGc, 0.5))}, p95 ${round(percentile(withoutGc, 0.95))}, max ${round(Math.max(...withoutGc))} ms`;
  figures.searchFirstPassMedianMs = round(percentile(firstPass, 0.5));
  figures.searchSlowestMedians = slowest.map(([q, t]) => `"${q}" ${round(t)} ms`).join(', ');
  figures.searchOneAccountMedianMs = round(percentile(accountTimes, 0.5));
  figures.searchResultsPerQuery = hitCounts.join(' ');

  // The long conversation, as History opens it.
  const long = corpus.find((c) => c.messages.length >= 500) ?? corpus[0]!;
  const openTimes = await samples(6, () => store.get(long.id));
  figures.openLongConversationMedianMs = `${round(percentile(openTimes.slice(1), 0.5))} (${long.messages.length} messages; first ${round(openTimes[0]!)})`;

  // Writes with the index kept current: a new question on the long conversation, its answer streamed (3 saves), a new conversation.
  const history = long.messages.map((m) => m.message);
  const question: UIMessage = { id: 'bench-q', role: 'user', parts: [{ type: 'text', text: 'Why is prod-network drifting again after the state lock error?' }] };
  const meta = { id: long.id, account: long.account, mode: 'ask' as const, model: 'gpt-5-mini' };
  const [, saveHistoryMs] = await timed(() => store.saveHistory(meta, [...history, question]));
  // The answer as it streams: saved after each step, growing, then complete.
  const answer = generateCorpus(2, 4, 2, 7)[0]!.messages[1]!.message;
  const fullText = answer.parts.map((p) => (p.type === 'text' ? p.text : '')).join(' ');
  const steps = [0.3, 0.6, 1].map((share) => fullText.slice(0, Math.round(fullText.length * share)));
  const answerTimes: number[] = [];
  for (const [i, text] of steps.entries()) {
    const message: UIMessage = { id: 'bench-a', role: 'assistant', parts: [{ type: 'step-start' }, { type: 'text', text }] };
    answerTimes.push((await timed(() => store.saveAnswer(long.id, history.length + 1, message, i === steps.length - 1 ? 'complete' : 'streaming')))[1]);
  }
  const [, newConversationMs] = await timed(() => store.saveHistory({ ...meta, id: 'bench-new' }, [corpus[5]!.messages[0]!.message]));
  figures.saveHistory501MessagesMs = round(saveHistoryMs);
  figures.saveAnswerStreamedMs = `${answerTimes.map(round).join(' / ')} (a ${fullText.length}-character answer saved at 30%, 60%, 100%)`;
  figures.saveHistoryNewConversationMs = round(newConversationMs);

  figures.sizeConversationsJson = mb(load.conversationBytes);
  figures.sizeMessagesJson = mb(load.messageBytes);
  figures.sizeSearchPostingsJson = `${mb(load.postingJson)} (${load.postingRows} rows, buckets of ${BUCKET_SIZE}; ${mb(load.postingBinary)} as stored: term, bucket and varint bytes)`;
  figures.sizeTotalJson = mb(load.conversationBytes + load.messageBytes + load.postingJson);
  await db.delete();

  // The upgrade from v1 on a tenth of the corpus (its v1 rows must be written first, slowly).
  const upgradeCorpus = corpus.slice(0, Math.ceil(corpus.length / 10));
  const upgradeMs = await benchUpgrade(upgradeCorpus);
  const upgradeMessages = upgradeCorpus.reduce((n, c) => n + c.messages.length, 0);
  figures.upgradeV1toV2 = `${Math.round(upgradeMs)} ms for ${upgradeCorpus.length} conversations / ${upgradeMessages} messages (~${round((upgradeMs * corpus.length) / upgradeCorpus.length / 1000)} s for all, linearly)`;
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scale = Number(process.env.HISTORY_BENCH_SCALE ?? 1);
  const started = performance.now();
  const figures = await benchHistory({ conversations: Math.round(10_000 * scale), messages: Math.round(200_000 * scale) });
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(32)} ${value}`);
  console.log(`${'benchmarkRuntimeS'.padEnd(32)} ${Math.round((performance.now() - started) / 1000)}`);
}
