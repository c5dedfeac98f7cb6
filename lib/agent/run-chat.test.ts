import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tool, type UIMessage, type UIMessageChunk } from 'ai';
import { z } from 'zod';
import { AssistantDatabase } from '../db/database';
import { ConversationStore } from '../db/conversation-store';
import { runChat, MAX_STEPS, type ChatSink } from './run-chat';
import type { AssistantErrorInfo } from './errors';
import { scriptedMockModel, textStep, toolCallStep } from '../../tests/unit/helpers/mock-model';
import type { LanguageModel } from 'ai';
import type { ModelChoice } from '../models/model-choice';
import { budgetStatus } from '../budget/budget';
import type { Integration } from '../settings/model-integrations';
import type { CallToRecord } from '../budget/usage-ledger';
import { answerUsageOf } from '../budget/answer-usage';

const integration: Integration = {
  id: 'i1',
  name: 'Test endpoint',
  provider: 'openai-compatible',
  baseURL: 'http://x/v1',
  apiKey: 'sk-secret-key-123456',
  models: [{ id: 'm' }],
  defaultModel: 'm',
  createdAt: 0,
  updatedAt: 0,
};
const settings = integration;

/** The integration above with this model, no budget, tools on, no price. */
function choose(model: LanguageModel, overrides: Partial<ModelChoice> = {}): () => Promise<ModelChoice> {
  return async () => ({
    integration,
    modelId: 'm',
    info: { id: 'm', toolCalling: true, source: 'unknown' },
    model,
    budget: budgetStatus({}, []),
    ...overrides,
  });
}
const question: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What page is this?' }] };

function recordingSink() {
  const chunks: UIMessageChunk[] = [];
  let done = false;
  let failure: AssistantErrorInfo | undefined;
  const sink: ChatSink = { chunk: (c) => chunks.push(c), done: () => (done = true), failure: (e) => (failure = e) };
  return { sink, chunks, isDone: () => done, failure: () => failure };
}

