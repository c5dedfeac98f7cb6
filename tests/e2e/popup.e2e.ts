import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { SANDBOX_API_KEYS } from '../sandbox/graphql/index';
import { SANDBOX_MODEL_ID } from '../sandbox/model/scripted-model';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium';
import { Popup } from './pages/popup';

describe('popup: bring your own model, connect Spacelift', () => {
  let sandbox: Sandbox;
  let chromium: ExtensionBrowser;

  beforeAll(async () => {
    sandbox = await startSandbox();
    chromium = await launchWithExtension();
  });
  afterAll(async () => {
    await chromium?.close();
    await sandbox?.close();
  });

  it('saves a model integration: the key goes to storage.local only and is shown masked', async () => {
    const popup = await Popup.open(chromium.browser, chromium.extensionId);
    await popup.addIntegration();
    const form = 'AI integration';
    await popup.fill(form, 'name', 'Sandbox');
    await popup.choose(form, 'provider', 'openai-compatible');
    await popup.fill(form, 'baseURL', `${sandbox.appUrl}/v1`);
    await popup.fill(form, 'apiKey', 'sk-popup-secret-123456');
    await popup.addModel(SANDBOX_MODEL_ID);
    await popup.saveIntegration();
    expect(await popup.bodyText()).not.toContain('sk-popup-secret-123456');
    await popup.close();

    const stored = await chromium.inWorker(async () => ({
      local: await chrome.storage.local.get('modelIntegrations'),
      sync: await chrome.storage.sync.get(null),
    }));
    const integrations = (stored.local.modelIntegrations as { integrations: { apiKey: string; defaultModel: string }[] }).integrations;
    expect(integrations).toHaveLength(1);
    expect(integrations[0]).toMatchObject({ apiKey: 'sk-popup-secret-123456', defaultModel: SANDBOX_MODEL_ID });
    expect(stored.sync).toEqual({});

    const reopened = await Popup.open(chromium.browser, chromium.extensionId);
    expect(await reopened.bodyText()).toMatch(/key •+3456/);
    await reopened.editIntegration('Sandbox');
    const placeholder = await reopened.page.$eval('[name="apiKey"]', (el) => (el as HTMLInputElement).placeholder);
    expect(placeholder).toMatch(/•+3456/);
    expect(await reopened.page.$eval('[name="apiKey"]', (el) => (el as HTMLInputElement).value)).toBe('');
    await reopened.close();
  });

  it('refuses a wrong Spacelift key with a clear message, then connects with the right one', async () => {
    const popup = await Popup.open(chromium.browser, chromium.extensionId);
    const form = 'Spacelift credentials';
    await popup.fill(form, 'origin', sandbox.appUrl);
    await popup.fill(form, 'keyId', SANDBOX_API_KEYS.admin.id);
    await popup.fill(form, 'keySecret', 'not-the-secret');
    await popup.submit(form);
    const refused = await popup.statusText('spacelift-status', /refused|rejected/);
    expect(refused).toMatch(/Check the key id and secret/);
    expect(refused).not.toContain('not-the-secret');

    await popup.fill(form, 'keySecret', SANDBOX_API_KEYS.admin.secret);
    await popup.submit(form);
    expect(await popup.statusText('spacelift-status', /Connected/)).toMatch(/Connected as .* through the API key/);
    expect(await popup.bodyText()).toContain(sandbox.appUrl);
    expect(await popup.bodyText()).not.toContain(SANDBOX_API_KEYS.admin.secret);
    const exchanges = sandbox.graphql.requests.filter((r) => r.operationName === 'ApiKeyUser');
    expect(exchanges.length).toBeGreaterThanOrEqual(2);
    await popup.close();
  });
});
