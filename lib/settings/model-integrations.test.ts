import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  deleteIntegration,
  integrationsItem,
  loadIntegrations,
  resolveSelection,
  saveIntegration,
  setDefaultSelection,
  toPublicIntegration,
  type IntegrationInput,
} from './model-integrations';

const openai: IntegrationInput = {
  name: 'Work OpenAI',
  provider: 'openai',
  baseURL: '',
  apiKey: 'sk-work-0123456789abcdef',
  models: [{ id: 'gpt-4.1-mini' }, { id: 'gpt-4.1' }],
  defaultModel: 'gpt-4.1-mini',
};

describe('AI integrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns the old single model setting into the default integration, once, and removes it', async () => {
    await fakeBrowser.storage.local.set({ modelSettings: { provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', apiKey: '', model: 'llama3.1' } });
    const state = await loadIntegrations();
    expect(state.integrations).toHaveLength(1);
    expect(state.integrations[0]).toMatchObject({ name: 'localhost:11434', provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', models: [{ id: 'llama3.1' }], defaultModel: 'llama3.1' });
    expect(state.defaultSelection).toEqual({ integrationId: state.integrations[0]!.id, modelId: 'llama3.1' });
    expect((await fakeBrowser.storage.local.get('modelSettings')).modelSettings).toBeUndefined();
    // A second read finds nothing more to migrate.
    expect((await loadIntegrations()).integrations).toHaveLength(1);
  });

  it('migrates an OpenAI key with the setting and keeps integrations added since', async () => {
    const other = await saveIntegration({ ...openai, name: 'Other' });
    await fakeBrowser.storage.local.set({ modelSettings: { provider: 'openai', baseURL: '', apiKey: 'sk-legacy-0123456789', model: 'gpt-4.1-mini' } });
    const state = await loadIntegrations();
    expect(state.integrations.map((i) => i.name)).toEqual(['OpenAI', 'Other']);
    expect(state.integrations[0]!.apiKey).toBe('sk-legacy-0123456789');
    // The default chosen before stays.
    expect(state.defaultSelection?.integrationId).toBe(other.id);
  });

  it('keeps keys in storage.local only; the public view shows the last 4 characters', async () => {
    const saved = await saveIntegration(openai);
    const view = toPublicIntegration(saved);
    expect(JSON.stringify(view)).not.toContain('sk-work-0123456789abcdef');
    expect(view).toMatchObject({ hasApiKey: true, maskedKey: expect.stringMatching(/^•+cdef$/) });
    expect(view.models[0]).toMatchObject({ id: 'gpt-4.1-mini', toolCalling: true, source: 'table', price: { inputPerM: 0.4 } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain('sk-work-0123456789abcdef');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('keeps the stored key when the form leaves it empty, and refuses what cannot work', async () => {
    const saved = await saveIntegration(openai);
    await saveIntegration({ ...openai, id: saved.id, apiKey: '', name: 'Renamed' });
    const [stored] = (await integrationsItem.getValue()).integrations;
    expect(stored).toMatchObject({ name: 'Renamed', apiKey: 'sk-work-0123456789abcdef', createdAt: saved.createdAt });
    await expect(saveIntegration({ ...openai, apiKey: '' })).rejects.toThrow(/needs an API key/);
    await expect(saveIntegration({ ...openai, provider: 'openai-compatible', baseURL: '' })).rejects.toThrow(/needs a base URL/);
    await expect(saveIntegration({ ...openai, baseURL: 'file:///etc/passwd' })).rejects.toThrow(/http/);
    await expect(saveIntegration({ ...openai, models: [] })).rejects.toThrow(/at least one model/);
    await expect(saveIntegration({ ...openai, id: 'gone' })).rejects.toThrow(/no longer exists/);
  });

  it('makes the first integration the default, and moves the default when it is deleted', async () => {
    const first = await saveIntegration(openai);
    const second = await saveIntegration({ ...openai, name: 'Second' });
    expect((await integrationsItem.getValue()).defaultSelection).toEqual({ integrationId: first.id, modelId: 'gpt-4.1-mini' });
    await setDefaultSelection({ integrationId: second.id, modelId: 'gpt-4.1' });
    await expect(setDefaultSelection({ integrationId: second.id, modelId: 'nope' })).rejects.toThrow(/no model nope/);
    const after = await deleteIntegration(second.id);
    expect(after.defaultSelection).toEqual({ integrationId: first.id, modelId: 'gpt-4.1-mini' });
  });

  it('resolves a conversation\'s selection against what is usable now', () => {
    const usable = [
      { id: 'a', models: [{ id: 'm1' }, { id: 'm2' }], defaultModel: 'm1' },
      { id: 'b', models: [{ id: 'x' }], defaultModel: 'x' },
    ];
    expect(resolveSelection(usable, { integrationId: 'b', modelId: 'x' }, { integrationId: 'a', modelId: 'm2' })).toEqual({ integrationId: 'b', modelId: 'x' });
    // Its integration is gone (deleted, or scoped out): the default.
    expect(resolveSelection(usable, { integrationId: 'gone', modelId: 'x' }, { integrationId: 'a', modelId: 'm2' })).toEqual({ integrationId: 'a', modelId: 'm2' });
    // Its model is gone: that integration's default model.
    expect(resolveSelection(usable, { integrationId: 'a', modelId: 'removed' }, null)).toEqual({ integrationId: 'a', modelId: 'm1' });
    expect(resolveSelection(usable, null, { integrationId: 'gone', modelId: 'm' })).toEqual({ integrationId: 'a', modelId: 'm1' });
    expect(resolveSelection([], null, null)).toBeNull();
  });
});
