import type { UIMessage } from 'ai';
import type { AssistantDatabase, ChatMode, ConversationRecord, MessageRecord } from './database';

export type ConversationSummary = ConversationRecord;

export interface ConversationMeta {
  id: string;
  account: string;
  mode: ChatMode;
  model: string;
}

const TITLE_LENGTH = 60;

export function titleFrom(messages: readonly UIMessage[]): string {
  const firstUser = messages.find((m) => m.role === 'user');
  const text = firstUser ? textOf(firstUser).replace(/\s+/g, ' ').trim() : '';
  if (!text) return 'New conversation';
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text;
}

export function textOf(message: UIMessage): string {
  return message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

/** Conversations and their messages in IndexedDB. */
export class ConversationStore {
  constructor(
    private readonly db: AssistantDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Write-ahead: store the conversation as the client sent it, before the model
   * is called. The client's list is the truth for the history, so messages past
   * its end (an answer being regenerated, a branch cut by an edit) are dropped.
   */
  async saveHistory(meta: ConversationMeta, messages: readonly UIMessage[]): Promise<void> {
    const at = this.now();
    await this.db.transaction('rw', this.db.conversations, this.db.messages, async () => {
      const existing = await this.db.conversations.get(meta.id);
      await this.db.conversations.put({
        ...meta,
        title: existing?.title ?? titleFrom(messages),
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      const stored = await this.messagesOf(meta.id);
      const keep = new Set(messages.map((m) => m.id));
      const stale = stored.filter((r) => !keep.has(r.id)).map((r) => r.id);
      await this.db.messages.bulkDelete(stale);
      const byId = new Map(stored.map((r) => [r.id, r]));
      await this.db.messages.bulkPut(
        messages.map((message, seq) => ({
          id: message.id,
          conversationId: meta.id,
          seq,
          role: message.role,
          createdAt: byId.get(message.id)?.createdAt ?? at,
          status: byId.get(message.id)?.status ?? 'complete',
          message,
        })),
      );
    });
  }

  /** Store (or update) the answer being written, at the position after the history. */
  async saveAnswer(conversationId: string, seq: number, message: UIMessage, status: MessageRecord['status']): Promise<void> {
    const at = this.now();
    await this.db.transaction('rw', this.db.conversations, this.db.messages, async () => {
      const existing = await this.db.messages.get(message.id);
      await this.db.messages.put({
        id: message.id,
        conversationId,
        seq,
        role: message.role,
        createdAt: existing?.createdAt ?? at,
        status,
        message,
      });
      await this.db.conversations.update(conversationId, { updatedAt: at });
    });
  }

  async get(id: string): Promise<{ conversation: ConversationSummary; messages: UIMessage[] } | null> {
    const conversation = await this.db.conversations.get(id);
    if (!conversation) return null;
    const records = await this.messagesOf(id);
    return { conversation, messages: records.map((r) => r.message) };
  }

  async messageRecords(id: string): Promise<MessageRecord[]> {
    return this.messagesOf(id);
  }

  /** Newest first. */
  async list(limit = 50): Promise<ConversationSummary[]> {
    return this.db.conversations.orderBy('updatedAt').reverse().limit(limit).toArray();
  }

  private messagesOf(conversationId: string): Promise<MessageRecord[]> {
    return this.db.messages
      .where('[conversationId+seq]')
      .between([conversationId, Dexie_minKey], [conversationId, Dexie_maxKey])
      .toArray();
  }
}

// Bounds for a compound-index range over every seq of one conversation.
const Dexie_minKey = -Infinity;
const Dexie_maxKey = Infinity;
