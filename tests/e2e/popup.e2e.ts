import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { SANDBOX_API_KEYS } from '../sandbox/graphql/index';
import { SANDBOX_MODEL_ID } from '../sandbox/model/scripted-model';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium';
import { Popup } from './pages/popup';
import { AssistantPanel } from './pages/assistant-panel';
import { SandboxApp } from './pages/sandbox-app';
import { useSandboxModel } from './harness/extension';

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

  it('sets the docs site that search_docs reads, and goes back to docs.spacelift.io', async () => {
    const popup = await Popup.open(chromium.browser, chromium.extensionId);
    const form = 'Documentation site';
    expect(await popup.page.$eval(`form[aria-label="${form}"] [name="docsBaseUrl"]`, (i) => (i as HTMLInputElement).value)).toBe('https://docs.spacelift.io');
    await popup.fill(form, 'docsBaseUrl', 'not a url');
    await popup.submit(form);
    expect(await popup.statusText('docs-status', /not an http/)).toContain('"not a url"');
    await popup.fill(form, 'docsBaseUrl', `${sandbox.appUrl}/docs/`);
    await popup.submit(form);
    expect(await popup.statusText('docs-status', /read from/)).toBe(`Docs are read from ${sandbox.appUrl}/docs`);
    await popup.close();

    // The assistant now searches that site.
    await useSandboxModel(chromium, sandbox);
    const page = await chromium.browser.newPage();
    const panel = new AssistantPanel(page);
    await new SandboxApp(page, sandbox.appUrl).open('/stacks');
    await panel.waitForLauncher();
    await panel.clickLauncher();
    await panel.waitUntilOpen();
    sandbox.model.queue({ toolCalls: [{ name: 'search_docs', arguments: { query: 'stack dependencies' } }] }, { text: 'Found it.' });
    await panel.send('How do stack dependencies work?');
    await panel.waitForIdle();
    expect(await panel.toolCards()).toEqual([{ tool: 'search_docs', state: 'output-available' }]);
    expect(sandbox.docsIndexFetches()).toBe(1);
    await page.close();

    const again = await Popup.open(chromium.browser, chromium.extensionId);
    await again.page.click('form[aria-label="Documentation site"] button.secondary');
    expect(await again.statusText('docs-status', /read from/)).toBe('Docs are read from https://docs.spacelift.io');
    const stored = await chromium.inWorker(async () => chrome.storage.local.get('assistantSettings'));
    expect(stored.assistantSettings).toEqual({ docsBaseUrl: 'https://docs.spacelift.io' });
    await again.close();
  });
});
