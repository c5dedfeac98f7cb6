import type { UIMessage } from 'ai';
import type { AssistantDatabase, ChatMode, ConversationRecord, MessageRecord, TitleSource } from './database';
import { BUCKET_SIZE, IndexChanges, applyIndexChanges, indexedText } from '../history/search-index';
import { searchableText } from '../history/tokenize';

export type ConversationSummary = ConversationRecord;

export interface ConversationMeta {
  id: string;
  account: string;
  mode: ChatMode;
  model: string;
  /** The AI integration of `model` (since v3). */
  integrationId?: string;
}

/** Where a History page ends: pass it back as `before` for the next page. */
export interface HistoryCursor {
  listedAt: number;
  id: string;
}

export interface HistoryPage {
  items: ConversationSummary[];
  /** null on the last page. */
  next: HistoryCursor | null;
}

/** What a write changed, for the panels that show the history (the background broadcasts it). */
export interface HistoryChange {
  /** The conversations written, renamed, deleted, restored or imported. */
  ids: string[];
  /** Their Spacelift accounts, so a tab of another account can skip the refresh. */
  accounts: string[];
}

/** A conversation as a history file carries it (lib/history/transfer.ts): no docNo, no listing state. */
export interface ImportedConversation {
  conversation: Pick<ConversationRecord, 'id' | 'title' | 'createdAt' | 'updatedAt' | 'account' | 'mode' | 'model'> & { titleSource?: TitleSource };
  messages: { message: UIMessage; createdAt: number; status: MessageRecord['status'] }[];
}

export interface ImportCounts {
  /** Conversations that were not here. */
  added: number;
  /** Conversations that were here and got the messages they lacked (or came back from the bin). */
  updated: number;
  /** Conversations already here with everything the file had, or that diverged (kept as they are). */
  unchanged: number;
}

export const TITLE_LENGTH = 60;
const DAY = 24 * 3600 * 1000;

export function titleFrom(messages: readonly UIMessage[]): string {
  const firstUser = messages.find((m) => m.role === 'user');
  const text = firstUser ? textOf(firstUser).replace(/\s+/g, ' ').trim() : '';
  if (!text) return 'New conversation';
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text;
}

/** Same content (as JSON: a client's copy may differ only in key order, which then costs a rewrite, nothing else). */
function sameMessage(a: UIMessage, b: UIMessage): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

