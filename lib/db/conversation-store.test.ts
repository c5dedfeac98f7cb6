import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { AssistantDatabase } from './database';
import { ConversationStore, titleFrom, type HistoryCursor } from './conversation-store';
import { searchHistory } from '../history/search';
import { unpackPostings } from '../history/search-index';

const user = (id: string, text: string): UIMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const assistant = (id: string, text: string): UIMessage => ({ id, role: 'assistant', parts: [{ type: 'text', text }] });
const meta = { id: 'c1', account: 'https://acme.app.spacelift.io', mode: 'ask' as const, model: 'm' };

describe('ConversationStore', () => {
  let db: AssistantDatabase;
  let store: ConversationStore;
  let clock = 1_000;

  beforeEach(() => {
    db = new AssistantDatabase(`test-${Math.random()}`);
    store = new ConversationStore(db, () => clock++);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores the history before any answer, titled from the first user message', async () => {
    await store.saveHistory(meta, [user('u1', 'Why did the last run of prod-network fail?')]);
    const saved = await store.get('c1');
    expect(saved?.conversation.title).toBe('Why did the last run of prod-network fail?');
    expect(saved?.conversation.account).toBe('https://acme.app.spacelift.io');
    expect(saved?.messages.map((m) => m.id)).toEqual(['u1']);
  });

  it('keeps messages in order and stores the answer with its status', async () => {
    await store.saveHistory(meta, [user('u1', 'hi')]);
    await store.saveAnswer('c1', 1, assistant('a1', 'partial'), 'streaming');
    await store.saveAnswer('c1', 1, assistant('a1', 'partial and done'), 'complete');
    const records = await store.messageRecords('c1');
    expect(records.map((r) => [r.id, r.seq, r.status])).toEqual([
      ['u1', 0, 'complete'],
      ['a1', 1, 'complete'],
    ]);
    expect((await store.get('c1'))?.messages[1]?.parts).toEqual([{ type: 'text', text: 'partial and done' }]);
  });

  it('drops messages the client no longer has (regenerate, edit)', async () => {
    await store.saveHistory(meta, [user('u1', 'hi')]);
    await store.saveAnswer('c1', 1, assistant('a1', 'old answer'), 'complete');
    await store.saveHistory(meta, [user('u1', 'hi')]);
    expect((await store.get('c1'))?.messages.map((m) => m.id)).toEqual(['u1']);
  });

  it('does not mix conversations and lists newest first', async () => {
    await store.saveHistory(meta, [user('u1', 'first')]);
    await store.saveHistory({ ...meta, id: 'c2' }, [user('u2', 'second')]);
    expect((await store.get('c1'))?.messages.map((m) => m.id)).toEqual(['u1']);
    expect((await store.list()).map((c) => c.id)).toEqual(['c2', 'c1']);
  });

  it('writes only the messages that changed when the whole history comes again', async () => {
    const history = [user('u1', 'first'), assistant('a1', 'answer'), user('u2', 'second')];
    await store.saveHistory(meta, history);
    const written: string[] = [];
    const creating = (key: unknown) => void written.push(`new ${String(key)}`);
    const updating = (_changes: unknown, key: unknown) => void written.push(`changed ${String(key)}`);
    db.messages.hook('creating', creating);
    db.messages.hook('updating', updating);
    await store.saveHistory(meta, [...history.slice(0, 2), user('u2', 'second, edited'), user('u3', 'third')]);
    db.messages.hook('creating').unsubscribe(creating);
    db.messages.hook('updating').unsubscribe(updating);
    expect(written.sort()).toEqual(['changed u2', 'new u3']);
    expect((await store.get('c1'))?.messages.map((m) => m.id)).toEqual(['u1', 'a1', 'u2', 'u3']);
  });

  it('keeps the first title when the conversation goes on', async () => {
    await store.saveHistory(meta, [user('u1', 'first question')]);
    await store.saveHistory(meta, [user('u1', 'first question'), assistant('a1', 'x'), user('u2', 'second')]);
    expect((await store.get('c1'))?.conversation.title).toBe('first question');
  });

  it('makes short titles from long or empty first messages', () => {
    expect(titleFrom([user('u', 'x'.repeat(200))])).toHaveLength(60);
    expect(titleFrom([user('u', '   ')])).toBe('New conversation');
  });
});