describe('runChat', () => {
  let db: AssistantDatabase;
  let store: ConversationStore;
  beforeEach(() => {
    db = new AssistantDatabase(`run-chat-${Math.random()}`);
    store = new ConversationStore(db);
  });
  afterEach(() => db.delete());

  it('streams a tool call and the answer, and stores the whole conversation', async () => {
    const model = scriptedMockModel([toolCallStep('page_context', {}), textStep('You are on prod-network.')]);
    let pageReads = 0;
    const tools = {
      page_context: tool({
        description: 'read page',
        inputSchema: z.object({}),
        execute: async () => {
          pageReads++;
          return { title: 'prod-network' };
        },
      }),
    };
    const out = recordingSink();
    await runChat(
      { type: 'send', conversationId: 'c1', trigger: 'submit-message', messages: [question] },
      { store, chooseModel: choose(model), tools, account: 'https://a.app.spacelift.io', generateId: () => 'a1' },
      out.sink,
    );

    expect(out.isDone()).toBe(true);
    expect(pageReads).toBe(1);
    const types = out.chunks.map((c) => c.type);
    expect(types).toContain('tool-input-available');
    expect(types).toContain('tool-output-available');
    expect(types.filter((t) => t === 'text-delta').length).toBeGreaterThan(1);
    // The tool's result was given back to the model on the second step.
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain('prod-network');

    const saved = await store.get('c1');
    expect(saved?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    const answer = saved!.messages[1]!;
    expect(answer.parts.some((p) => p.type === 'tool-page_context' && 'state' in p && p.state === 'output-available')).toBe(true);
    expect(answer.parts.filter((p) => p.type === 'text').map((p) => (p as { text: string }).text).join('')).toBe('You are on prod-network.');
    expect((await store.messageRecords('c1'))[1]?.status).toBe('complete');
  });

  it('stores the user message even when no model is set up, and says what to do', async () => {
    const out = recordingSink();
    await runChat(
      { type: 'send', conversationId: 'c2', trigger: 'submit-message', messages: [question] },
      { store, chooseModel: async () => null, tools: {}, account: 'a' },
      out.sink,
    );
    expect(out.failure()?.code).toBe('no-model');
    expect(out.failure()?.action).toBe('open-settings');
    expect((await store.get('c2'))?.messages.map((m) => m.id)).toEqual(['u1']);
  });

  it('says the endpoint is not allowed yet when a network failure comes from a missing host permission', async () => {
    const unreachable = () => {
      const model = scriptedMockModel([]);
      model.doStream = async () => {
        throw new TypeError('Failed to fetch');
      };
      return model;
    };
    const ask = async (lacks: boolean) => {
      const out = recordingSink();
      const asked: string[] = [];
      await runChat(
        { type: 'send', conversationId: `perm-${lacks}`, trigger: 'submit-message', messages: [question] },
        {
          store,
          chooseModel: choose(unreachable()),
          tools: {},
          account: 'a',
          lacksHostPermission: async (choice) => (asked.push(choice.integration.baseURL), lacks),
        },
        out.sink,
      );
      return { failure: out.failure(), asked };
    };
    const missing = await ask(true);
    expect(missing.failure).toMatchObject({ code: 'host-permission', action: 'open-settings' });
    expect(missing.asked).toEqual(['http://x/v1']);
    // With the permission granted, a network failure is just that.
    expect((await ask(false)).failure?.code).toBe('network');
  });

  it('turns a provider failure into a typed error without leaking the key, and keeps the question', async () => {
    const { APICallError } = await import('ai');
    const failing = scriptedMockModel([]);
    failing.doStream = async () => {
      throw new APICallError({
        message: `Incorrect API key provided: ${settings.apiKey}`,
        url: 'http://x/v1/chat/completions',
        requestBodyValues: {},
        statusCode: 401,
        responseBody: '{"error":{"code":"invalid_api_key"}}',
        isRetryable: false,
      });
    };
    const out = recordingSink();
    const logged: unknown[] = [];
    const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(...args)),
    );
    await runChat(
      { type: 'send', conversationId: 'c3', trigger: 'submit-message', messages: [question] },
      { store, chooseModel: choose(failing), tools: {}, account: 'a' },
      out.sink,
    );
    spies.forEach((spy) => spy.mockRestore());
    expect(logged.map((entry) => (entry instanceof Error ? `${entry.message} ${entry.stack}` : String(entry))).join('\n')).not.toContain(settings.apiKey);
    expect(out.failure()?.code).toBe('auth');
    expect(JSON.stringify(out.failure())).not.toContain(settings.apiKey);
    expect(JSON.stringify(out.chunks)).not.toContain(settings.apiKey);
    expect((await store.get('c3'))?.messages[0]?.id).toBe('u1');
  });

  it('stops a model that keeps calling tools (each call different) at the step cap', async () => {
    const steps = Array.from({ length: MAX_STEPS + 3 }, (_, i) => toolCallStep('lookup', { n: i }, `call-${i}`));
    const model = scriptedMockModel(steps);
    const tools = { lookup: tool({ description: 'x', inputSchema: z.object({ n: z.number() }), execute: async ({ n }) => ({ n }) }) };
    const out = recordingSink();
    await runChat(
      { type: 'send', conversationId: 'c4', trigger: 'submit-message', messages: [question] },
      { store, chooseModel: choose(model), tools, account: 'a' },
      out.sink,
    );
    expect(model.doStreamCalls.length).toBeLessThanOrEqual(MAX_STEPS);
    // The last allowed step offers no tools, so the model has to answer.
    expect(model.doStreamCalls.at(-1)?.toolChoice).toEqual({ type: 'none' });
    expect(out.isDone()).toBe(true);
  });
});

describe('runChat failures', () => {
  it('keeps no empty answer when the model fails before saying anything', async () => {
    const db = new AssistantDatabase(`run-chat-empty-${Math.random()}`);
    const store = new ConversationStore(db);
    const { APICallError } = await import('ai');
    const failing = scriptedMockModel([]);
    failing.doStream = async () => {
      throw new APICallError({ message: 'slow down', url: 'u', requestBodyValues: {}, statusCode: 429, isRetryable: false });
    };
    const out = recordingSink();
    await runChat(
      { type: 'send', conversationId: 'c5', trigger: 'submit-message', messages: [question] },
      { store, chooseModel: choose(failing), tools: {}, account: 'a' },
      out.sink,
    );
    expect(out.failure()?.code).toBe('rate-limit');
    expect((await store.messageRecords('c5')).map((r) => r.role)).toEqual(['user']);
    await db.delete();
  });
});