export function textOf(message: UIMessage): string {
  return message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

/**
 * Conversations and their messages in IndexedDB, and History's search index,
 * which every write here keeps current in the same transaction.
 *
 * Deletion is soft: `delete` hides a conversation from lists and search,
 * `restore` undoes it, `purgeDeleted` removes it for good some days later.
 * Writes to a deleted conversation (an answer still streaming) are stored but
 * do not bring it back: only `restore` does.
 */
export class ConversationStore {
  private readonly listeners = new Set<(change: HistoryChange) => void>();

  constructor(
    private readonly db: AssistantDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Called after each committed write that History shows: a question stored,
   * an answer finished (not every partial save while it streams), a title, a
   * delete or restore, an import, a purge.
   */
  subscribe(listener: (change: HistoryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(conversations: readonly Pick<ConversationRecord, 'id' | 'account'>[]): void {
    if (conversations.length === 0) return;
    const change = { ids: conversations.map((c) => c.id), accounts: [...new Set(conversations.map((c) => c.account))] };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure is its own; the write is done.
      }
    }
  }

  /**
   * Write-ahead: store the conversation as the client sent it, before the model
   * is called. The client's list is the truth for the history, so messages past
   * its end (an answer being regenerated, a branch cut by an edit) are dropped.
   */
  async saveHistory(meta: ConversationMeta, messages: readonly UIMessage[]): Promise<void> {
    const at = this.now();
    const db = this.db;
    await db.transaction('rw', db.conversations, db.messages, db.searchPostings, async () => {
      const existing = await db.conversations.get(meta.id);
      const docNo = existing?.docNo ?? (await this.nextDocNo());
      const title = existing?.title ?? titleFrom(messages);
      await db.conversations.put({
        ...meta,
        title,
        titleSource: existing ? existing.titleSource : 'question',
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
        docNo,
        ...(existing?.deletedAt !== undefined ? { deletedAt: existing.deletedAt } : { listedAt: at }),
      });
      const changes = new IndexChanges();
      if (!existing) changes.title(docNo, null, title, at);

      const stored = await this.messagesOf(meta.id);
      const keep = new Set(messages.map((m) => m.id));
      const stale = stored.filter((r) => !keep.has(r.id));
      for (const record of stale) changes.message(docNo, indexedText(record), null);
      await db.messages.bulkDelete(stale.map((r) => r.id));

      const byId = new Map(stored.map((r) => [r.id, r]));
      const records: MessageRecord[] = [];
      messages.forEach((message, seq) => {
        const old = byId.get(message.id);
        // The whole history comes at every turn: rewrite only what changed (a long conversation would cost ~100 ms).
        if (old && old.seq === seq && sameMessage(old.message, message)) return;
        const record: MessageRecord = {
          id: message.id,
          conversationId: meta.id,
          seq,
          role: message.role,
          createdAt: old?.createdAt ?? at,
          status: old?.status ?? 'complete',
          message,
        };
        const text = searchableText(message);
        const oldText = old ? searchableText(old.message) : null;
        if (!old || old.seq !== seq || oldText !== text) {
          changes.message(docNo, old ? { seq: old.seq, text: oldText!, at: old.createdAt } : null, { seq, text, at: record.createdAt });
        }
        records.push(record);
      });
      if (records.length) await db.messages.bulkPut(records);
      await applyIndexChanges(db.searchPostings, changes);
    });
    this.changed([meta]);
  }

  /** Store (or update) the answer being written, at the position after the history. */
  async saveAnswer(conversationId: string, seq: number, message: UIMessage, status: MessageRecord['status']): Promise<void> {
    const at = this.now();
    const db = this.db;
    const conversation = await db.transaction('rw', db.conversations, db.messages, db.searchPostings, async () => {
      const existing = await db.messages.get(message.id);
      const record: MessageRecord = {
        id: message.id,
        conversationId,
        seq,
        role: message.role,
        createdAt: existing?.createdAt ?? at,
        status,
        message,
      };
      await db.messages.put(record);

      const changes = new IndexChanges();
      const conversation = await db.conversations.get(conversationId);
      if (existing && existing.conversationId !== conversationId) {
        // The same id under another conversation (should not happen): it moved here, unindex it there.
        const other = await db.conversations.get(existing.conversationId);
        if (other) changes.message(other.docNo, indexedText(existing), null);
      }
      if (conversation) {
        const old = existing?.conversationId === conversationId ? indexedText(existing) : null;
        changes.message(conversation.docNo, old, indexedText(record));
        await db.conversations.update(conversationId, {
          updatedAt: at,
          ...(conversation.deletedAt === undefined ? { listedAt: at } : {}),
        });
      }
      await applyIndexChanges(db.searchPostings, changes);
      return conversation;
    });
    // Partial saves while the answer streams are not news for History; the finished answer is.
    if (conversation && status !== 'streaming') this.changed([conversation]);
  }

  /** A conversation and its messages (deleted ones too, until purged: `conversation.deletedAt` says so). */
  async get(id: string): Promise<{ conversation: ConversationSummary; messages: UIMessage[] } | null> {
    const saved = await this.getWithRecords(id);
    return saved && { conversation: saved.conversation, messages: saved.records.map((r) => r.message) };
  }

  /** The conversation and its stored records (with each message's status), in one read. */
  async getWithRecords(id: string): Promise<{ conversation: ConversationSummary; records: MessageRecord[] } | null> {
    return this.db.transaction('r', this.db.conversations, this.db.messages, async () => {
      const conversation = await this.db.conversations.get(id);
      if (!conversation) return null;
      return { conversation, records: await this.messagesOf(id) };
    });
  }

  async messageRecords(id: string): Promise<MessageRecord[]> {
    return this.messagesOf(id);
  }

  /** Newest first, deleted ones left out. */
  async list(limit = 50): Promise<ConversationSummary[]> {
    return (await this.listPage({ limit })).items;
  }

  /**
   * One page of History, newest first, deleted conversations left out; of one
   * account or of all. `before` is the previous page's `next`.
   */
  async listPage(options: { account?: string; before?: HistoryCursor; limit?: number } = {}): Promise<HistoryPage> {
    const { account, before } = options;
    const limit = Math.max(1, options.limit ?? 50);
    const upper = before?.listedAt ?? Infinity;
    let collection =
      account === undefined
        ? this.db.conversations.where('listedAt').belowOrEqual(upper)
        : this.db.conversations.where('[account+listedAt]').between([account, -Infinity], [account, upper], true, true);
    // Equal times are ordered by id (descending here): skip the ones the previous page already had.
    if (before) collection = collection.filter((c) => c.listedAt! < before.listedAt || c.id < before.id);
    const items = await collection.reverse().limit(limit + 1).toArray();
    const more = items.length > limit;
    if (more) items.length = limit;
    const last = items[items.length - 1];
    return { items, next: more && last ? { listedAt: last.listedAt!, id: last.id } : null };
  }

  /**
   * The user's title (whitespace collapsed; the search index follows). It is
   * never replaced by a generated one. Returns the updated conversation, null if there is none.
   */
  async rename(id: string, title: string): Promise<ConversationSummary | null> {
    const clean = title.replace(/\s+/g, ' ').trim();
    if (!clean) throw new Error('A conversation title cannot be empty');
    return this.retitle(id, clean, 'user');
  }

  /**
   * A title written by a model from the first exchange: stored unless the user
   * has named the conversation (checked in the same transaction, so a rename
   * that lands first always wins). Null when it was not stored.
   */
  async setGeneratedTitle(id: string, title: string): Promise<ConversationSummary | null> {
    const clean = title.replace(/\s+/g, ' ').trim().slice(0, TITLE_LENGTH);
    if (!clean) return null;
    return this.retitle(id, clean, 'generated');
  }

  private async retitle(id: string, title: string, source: TitleSource): Promise<ConversationSummary | null> {
    const at = this.now();
    const db = this.db;
    const updated = await db.transaction('rw', db.conversations, db.searchPostings, async () => {
      const conversation = await db.conversations.get(id);
      if (!conversation) return null;
      if (source !== 'user' && conversation.titleSource === 'user') return null;
      if (conversation.title === title && conversation.titleSource === source) return conversation;
      const changes = new IndexChanges();
      changes.title(conversation.docNo, conversation.title, title, at);
      await db.conversations.update(id, { title, titleSource: source });
      await applyIndexChanges(db.searchPostings, changes);
      return { ...conversation, title, titleSource: source };
    });
    if (updated) this.changed([updated]);
    return updated;
  }

  /** Hide a conversation from History and search (undo with `restore`). False if there is none or it was already deleted. */
  async delete(id: string): Promise<boolean> {
    const at = this.now();
    const deleted = await this.db.transaction('rw', this.db.conversations, async () => {
      const conversation = await this.db.conversations.get(id);
      if (!conversation || conversation.deletedAt !== undefined) return null;
      // Dexie deletes a property set to undefined: that takes the row out of the listedAt indexes.
      await this.db.conversations.update(id, { deletedAt: at, listedAt: undefined });
      return conversation;
    });
    if (deleted) this.changed([deleted]);
    return !!deleted;
  }

  /** Undo a delete (until it is purged). False if there is nothing to restore. */
  async restore(id: string): Promise<boolean> {
    const restored = await this.db.transaction('rw', this.db.conversations, async () => {
      const conversation = await this.db.conversations.get(id);
      if (!conversation || conversation.deletedAt === undefined) return null;
      await this.db.conversations.update(id, { deletedAt: undefined, listedAt: conversation.updatedAt });
      return conversation;
    });
    if (restored) this.changed([restored]);
    return !!restored;
  }

  /**
   * Remove for good the conversations deleted more than `olderThanDays` days
   * ago: their messages, their postings, their row. Returns how many went.
   * One transaction per conversation, so a long purge never blocks writes for long.
   */
  async purgeDeleted(olderThanDays = 30): Promise<number> {
    const cutoff = this.now() - olderThanDays * DAY;
    const ids = await this.db.conversations.where('deletedAt').below(cutoff).primaryKeys();
    const db = this.db;
    let purged = 0;
    for (const id of ids) {
      const done = await db.transaction('rw', db.conversations, db.messages, db.searchPostings, async () => {
        const conversation = await db.conversations.get(id);
        if (!conversation || conversation.deletedAt === undefined || conversation.deletedAt >= cutoff) return false;
        const records = await this.messagesOf(id);
        const changes = new IndexChanges();
        changes.title(conversation.docNo, conversation.title, null, 0);
        for (const record of records) changes.message(conversation.docNo, indexedText(record), null);
        await applyIndexChanges(db.searchPostings, changes);
        await db.messages.bulkDelete(records.map((r) => r.id));
        await db.conversations.delete(id);
        return conversation;
      });
      if (done) {
        purged++;
        this.changed([done]);
      }
    }
    return purged;
  }

  /**
   * Every listed conversation (deleted ones left out), newest first, a page at
   * a time with its stored records: what "export all" writes.
   */
  async *listedWithRecords(options: { account?: string; pageSize?: number } = {}): AsyncGenerator<{ conversation: ConversationSummary; records: MessageRecord[] }> {
    let before: HistoryCursor | undefined;
    do {
      const page = await this.listPage({ account: options.account, before, limit: options.pageSize ?? 100 });
      for (const conversation of page.items) yield { conversation, records: await this.messagesOf(conversation.id) };
      before = page.next ?? undefined;
    } while (before);
  }

  /**
   * Merge conversations from a history file, keeping the search index right:
   * - one that is not here is added as it was (an answer that was streaming
   *   when it was exported comes in interrupted: no run is writing it here);
   * - one that is here gets the messages it lacks when its messages are the
   *   start of the file's (it went on elsewhere); the title is taken only when
   *   the file's is the user's and ours is not;
   * - one that was deleted here comes back (importing it says the user wants it);
   * - otherwise (same messages, or the two diverged) it is left as it is.
   * Nothing is duplicated: conversations and messages are matched by id, so
   * importing the same file twice changes nothing the second time.
   * Written a bucket of conversations per transaction (their index rows are shared).
   */
  async importConversations(items: readonly ImportedConversation[]): Promise<ImportCounts> {
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    const db = this.db;
    const touched: ConversationRecord[] = [];
    for (let start = 0; start < items.length; start += BUCKET_SIZE) {
      const batch = items.slice(start, start + BUCKET_SIZE);
      await db.transaction('rw', db.conversations, db.messages, db.searchPostings, async () => {
        const changes = new IndexChanges();
        let docNo = await this.nextDocNo();
        for (const item of batch) {
          const outcome = await this.importOne(item, changes, () => docNo++);
          counts[outcome.kind]++;
          if (outcome.record) touched.push(outcome.record);
        }
        await applyIndexChanges(db.searchPostings, changes);
      });
    }
    this.changed(touched);
    return counts;
  }

  private async importOne(
    item: ImportedConversation,
    changes: IndexChanges,
    allocateDocNo: () => number,
  ): Promise<{ kind: keyof ImportCounts; record?: ConversationRecord }> {
    const db = this.db;
    const incoming = item.conversation;
    const existing = await db.conversations.get(incoming.id);
    const stored = existing ? await this.messagesOf(existing.id) : [];
    const storedIds = stored.map((r) => r.id);
    const fileIds = item.messages.map((m) => m.message.id);
    // A stored id is the file's, or the one derived from it when the file's was taken (below).
    const extends_ = storedIds.length < fileIds.length && storedIds.every((id, i) => id === fileIds[i] || id === `${incoming.id}:${fileIds[i]}`);
    const wasDeleted = existing?.deletedAt !== undefined;
    if (existing && !extends_ && !wasDeleted) return { kind: 'unchanged' };

    const docNo = existing?.docNo ?? allocateDocNo();
    const keepTitle = existing && !(incoming.titleSource === 'user' && existing.titleSource !== 'user');
    const title = keepTitle ? existing.title : incoming.title.replace(/\s+/g, ' ').trim() || titleFrom(item.messages.map((m) => m.message));
    const updatedAt = Math.max(existing?.updatedAt ?? 0, incoming.updatedAt);
    const record: ConversationRecord = {
      id: incoming.id,
      title,
      titleSource: keepTitle ? existing.titleSource : (incoming.titleSource ?? 'question'),
      createdAt: existing?.createdAt ?? incoming.createdAt,
      updatedAt,
      account: existing?.account ?? incoming.account,
      mode: existing?.mode ?? incoming.mode,
      model: existing?.model ?? incoming.model,
      docNo,
      listedAt: updatedAt,
    };
    await db.conversations.put(record);
    if (!existing) changes.title(docNo, null, title, record.createdAt);
    else if (existing.title !== title) changes.title(docNo, existing.title, title, updatedAt);

    if (extends_ || !existing) {
      const records: MessageRecord[] = [];
      for (const [seq, { message, createdAt, status }] of item.messages.entries()) {
        if (seq < storedIds.length) continue;
        // Message ids are unique across conversations: one taken by another conversation gets a derived id.
        const taken = await db.messages.get(message.id);
        const id = taken && taken.conversationId !== record.id ? `${record.id}:${message.id}` : message.id;
        const next: MessageRecord = {
          id,
          conversationId: record.id,
          seq,
          role: message.role,
          createdAt,
          status: status === 'streaming' ? 'interrupted' : status,
          message: id === message.id ? message : { ...message, id },
        };
        records.push(next);
        changes.message(docNo, null, indexedText(next));
      }
      await db.messages.bulkPut(records);
      return { kind: existing ? 'updated' : 'added', record };
    }
    return { kind: 'updated', record };
  }

  /** The integration and model a stored conversation uses; null when it is not stored (yet). */
  async modelChoice(id: string): Promise<{ integrationId?: string; model: string } | null> {
    const conversation = await this.db.conversations.get(id);
    if (!conversation) return null;
    return { model: conversation.model, ...(conversation.integrationId ? { integrationId: conversation.integrationId } : {}) };
  }

  /** The user picked another model for a stored conversation (not a change History lists it by). False if it is not stored. */
  async setModelChoice(id: string, integrationId: string, model: string): Promise<boolean> {
    return (await this.db.conversations.update(id, { integrationId, model })) > 0;
  }

  private async nextDocNo(): Promise<number> {
    const last = await this.db.conversations.orderBy('docNo').lastKey();
    return typeof last === 'number' ? last + 1 : 0;
  }

  private messagesOf(conversationId: string): Promise<MessageRecord[]> {
    return this.db.messages
      .where('[conversationId+seq]')
      .between([conversationId, -Infinity], [conversationId, Infinity])
      .toArray();
  }
}
