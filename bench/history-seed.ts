// Runs inside the extension's service worker (bundled by bench/history-panel.ts): fills the
// extension's real IndexedDB with the benchmark corpus, the way an import would (rows in chunks,
// the search index built a few buckets at a time).
import { AssistantDatabase } from '../lib/db/database';
import { BUCKET_SIZE, buildPostings } from '../lib/history/search-index';
import { generateCorpus, rowsOf } from './history-corpus';
import { searchHistory } from '../lib/history/search';
import { ConversationStore } from '../lib/db/conversation-store';

const CHUNK = 5_000;

export async function seed(conversations: number, messages: number, account: string) {
  const started = performance.now();
  const corpus = generateCorpus(conversations, messages, 500, 42, [account]);
  const long = corpus.find((c) => c.messages.length >= 500)!;
  long.title = 'Long conversation: 500 messages';
  const rows = rowsOf(corpus);
  const generatedMs = performance.now() - started;
  const db = new AssistantDatabase();
  await db.open();
  await db.transaction('rw', db.conversations, db.messages, db.searchPostings, async () => {
    await db.conversations.clear();
    await db.messages.clear();
    await db.searchPostings.clear();
  });
  await db.conversations.bulkPut(rows.conversations);
  for (let i = 0; i < rows.messages.length; i += CHUNK) await db.messages.bulkPut(rows.messages.slice(i, i + CHUNK));
  for (let i = 0; i < rows.indexed.length; i += BUCKET_SIZE * 8) {
    const postings = buildPostings(rows.indexed.slice(i, i + BUCKET_SIZE * 8));
    for (let j = 0; j < postings.length; j += CHUNK) await db.searchPostings.bulkPut(postings.slice(j, j + CHUNK));
  }
  db.close();
  const estimate = await navigator.storage.estimate();
  return { generatedMs, totalMs: performance.now() - started, longMessages: long.messages.length, usageBytes: estimate.usage ?? 0 };
}

/** The background's own share: the same searches and the long conversation's read, timed inside the worker. */
export async function timeInWorker(queries: string[], account: string) {
  const db = new AssistantDatabase();
  await db.open();
  const store = new ConversationStore(db);
  const search: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const query of queries) {
      const started = performance.now();
      await searchHistory(db, query, { account, limit: 30 });
      search.push(performance.now() - started);
    }
  }
  const page: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await store.listPage({ account, limit: 50 });
    page.push(performance.now() - started);
  }
  const long = await db.conversations.filter((c) => c.title === 'Long conversation: 500 messages').first();
  const open: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await store.getWithRecords(long!.id);
    open.push(performance.now() - started);
  }
  db.close();
  return { search, page, open };
}
