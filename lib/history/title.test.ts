import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { AssistantDatabase } from '../db/database';
import { ConversationStore } from '../db/conversation-store';
import { cleanTitle, firstExchange, generateTitle, TITLE_INSTRUCTIONS } from './title';
import { createAutoTitler } from './auto-title';
import { searchHistory } from './search';
import { TITLE_REQUEST_MARKER } from '../../tests/sandbox/model/scripted-model';
import type { ModelChoice } from '../models/model-choice';
import type { CallToRecord } from '../budget/usage-ledger';

const user = (id: string, text: string): UIMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const assistant = (id: string, text: string): UIMessage => ({ id, role: 'assistant', parts: [{ type: 'text', text }] });
const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 4, text: 4, reasoning: 0 } };

function titleModel(reply: string | Error, seen: string[] = []) {
  return new MockLanguageModelV4({
    doGenerate: async (options) => {
      seen.push(JSON.stringify(options.prompt));
      if (reply instanceof Error) throw reply;
      return { content: [{ type: 'text', text: reply }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
    },
  });
}

describe('titles', () => {
  it('cleans a model reply into a title, or refuses it', () => {
    expect(cleanTitle('"Failed run on prod-network."')).toBe('Failed run on prod-network');
    expect(cleanTitle('Title: Drift detection in staging\nSecond line')).toBe('Drift detection in staging');
    expect(cleanTitle('**OIDC setup for AWS**')).toBe('OIDC setup for AWS');
    expect(cleanTitle('  ')).toBeNull();
    expect(cleanTitle('"…"')).toBeNull();
    const long = cleanTitle('A very long title that goes on and on about stacks and runs and policies and contexts forever');
    expect(long!.length).toBeLessThanOrEqual(60);
    expect(long!.endsWith('…')).toBe(true);
  });

  it('takes the first question and the first answer with text', () => {
    expect(firstExchange([user('u', 'Why?')])).toBeNull();
    expect(firstExchange([user('u', 'Why did it fail?'), { id: 'a0', role: 'assistant', parts: [{ type: 'step-start' }] }, assistant('a', 'The lock.')])).toEqual({
      question: 'Why did it fail?',
      answer: 'The lock.',
    });
  });

  it('asks the model with the exchange wrapped as data, and gives up quietly on failure', async () => {
    const seen: string[] = [];
    expect(await generateTitle(titleModel('State lock on prod-network', seen), { question: 'Why did prod-network fail?', answer: 'A state lock.' })).toBe(
      'State lock on prod-network',
    );
    expect(seen[0]).toContain('<question>Why did prod-network fail?</question>');
    expect(seen[0]).toContain(TITLE_INSTRUCTIONS.slice(0, 40));
    expect(await generateTitle(titleModel(new Error('401 bad key')), { question: 'q', answer: 'a' })).toBeNull();
    const slow = new MockLanguageModelV4({
      doGenerate: (options) =>
        new Promise((_, reject) => options.abortSignal?.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    expect(await generateTitle(slow, { question: 'q', answer: 'a' }, { timeoutMs: 20 })).toBeNull();
  });

  it('is recognised by the sandbox model (which answers it apart from the chat)', () => {
    expect(TITLE_INSTRUCTIONS.startsWith(TITLE_REQUEST_MARKER)).toBe(true);
  });
});

describe('automatic titles', () => {
  let db: AssistantDatabase;
  let store: ConversationStore;
  const meta = { id: 'c1', account: 'https://acme.app.spacelift.io', mode: 'ask' as const, model: 'm' };
  /** What the model service hands over for a conversation: its integration's model and budget. */
  const choice = (model: MockLanguageModelV4, exhausted = false) =>
    ({
      integration: { id: 'int-1', name: 'Sandbox', provider: 'openai-compatible' },
      modelId: 'm',
      info: { price: { inputPerMTok: 1, outputPerMTok: 2 } },
      model,
      budget: { exhausted },
    }) as unknown as ModelChoice;

  beforeEach(async () => {
    db = new AssistantDatabase(`titles-${Math.random()}`);
    store = new ConversationStore(db);
    await store.saveHistory(meta, [user('u1', 'Why did the last run of prod-network fail with a state lock error?')]);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('starts as the question, becomes the model title after the first answer, searchable by its words', async () => {
    expect((await store.get('c1'))!.conversation).toMatchObject({ title: 'Why did the last run of prod-network fail with a state lock…', titleSource: 'question' });
    const recorded: CallToRecord[] = [];
    const asked: string[] = [];
    const titler = createAutoTitler({
      store,
      chooseModel: async (id, account) => (asked.push(`${id} ${account}`), choice(titleModel('Kubernetes lock incident'))),
      recordUsage: async (call) => recorded.push(call),
    });
    await titler('c1'); // no answer yet: nothing to title from
    expect((await store.get('c1'))!.conversation.titleSource).toBe('question');
    await store.saveAnswer('c1', 1, assistant('a1', 'Another run held the lock.'), 'complete');
    await titler('c1');
    expect((await store.get('c1'))!.conversation).toMatchObject({ title: 'Kubernetes lock incident', titleSource: 'generated' });
    expect((await searchHistory(db, 'kubernetes')).map((h) => h.conversation.id)).toEqual(['c1']);
    // The conversation's own model on its account, and the call counted in that integration's budget.
    expect(asked).toEqual(['c1 https://acme.app.spacelift.io']);
    expect(recorded).toEqual([expect.objectContaining({ integrationId: 'int-1', kind: 'title', conversationId: 'c1', model: 'm' })]);
  });

  it('keeps the question when no model is set or the model fails, and asks only once', async () => {
    await store.saveAnswer('c1', 1, assistant('a1', 'Another run held the lock.'), 'complete');
    await createAutoTitler({ store, chooseModel: async () => null })('c1');
    expect((await store.get('c1'))!.conversation.titleSource).toBe('question');
    // A used-up budget: no call at all.
    const spent = titleModel('Should not be asked');
    await createAutoTitler({ store, chooseModel: async () => choice(spent, true) })('c1');
    expect(spent.doGenerateCalls).toHaveLength(0);
    expect((await store.get('c1'))!.conversation.titleSource).toBe('question');
    let calls = 0;
    const failing = createAutoTitler({
      store,
      chooseModel: async () => {
        calls++;
        return choice(titleModel(new Error('model down')));
      },
    });
    await failing('c1');
    await failing('c1');
    expect(calls).toBe(1);
    expect((await store.get('c1'))!.conversation.title.startsWith('Why did the last run')).toBe(true);
  });

  it('never overwrites a title the user chose, even one chosen while the model was thinking', async () => {
    await store.saveAnswer('c1', 1, assistant('a1', 'Another run held the lock.'), 'complete');
    const titler = createAutoTitler({
      store,
      chooseModel: async () => choice(titleModel('Model title')),
      generate: async () => {
        await store.rename('c1', 'My own name');
        return 'Model title';
      },
    });
    await titler('c1');
    expect((await store.get('c1'))!.conversation).toMatchObject({ title: 'My own name', titleSource: 'user' });
    expect(await store.setGeneratedTitle('c1', 'Another model title')).toBeNull();
    expect((await store.get('c1'))!.conversation.title).toBe('My own name');
    expect((await searchHistory(db, 'model')).length).toBe(0);
  });
});
