import type { Transaction } from 'dexie';
import type { AssistantDatabase } from './database';
import { rebuildSearchIndex } from '../history/search-index';

/**
 * Every version of the database, oldest first, each declared here and only
 * here: its full schema (Dexie index syntax) and the step that brings the
 * previous version's rows up to it. A released version is never edited: a
 * change is a new version. Each version has a fixture of raw rows in
 * tests/unit/fixtures/db/v<N>.json, and migrations.test.ts opens every fixture
 * with the current AssistantDatabase.
 *
 * Indexes only ever hold ids, times, accounts and search terms: message bodies
 * and anything a user may paste (keys, tokens) are never an index.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Runs inside the versionchange transaction, after the new schema is in place. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    // The first release.
    version: 1,
    stores: {
      conversations: 'id, updatedAt, account',
      messages: 'id, [conversationId+seq]',
      caches: 'key',
    },
  },
  {
    // History: list, search, delete with undo.
    version: 2,
    stores: {
      // updatedAt and account stay as they were (cheap, and list-by-anything-updated may want them).
      // &docNo: the conversation's number in the search index, and how search results find their rows.
      // listedAt / [account+listedAt]: History's pages, newest first, for all accounts or one; deleted
      //   conversations have no listedAt, so these indexes skip them and a page never reads past them.
      // deletedAt: the purge of conversations deleted more than N days ago (only deleted rows have it).
      // Pinning was left out: nothing asks for it yet, and it is a field plus an index in a later version.
      conversations: 'id, updatedAt, account, &docNo, listedAt, [account+listedAt], deletedAt',
      messages: 'id, [conversationId+seq]',
      caches: 'key',
      // The search index (see lib/history/search-index.ts): postings by term, for a bucket of conversations.
      searchPostings: '[term+bucket]',
    },
    upgrade: upgradeToV2,
  },
  {
    // Models: the usage ledger behind token budgets. Conversations gain an optional integrationId
    // (no index, nothing to migrate: a conversation without one uses the default integration).
    version: 3,
    stores: {
      conversations: 'id, updatedAt, account, &docNo, listedAt, [account+listedAt], deletedAt',
      messages: 'id, [conversationId+seq]',
      caches: 'key',
      searchPostings: '[term+bucket]',
      // at: the popup's summary over the window and pruning old rows;
      // [integrationId+at]: one integration's spending over the window, for its budget.
      usage: '++id, at, [integrationId+at]',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Number conversations in order of creation, list them all, and index what they hold. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  const conversations = tx.table('conversations') as AssistantDatabase['conversations'];
  const rows = await conversations.toArray();
  rows.sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1));
  await conversations.bulkPut(rows.map((row, docNo) => ({ ...row, docNo, listedAt: row.updatedAt })));
  await rebuildSearchIndex({
    conversations,
    messages: tx.table('messages') as AssistantDatabase['messages'],
    searchPostings: tx.table('searchPostings') as AssistantDatabase['searchPostings'],
  });
}
