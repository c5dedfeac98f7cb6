import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { AssistantDatabase } from './database';
import { ConversationStore, titleFrom } from './conversation-store';

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