describe('ConversationStore: History', () => {
  let db: AssistantDatabase;
  let store: ConversationStore;
  let clock: number;
  const DAY = 24 * 3600 * 1000;
  const other = 'https://globex.app.spacelift.io';

  beforeEach(() => {
    clock = Date.UTC(2025, 5, 1);
    db = new AssistantDatabase(`test-history-${Math.random()}`);
    store = new ConversationStore(db, () => (clock += 1000));
  });
  afterEach(async () => {
    await db.delete();
  });

  const start = (id: string, text: string, account = meta.account) => store.saveHistory({ ...meta, id, account }, [user(`${id}-u`, text)]);
  const hitIds = async (query: string) => (await searchHistory(db, query)).map((h) => h.conversation.id);

  it('numbers conversations once, in order of creation', async () => {
    await start('c1', 'first');
    await start('c2', 'second');
    await store.saveHistory({ ...meta, id: 'c1' }, [user('c1-u', 'first'), assistant('a', 'x'), user('u2', 'more')]);
    const rows = await db.conversations.toArray();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.docNo]))).toEqual({ c1: 0, c2: 1 });
  });

  it('renames, collapsing whitespace, and search follows the new title', async () => {
    await start('c1', 'Why did the last run fail?');
    const renamed = await store.rename('c1', '  Drift on   prod-network ');
    expect(renamed?.title).toBe('Drift on prod-network');
    expect((await store.get('c1'))?.conversation.title).toBe('Drift on prod-network');
    expect(await hitIds('drift')).toEqual(['c1']);
    // The old title's words stay findable only through the message they came from.
    const [hit] = await searchHistory(db, 'last run');
    expect(hit?.titleHighlights).toEqual([]);
    expect(hit?.snippet?.text).toBe('Why did the last run fail?');
    expect(await store.rename('nope', 'x')).toBeNull();
    await expect(store.rename('c1', '   ')).rejects.toThrow(/empty/);
  });

  it('does not move a renamed conversation up the list', async () => {
    await start('c1', 'one');
    await start('c2', 'two');
    await store.rename('c1', 'renamed');
    expect((await store.list()).map((c) => c.id)).toEqual(['c2', 'c1']);
  });

  it('deletes softly: gone from lists and search, back with restore', async () => {
    await start('c1', 'state lock on prod-network');
    await start('c2', 'state lock on staging');
    expect(await store.delete('c1')).toBe(true);
    expect(await store.delete('c1')).toBe(false);
    expect((await store.list()).map((c) => c.id)).toEqual(['c2']);
    expect(await hitIds('state lock')).toEqual(['c2']);
    expect((await store.get('c1'))?.conversation.deletedAt).toBeTypeOf('number');

    expect(await store.restore('c1')).toBe(true);
    expect(await store.restore('c1')).toBe(false);
    expect(await store.restore('nope')).toBe(false);
    expect((await store.list()).map((c) => c.id)).toEqual(['c2', 'c1']);
    expect((await hitIds('state lock')).sort()).toEqual(['c1', 'c2']);
    expect((await store.get('c1'))?.conversation).not.toHaveProperty('deletedAt');
  });

  it('keeps a deleted conversation deleted when an answer still arrives or the history is saved', async () => {
    await start('c1', 'question');
    await store.delete('c1');
    await store.saveAnswer('c1', 1, assistant('a1', 'late answer about drift'), 'complete');
    await store.saveHistory({ ...meta, id: 'c1' }, [user('c1-u', 'question'), assistant('a1', 'late answer about drift')]);
    expect(await store.list()).toEqual([]);
    expect(await hitIds('drift')).toEqual([]);
    expect((await store.get('c1'))?.messages).toHaveLength(2);
    await store.restore('c1');
    expect(await hitIds('drift')).toEqual(['c1']);
  });

  it('purges conversations deleted more than N days ago, with their messages and index entries', async () => {
    await start('old', 'terraform state lock');
    await store.saveAnswer('old', 1, assistant('old-a', 'force-unlock it'), 'complete');
    await start('recent', 'terraform plan policy');
    await start('live', 'terraform drift');
    await store.delete('old');
    clock += 10 * DAY;
    await store.delete('recent');
    clock += 25 * DAY;

    expect(await store.purgeDeleted(30)).toBe(1);
    expect(await store.get('old')).toBeNull();
    expect(await db.messages.filter((m) => m.conversationId === 'old').count()).toBe(0);
    expect((await store.get('recent'))?.conversation.deletedAt).toBeTypeOf('number');
    // Nothing of "old" (docNo 0) is left in the index.
    const postings = await db.searchPostings.toArray();
    expect(postings.length).toBeGreaterThan(0);
    expect(postings.filter((row) => unpackPostings(row.p).d.includes(0))).toEqual([]);
    expect(postings.map((row) => row.term)).not.toContain('unlock');
    await store.restore('recent');
    expect((await hitIds('terraform')).sort()).toEqual(['live', 'recent']);

    clock += 40 * DAY;
    await store.delete('live');
    expect(await store.purgeDeleted(0)).toBe(1);
    expect(await store.purgeDeleted(0)).toBe(0);
  });

  it('pages History newest first, by account, without deleted ones', async () => {
    for (let i = 0; i < 7; i++) await start(`a${i}`, `acme ${i}`);
    await start('g0', 'globex', other);
    await store.delete('a3');

    const first = await store.listPage({ account: meta.account, limit: 3 });
    expect(first.items.map((c) => c.id)).toEqual(['a6', 'a5', 'a4']);
    const second = await store.listPage({ account: meta.account, limit: 3, before: first.next! });
    expect(second.items.map((c) => c.id)).toEqual(['a2', 'a1', 'a0']);
    expect(second.next).toBeNull();
    expect((await store.listPage({ account: other })).items.map((c) => c.id)).toEqual(['g0']);
    expect((await store.listPage({ limit: 2 })).items.map((c) => c.id)).toEqual(['g0', 'a6']);
  });

  it('pages through conversations updated in the same millisecond without skipping or repeating', async () => {
    store = new ConversationStore(db, () => clock); // a frozen clock: every conversation has the same time
    for (const id of ['e', 'b', 'd', 'a', 'c']) await store.saveHistory({ ...meta, id }, [user(`${id}-u`, id)]);
    const seen: string[] = [];
    let before: HistoryCursor | undefined;
    do {
      const page = await store.listPage({ limit: 2, before });
      seen.push(...page.items.map((c) => c.id));
      before = page.next ?? undefined;
    } while (before);
    expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('moves a conversation to the top of History when it goes on', async () => {
    await start('c1', 'one');
    await start('c2', 'two');
    await store.saveAnswer('c1', 1, assistant('a1', 'answer'), 'complete');
    expect((await store.listPage({ limit: 10 })).items.map((c) => c.id)).toEqual(['c1', 'c2']);
  });
});