describe('runChat loop guard', () => {
  it('makes a model that repeats the identical call answer without tools', async () => {
    const db = new AssistantDatabase(`run-chat-loop-${Math.random()}`);
    const store = new ConversationStore(db);
    const model = scriptedMockModel([
      toolCallStep('page_context', {}, 'c1'),
      toolCallStep('page_context', {}, 'c2'),
      toolCallStep('page_context', {}, 'c3'),
      textStep('Here is what I found.'),
    ]);
    const tools = { page_context: tool({ description: 'x', inputSchema: z.object({}), execute: async () => ({ same: true }) }) };
    const out = recordingSink();
    await runChat(
      { type: 'send', conversationId: 'loop', trigger: 'submit-message', messages: [question] },
      { store, chooseModel: choose(model), tools, account: 'a' },
      out.sink,
    );
    expect(model.doStreamCalls[1]?.toolChoice).not.toEqual({ type: 'none' });
    expect(model.doStreamCalls[3]?.toolChoice).toEqual({ type: 'none' });
    expect(out.isDone()).toBe(true);
    await db.delete();
  });
});

describe('capJson', () => {
  it('keeps small values and shortens big ones with a note', async () => {
    const { capJson } = await import('./cap-json');
    expect(capJson({ a: 1 }, 100)).toEqual({ value: { a: 1 } });
    const big = { stacks: Array.from({ length: 500 }, (_, i) => ({ id: `stack-${i}`, description: 'x'.repeat(100) })) };
    const capped = capJson(big, 4_000);
    expect(JSON.stringify(capped.value).length).toBeLessThanOrEqual(4_000);
    expect(capped.note).toMatch(/shortened/);
    expect(JSON.stringify(capped.value)).toContain('more items');
  });
});

describe('runChat keeps the growing answer', () => {
  it('writes partial snapshots while streaming, and the final state last', async () => {
    const db = new AssistantDatabase(`run-chat-partial-${Math.random()}`);
    const store = new ConversationStore(db);
    const saves: { status: string; text: string }[] = [];
    const original = store.saveAnswer.bind(store);
    store.saveAnswer = async (id, seq, message, status) => {
      saves.push({ status, text: message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('') });
      return original(id, seq, message, status);
    };
    const { MockLanguageModelV4, simulateReadableStream } = await import('ai/test');
    const model = new MockLanguageModelV4({
      doStream: async () => ({ stream: simulateReadableStream({ chunks: textStep('A long answer that streams in many small pieces.'), chunkDelayInMs: 5 }) }),
    });
    const out = recordingSink();
    await runChat(
      { type: 'send', conversationId: 'partial', trigger: 'submit-message', messages: [question] },
      { store, chooseModel: choose(model), tools: {}, account: 'a', partialSaveIntervalMs: 0 },
      out.sink,
    );
    const partials = saves.filter((s) => s.status === 'streaming');
    expect(partials.length).toBeGreaterThan(2);
    expect(partials[0]!.text.length).toBeLessThan(partials.at(-1)!.text.length);
    expect(saves.at(-1)).toEqual({ status: 'complete', text: 'A long answer that streams in many small pieces.' });
    expect((await store.messageRecords('partial')).map((r) => r.status)).toEqual(['complete', 'complete']);
    await db.delete();
  });
});

describe('runChat tool errors', () => {
  it('shows a failed tool call as that tool\'s error and lets the answer finish normally', async () => {
    const db = new AssistantDatabase(`run-chat-tool-error-${Math.random()}`);
    const store = new ConversationStore(db);
    const model = scriptedMockModel([toolCallStep('lookup', { n: 1 }), textStep('That query was refused, so here is what I know.')]);
    const tools = {
      lookup: tool({
        description: 'x',
        inputSchema: z.object({ n: z.number() }),
        execute: async ({ n }): Promise<{ n: number }> => {
          throw new Error(`Refused before sending: Only queries are allowed (${n})`);
        },
      }),
    };
    const out = recordingSink();
    await runChat(
      { type: 'send', conversationId: 'tool-error', trigger: 'submit-message', messages: [question] },
      { store, chooseModel: choose(model), tools, account: 'a' },
      out.sink,
    );
    expect(out.failure()).toBeUndefined();
    expect(out.isDone()).toBe(true);
    const toolError = out.chunks.find((c) => c.type === 'tool-output-error') as { errorText: string } | undefined;
    expect(toolError?.errorText).toContain('Refused before sending: Only queries are allowed');
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain('Only queries are allowed');
    await db.delete();
  });
});

