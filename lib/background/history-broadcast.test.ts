import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { AssistantDatabase } from '../db/database';
import { ConversationStore, type HistoryChange } from '../db/conversation-store';
import { broadcastHistoryChanges } from './history-broadcast';

const user = (id: string, text: string): UIMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const assistant = (id: string, text: string): UIMessage => ({ id, role: 'assistant', parts: [{ type: 'text', text }] });
const ACME = 'https://acme.app.spacelift.io';

describe('history changes reach every open panel', () => {
  let db: AssistantDatabase;
  let store: ConversationStore;
  let sent: [number, HistoryChange][];
  let stop: () => void;
  let pending: (() => void)[];

  beforeEach(() => {
    db = new AssistantDatabase(`broadcast-${Math.random()}`);
    store = new ConversationStore(db);
    sent = [];
    pending = [];
    stop = broadcastHistoryChanges(store, {
      // The test decides when the gathered changes go out.
      schedule: (flush) => pending.push(flush),
      tabs: async () => [1, 2],
      send: async (tabId, change) => {
        if (tabId === 2 && change.ids.includes('closing')) throw new Error('Receiving end does not exist');
        sent.push([tabId, change]);
      },
    });
  });
  afterEach(async () => {
    stop();
    await db.delete();
  });

  /** Send what has gathered, and let the sends finish. */
  const settle = async () => {
    for (const flush of pending.splice(0)) flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

  it('sends one message per burst of writes to every Spacelift tab', async () => {
    await store.saveHistory({ id: 'c1', account: ACME, mode: 'ask', model: 'm' }, [user('u1', 'hi')]);
    await store.saveAnswer('c1', 1, assistant('a1', 'partial'), 'streaming');
    await store.saveAnswer('c1', 1, assistant('a1', 'partial and done'), 'complete');
    await store.rename('c1', 'Greeting');
    await settle();
    expect(sent).toEqual([
      [1, { ids: ['c1'], accounts: [ACME] }],
      [2, { ids: ['c1'], accounts: [ACME] }],
    ]);
  });

  it('says nothing for partial saves while an answer streams', async () => {
    await store.saveHistory({ id: 'c1', account: ACME, mode: 'ask', model: 'm' }, [user('u1', 'hi')]);
    await settle();
    sent.length = 0;
    await store.saveAnswer('c1', 1, assistant('a1', 'still writing'), 'streaming');
    await settle();
    expect(sent).toEqual([]);
    await store.delete('c1');
    await settle();
    expect(sent.map(([tab, change]) => [tab, change.ids])).toEqual([
      [1, ['c1']],
      [2, ['c1']],
    ]);
  });

  it('a tab that cannot be reached does not stop the others', async () => {
    await store.saveHistory({ id: 'closing', account: ACME, mode: 'ask', model: 'm' }, [user('u1', 'hi')]);
    await settle();
    expect(sent.map(([tab]) => tab)).toEqual([1]);
  });
});
