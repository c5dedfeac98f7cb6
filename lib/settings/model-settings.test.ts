import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { modelSettingsItem, saveModelSettings, toPublicSettings } from './model-settings';

describe('model settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the key in storage.local only, and the public view never contains it', async () => {
    const view = await saveModelSettings({ provider: 'openai', baseURL: '', apiKey: 'sk-test-0123456789', model: 'gpt-4.1-mini' });
    expect(view).toMatchObject({ configured: true, hasApiKey: true, model: 'gpt-4.1-mini' });
    expect(JSON.stringify(view)).not.toContain('sk-test-0123456789');
    expect(view.maskedKey.endsWith('6789')).toBe(true);
    expect((await fakeBrowser.storage.local.get('modelSettings')).modelSettings).toMatchObject({ apiKey: 'sk-test-0123456789' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('keeps the stored key when the form leaves it empty', async () => {
    await saveModelSettings({ provider: 'openai', baseURL: '', apiKey: 'sk-first-0123456789', model: 'a' });
    await saveModelSettings({ provider: 'openai', baseURL: '', apiKey: '', model: 'b' });
    expect(await modelSettingsItem.getValue()).toMatchObject({ apiKey: 'sk-first-0123456789', model: 'b' });
  });

  it('refuses settings that cannot work, with a reason', async () => {
    await expect(saveModelSettings({ provider: 'openai-compatible', baseURL: '', model: 'llama' })).rejects.toThrow(/base URL/);
    await expect(saveModelSettings({ provider: 'openai-compatible', baseURL: 'file:///etc', model: 'llama' })).rejects.toThrow(/http/);
    await expect(saveModelSettings({ provider: 'openai', baseURL: '', model: '' })).rejects.toThrow();
  });

  it('says "not configured" until there is a model', () => {
    expect(toPublicSettings(null).configured).toBe(false);
    expect(toPublicSettings({ provider: 'openai', baseURL: '', apiKey: '', model: 'gpt' }).configured).toBe(false);
    expect(toPublicSettings({ provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', apiKey: '', model: 'llama' }).configured).toBe(true);
  });
});
