import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium';
import { Popup } from './pages/popup';
import { SANDBOX_BAD_KEY, SANDBOX_MINI_MODEL_ID, SANDBOX_MODEL_ID, SANDBOX_MODEL_IDS, SANDBOX_OLLAMA_PREFIX } from '../sandbox/model/scripted-model';
import { SANDBOX_API_KEYS } from '../sandbox/graphql/index';

const FORM = 'AI integration';

describe('popup: AI integrations, Test connection and its actionable failures', () => {
  let sandbox: Sandbox;
  let chromium: ExtensionBrowser;
  let popup: Popup;

  beforeAll(async () => {
    sandbox = await startSandbox();
    chromium = await launchWithExtension();
    popup = await Popup.open(chromium.browser, chromium.extensionId);
  });
  afterAll(async () => {
    await chromium?.close();
    await sandbox?.close();
  });

  it('configures an integration against the sandbox model: lists its models, tests good, saves', async () => {
    await popup.addIntegration();
    await popup.fill(FORM, 'name', 'Sandbox');
    await popup.choose(FORM, 'provider', 'openai-compatible');
    await popup.fill(FORM, 'baseURL', `${sandbox.appUrl}/v1`);
    await popup.fill(FORM, 'apiKey', 'sandbox-key-0001');
    expect(await popup.fetchModels()).toEqual([...SANDBOX_MODEL_IDS].sort());
    // Pick the second model as the default, then test it.
    await popup.page.click(`[data-testid="integration-models"] li[data-model="${SANDBOX_MINI_MODEL_ID}"] input[type="radio"]`);
    const good = await popup.testConnection();
    expect(good.code).toBe('ok');
    expect(good.text).toMatch(new RegExp(`Connected: ${SANDBOX_MINI_MODEL_ID} answered`));
    expect(sandbox.model.requests.at(-1)?.model).toBe(SANDBOX_MINI_MODEL_ID);
    await popup.saveIntegration();
    expect(await popup.bodyText()).toMatch(/Sandbox\s*default/);
  });

  it('says the key is wrong, and keeps the typed key out of the page', async () => {
    await popup.editIntegration('Sandbox');
    await popup.fill(FORM, 'apiKey', SANDBOX_BAD_KEY);
    const bad = await popup.testConnection();
    expect(bad.code).toBe('bad-key');
    expect(bad.text).toMatch(/refused the API key \(HTTP 401\)/);
    expect(bad.text).not.toContain(SANDBOX_BAD_KEY);
    // An empty key field tests with the stored key again.
    await popup.clear(FORM, 'apiKey');
    expect((await popup.testConnection()).code).toBe('ok');
    // That test was a real call of a saved integration: the usage summary counts it.
    const id = await popup.page.$eval('[data-testid="integrations"] > li', (li) => li.getAttribute('data-integration')!);
    const row = await popup.page.waitForSelector(`[data-testid="usage-summary"] tbody[data-integration="${id}"] tr[data-model="${SANDBOX_MINI_MODEL_ID}"]`);
    expect(await row!.evaluate((el) => el.textContent)).toMatch(new RegExp(`^${SANDBOX_MINI_MODEL_ID}1`));
  });

  it('says the model is unknown and which ones the endpoint offers', async () => {
    await popup.addModel('gpt-9000');
    await popup.page.click('[data-testid="integration-models"] li[data-model="gpt-9000"] input[type="radio"]');
    const unknown = await popup.testConnection();
    expect(unknown.code).toBe('unknown-model');
    expect(unknown.text).toContain('"gpt-9000"');
    expect(unknown.text).toContain(SANDBOX_MODEL_ID);
    await popup.page.click(`[data-testid="integration-models"] li[data-model="gpt-9000"] button[aria-label="Remove gpt-9000"]`);
  });

  it('says when nothing answers at the address', async () => {
    await popup.fill(FORM, 'baseURL', 'http://unreachable.spacelift.localhost:9/v1');
    const down = await popup.testConnection();
    expect(down.code).toBe('unreachable');
    expect(down.text).toMatch(/Nothing answered at http:\/\/unreachable\.spacelift\.localhost:9\/v1/);
  });

  it('recognises Ollama refusing the extension (CORS) and gives the OLLAMA_ORIGINS fix with this extension\'s origin', async () => {
    await popup.fill(FORM, 'baseURL', `${sandbox.appUrl}${SANDBOX_OLLAMA_PREFIX}/v1`);
    const refused = await popup.testConnection();
    expect(refused.code).toBe('cors-refused');
    expect(refused.text).toContain(`OLLAMA_ORIGINS=chrome-extension://${chromium.extensionId}`);
  });

  it('asks for a host permission the extension lacks, at run time, from the test', async () => {
    // 127.0.0.1 is not among the manifest's hosts: it is an optional host permission.
    await popup.fill(FORM, 'baseURL', `${sandbox.apiUrl}/v1`);
    const before = sandbox.model.requests.length;
    const missing = await popup.testConnection();
    expect(missing.code).toBe('host-permission');
    expect(missing.text).toMatch(new RegExp(`not allowed to reach ${sandbox.apiUrl.replace(/\./g, '\\.')}`));
    expect(await popup.page.$eval('[data-testid="integration-grant"]', (el) => el.textContent)).toBe(`Allow access to ${sandbox.apiUrl}`);
    // Nothing was sent without it.
    expect(sandbox.model.requests.length).toBe(before);
    mkdirSync(resolve(import.meta.dirname, '../../.tmp/screenshots'), { recursive: true });
    await popup.page.setViewport({ width: 440, height: 1400 });
    await popup.page.screenshot({ path: resolve(import.meta.dirname, '../../.tmp/screenshots/popup-integration.png'), fullPage: true });
  });

  it('lets a Spacelift admin mark an integration as provided by the organization, with its $10 default budget', async () => {
    await popup.close();
    popup = await Popup.open(chromium.browser, chromium.extensionId);
    await popup.fill('Spacelift credentials', 'origin', sandbox.appUrl);
    await popup.fill('Spacelift credentials', 'keyId', SANDBOX_API_KEYS.admin.id);
    await popup.fill('Spacelift credentials', 'keySecret', SANDBOX_API_KEYS.admin.secret);
    await popup.submit('Spacelift credentials');
    await popup.statusText('spacelift-status', /Connected/);
    await popup.fill('Organization settings', 'account', sandbox.appUrl);
    await popup.submit('Organization settings');
    expect(await popup.statusText('organization-status', /admin/)).toMatch(/You are a Spacelift admin/);
    const id = await popup.page.$eval('[data-testid="integrations"] > li', (li) => li.getAttribute('data-integration')!);
    await popup.page.click(`[name="organization-${id}"]`);
    await popup.page.waitForFunction(() => document.querySelector('[data-testid="integrations"]')?.textContent?.includes('organization'));
    expect(await popup.page.$eval('[data-testid="integration-budget"]', (el) => el.textContent)).toMatch(/of \$10\.00 in 30 days/);

    // A reader is not an admin: the role check says so.
    await popup.fill('Spacelift credentials', 'keyId', SANDBOX_API_KEYS.reader.id);
    await popup.fill('Spacelift credentials', 'keySecret', SANDBOX_API_KEYS.reader.secret);
    await popup.submit('Spacelift credentials');
    await popup.statusText('spacelift-status', /Connected as Rita/);
    await popup.submit('Organization settings');
    expect(await popup.statusText('organization-status', /Only a Spacelift admin/)).toContain(sandbox.appUrl);
  });
});
