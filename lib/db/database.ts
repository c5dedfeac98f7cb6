import Dexie, { type EntityTable, type Table } from 'dexie';
import type { UIMessage } from 'ai';
import { SCHEMA_VERSIONS } from './schema-versions';

export type ChatMode = 'ask' | 'build';

export interface ConversationRecord {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** The Spacelift origin the conversation belongs to, e.g. https://acme.app.spacelift.io */
  account: string;
  mode: ChatMode;
  model: string;
  /** Since v3 (absent before): the AI integration the conversation's model belongs to. */
  integrationId?: string;
  /**
   * Since v2. A small integer naming the conversation inside the search index
   * (postings hold it instead of the 36-character id). Assigned once, in order
   * of creation; never reused while the conversation exists.
   */
  docNo: number;
  /**
   * Since v2. Equal to updatedAt while the conversation is listed; absent once
   * it is deleted, which takes it out of the `listedAt` indexes, so History's
   * pages never read deleted rows.
   */
  listedAt?: number;
  /** Since v2. When the conversation was deleted (undo clears it, purge removes the conversation for good). */
  deletedAt?: number;
  /**
   * Where the title came from: the first question cut short (also when absent:
   * rows written before titles were generated), a model's summary of the first
   * exchange, or the user. A user's title is never replaced. Not indexed, so no
   * schema version was needed for it.
   */
  titleSource?: TitleSource;
}

export type TitleSource = 'question' | 'generated' | 'user';

/**
 * One UI message, stored whole (all parts: text, tool calls and results) so a
 * conversation reopens exactly as it was. Bodies are not indexed: search has
 * its own structure.
 */
export interface MessageRecord {
  id: string;
  conversationId: string;
  /** Position in the conversation, 0-based. */
  seq: number;
  role: UIMessage['role'];
  createdAt: number;
  status: 'complete' | 'streaming' | 'interrupted';
  message: UIMessage;
}

/** A fetched document kept for later (docs index, GraphQL schema). */
export interface CacheRecord<T = unknown> {
  key: string;
  value: T;
  fetchedAt: number;
  etag?: string;
}

/**
 * Since v2. One row of History's search index: the postings of one term for
 * the conversations of one bucket (docNo / BUCKET_SIZE). See
 * lib/history/search-index.ts for why it is shaped so.
 */
export interface PostingRecord {
  term: string;
  bucket: number;
  /**
   * The postings, packed as varints (one small buffer clones and stores far
   * faster than arrays of numbers): per conversation, in docNo order, its
   * docNo, title count, body count, recency (seconds) and the positions (seq)
   * of the messages holding the term. Layout: packPostings in search-index.ts.
   */
  p: Uint8Array;
}

/**
 * Since v3. One model call in the usage ledger (lib/budget/usage-ledger.ts):
 * its tokens and what it cost, per integration. Budgets sum these over the
 * rolling 30-day window. Never holds a key, a prompt or an answer.
 */
export interface UsageRecord {
  id?: number;
  /** When the call ended (ms since the epoch). */
  at: number;
  integrationId: string;
  /** The integration's name when the call was made (kept after it is renamed or deleted). */
  integrationName: string;
  provider: string;
  model: string;
  /** A chat answer's step, a "Test connection" request, or a conversation's generated title. */
  kind: 'chat' | 'test' | 'title';
  conversationId?: string;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  /** Micro-dollars (1e-6 USD); 0 when the model has no price. */
  costMicros: number;
  /** False when the model had no price: the call is counted, its cost unknown. */
  priced: boolean;
}

export class AssistantDatabase extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  messages!: EntityTable<MessageRecord, 'id'>;
  caches!: EntityTable<CacheRecord, 'key'>;
  searchPostings!: Table<PostingRecord, [string, number]>;
  usage!: EntityTable<UsageRecord, 'id'>;

  constructor(name = 'infra-assistant') {
    super(name);
    // Every version, with its upgrade step, is declared in schema-versions.ts.
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