describe('runChat with integrations and budgets', () => {
  let db: AssistantDatabase;
  let store: ConversationStore;
  beforeEach(() => {
    db = new AssistantDatabase(`run-chat-budget-${Math.random()}`);
    store = new ConversationStore(db);
  });
  afterEach(() => db.delete());

  const price = { inputPerM: 1_000, outputPerM: 2_000 };
  const pricedInfo = { id: 'm', toolCalling: true, source: 'custom' as const, price };
  const send = (conversationId: string) => ({ type: 'send' as const, conversationId, trigger: 'submit-message' as const, messages: [question] });

  it('records every model call with its cost, stores the integration, and puts the answer\'s usage in its metadata', async () => {
    const model = scriptedMockModel([toolCallStep('page_context', {}), textStep('Done.')]);
    const tools = { page_context: tool({ description: 'x', inputSchema: z.object({}), execute: async () => ({ ok: true }) }) };
    const recorded: CallToRecord[] = [];
    const out = recordingSink();
    await runChat(
      send('usage'),
      { store, chooseModel: choose(model, { info: pricedInfo }), recordUsage: async (call) => recorded.push(call), tools, account: 'a' },
      out.sink,
    );
    expect(out.isDone()).toBe(true);
    // Two steps, two calls: 10 in / 5 out each (the mock's usage).
    expect(recorded.map((c) => [c.integrationId, c.model, c.kind, c.usage.inputTokens, c.usage.outputTokens])).toEqual([
      ['i1', 'm', 'chat', 10, 5],
      ['i1', 'm', 'chat', 10, 5],
    ]);
    expect(recorded[0]!.price).toEqual(price);
    expect((await db.conversations.get('usage'))).toMatchObject({ integrationId: 'i1', model: 'm' });
    const answer = (await store.get('usage'))!.messages[1]!;
    expect(answerUsageOf(answer)).toEqual({ integrationName: 'Test endpoint', model: 'm', inputTokens: 20, cachedInputTokens: 0, outputTokens: 10, costMicros: 20 * 1_000 + 10 * 2_000, calls: 2 });
  });

  it('refuses to call the model when the budget is used up, and keeps the question', async () => {
    const model = scriptedMockModel([textStep('never')]);
    const exhausted = budgetStatus({ budgetUsd: 1 }, [{ at: Date.now(), costMicros: 1_000_000, priced: true }]);
    const out = recordingSink();
    await runChat(send('broke'), { store, chooseModel: choose(model, { budget: exhausted, info: pricedInfo }), tools: {}, account: 'a' }, out.sink);
    expect(model.doStreamCalls).toHaveLength(0);
    expect(out.failure()).toMatchObject({ code: 'budget-exhausted', action: 'switch-integration' });
    expect(out.failure()?.message).toMatch(/"Test endpoint" is used up: \$1\.00 of \$1\.00/);
    expect((await store.get('broke'))?.messages.map((m) => m.id)).toEqual(['u1']);
  });

  it('stops a tool loop once the budget runs out mid-answer, keeping what was written', async () => {
    const steps = Array.from({ length: 6 }, (_, i) => toolCallStep('lookup', { n: i }, `call-${i}`));
    const model = scriptedMockModel(steps);
    const tools = { lookup: tool({ description: 'x', inputSchema: z.object({ n: z.number() }), execute: async ({ n }) => ({ n }) }) };
    // Each step costs 10 × $0.001 + 5 × $0.002 = $0.02; $0.05 is left, so the third step uses it up.
    const budget = budgetStatus({ budgetUsd: 0.1 }, [{ at: Date.now(), costMicros: 50_000, priced: true }]);
    const out = recordingSink();
    await runChat(send('mid'), { store, chooseModel: choose(model, { budget, info: pricedInfo }), tools, account: 'a' }, out.sink);
    expect(model.doStreamCalls).toHaveLength(3);
    expect(out.failure()?.code).toBe('budget-exhausted');
    const answer = (await store.get('mid'))!.messages[1]!;
    expect(answer.parts.filter((p) => p.type === 'tool-lookup')).toHaveLength(3);
  });

  it('gives a model without tool calling no tools, and tells it so', async () => {
    const model = scriptedMockModel([textStep('I cannot look that up.')]);
    const tools = { page_context: tool({ description: 'x', inputSchema: z.object({}), execute: async () => ({}) }) };
    const out = recordingSink();
    await runChat(send('no-tools'), { store, chooseModel: choose(model, { info: { id: 'm', toolCalling: false, source: 'table' } }), tools, account: 'a' }, out.sink);
    expect(out.isDone()).toBe(true);
    expect(model.doStreamCalls[0]?.tools ?? []).toEqual([]);
    expect(JSON.stringify(model.doStreamCalls[0]?.prompt)).toContain('cannot call tools');
  });
});
