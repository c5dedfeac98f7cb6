import Dexie, { type EntityTable } from 'dexie';
import type { UIMessage } from 'ai';

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
}

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

export class AssistantDatabase extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  messages!: EntityTable<MessageRecord, 'id'>;
  caches!: EntityTable<CacheRecord, 'key'>;

  constructor(name = 'infra-assistant') {
    super(name);
    // Version 1, the first release. Later versions add .upgrade() steps; never edit this one.
    this.version(1).stores({
      conversations: 'id, updatedAt, account',
      messages: 'id, [conversationId+seq]',
      caches: 'key',
    });
  }
}
