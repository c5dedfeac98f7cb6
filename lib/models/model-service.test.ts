import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MockLanguageModelV4 } from 'ai/test';
import { AssistantDatabase } from '../db/database';
import { ConversationStore } from '../db/conversation-store';
import { UsageLedger } from '../budget/usage-ledger';
import { saveIntegration, setOrganizationMark, type IntegrationInput } from '../settings/model-integrations';
import { ModelService } from './model-service';
import type { SpaceAccess } from './scoping';

const ACCOUNT = 'https://acme.app.spacelift.io';
const base: IntegrationInput = { name: 'Mine', provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', models: [{ id: 'llama3.1' }, { id: 'qwen3' }], defaultModel: 'llama3.1' };

describe('the model service', () => {
  let db: AssistantDatabase;
  let access: SpaceAccess;
  let service: ModelService;
  let store: ConversationStore;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new AssistantDatabase(`model-service-${Math.random()}`);
    store = new ConversationStore(db);
    access = { known: true, spaces: [{ id: 'platform', name: 'platform', parentSpace: 'root', accessLevel: 'READ' }] };
    service = new ModelService({ ledger: new UsageLedger(db), store, spaceAccess: async () => access, createModel: () => new MockLanguageModelV4() });
  });
  afterEach(() => db.delete());

  it('lists scoped integrations only where the identity reaches one of their spaces', async () => {
    await saveIntegration(base);
    await saveIntegration({ ...base, name: 'Platform team', spaces: { account: ACCOUNT, spaceIds: ['platform'] } });
    await saveIntegration({ ...base, name: 'Dev team', spaces: { account: ACCOUNT, spaceIds: ['dev'] } });
    const state = await service.panelState('c1', ACCOUNT);
    expect(state.integrations.map((i) => i.name)).toEqual(['Mine', 'Platform team']);
    expect(state.hiddenScoped).toBe(1);
    access = { known: false, reason: 'Not signed in to Spacelift' };
    const unknown = await service.panelState('c1', ACCOUNT);
    expect(unknown.integrations.map((i) => i.name)).toEqual(['Mine']);
    expect(unknown).toMatchObject({ hiddenScoped: 2, spaceAccessProblem: 'Not signed in to Spacelift' });
  });

  it('keeps a conversation\'s own choice, and makes the last choice the default for new ones', async () => {
    const mine = await saveIntegration(base);
    const other = await saveIntegration({ ...base, name: 'Other', models: [{ id: 'gpt-4.1-mini' }], defaultModel: 'gpt-4.1-mini' });
    await store.saveHistory({ id: 'old', account: ACCOUNT, mode: 'ask', model: 'llama3.1', integrationId: mine.id }, []);
    expect((await service.panelState('old', ACCOUNT)).selection).toEqual({ integrationId: mine.id, modelId: 'llama3.1' });

    const picked = await service.select('old', ACCOUNT, { integrationId: mine.id, modelId: 'qwen3' });
    expect(picked.selection).toEqual({ integrationId: mine.id, modelId: 'qwen3' });
    expect((await service.choose('old', ACCOUNT))?.modelId).toBe('qwen3');
    // A new conversation starts with the last choice.
    expect((await service.panelState('new', ACCOUNT)).selection).toEqual({ integrationId: mine.id, modelId: 'qwen3' });

    await service.select('new', ACCOUNT, { integrationId: other.id, modelId: 'gpt-4.1-mini' });
    // The old conversation keeps its own.
    expect((await service.choose('old', ACCOUNT))?.modelId).toBe('qwen3');
    const choice = await service.choose('another', ACCOUNT);
    expect(choice).toMatchObject({ modelId: 'gpt-4.1-mini', info: { price: { inputPerM: 0.4 } } });
    expect(choice?.integration.id).toBe(other.id);
  });

  it('gives an organization-provided integration its $10 budget and counts its calls', async () => {
    const org = await saveIntegration({ ...base, name: 'Org gateway' });
    await setOrganizationMark(org.id, { account: ACCOUNT, markedBy: 'Ada Admin', markedAt: 0 });
    await service.record({ integrationId: org.id, integrationName: 'Org gateway', provider: 'openai-compatible', model: 'gpt-4.1', kind: 'chat', usage: { inputTokens: 1_000_000, outputTokens: 1_000_000, cachedInputTokens: 0, cacheWriteTokens: 0 }, price: { inputPerM: 2, outputPerM: 8 } });
    const [integration] = (await service.panelState('c', ACCOUNT)).integrations;
    expect(integration).toMatchObject({ organization: true, budget: { limitMicros: 10_000_000, usedMicros: 10_000_000, exhausted: true }, totals: { calls: 1 } });
    await expect(service.select('c', ACCOUNT, { integrationId: 'nope', modelId: 'x' })).rejects.toThrow(/not available/);
  });
});
