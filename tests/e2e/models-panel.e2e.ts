import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { readStoredConversation, sandboxIntegration, useSpaceliftApiKey } from './harness/extension';
import { ModelControls } from './pages/model-controls';
import { Popup } from './pages/popup';
import { SANDBOX_API_KEYS } from '../sandbox/graphql/index';
import { SEED_SPACE_IDS } from '../sandbox/graphql/seed';
import { SANDBOX_MINI_MODEL_ID, SANDBOX_MODEL_ID, SANDBOX_NO_TOOLS_MODEL_ID } from '../sandbox/model/scripted-model';

const IN_PANEL = 'infra-assistant-panel >>> ';
// Tests write their screenshots under .tmp; the good ones are copied to docs/screenshots by hand.
const SCREENSHOTS = resolve(import.meta.dirname, '../../.tmp/screenshots');
const cheap = { inputPerM: 1, outputPerM: 2 };

describe('models in the panel: selector, budget meter, budgets that stop sending', () => {
  let s: AssistantSession;
  let models: ModelControls;

  beforeAll(async () => {
    s = await openAssistant('/stacks', {
      integrations: (sandbox) => [
        sandboxIntegration(sandbox, {
          models: [
            { id: SANDBOX_MODEL_ID, price: cheap },
            { id: SANDBOX_MINI_MODEL_ID, price: cheap },
            { id: SANDBOX_NO_TOOLS_MODEL_ID, price: cheap, toolCalling: false },
          ],
        }),
        // One answer (a few hundred tokens at $1,000 per million) uses up its $0.05.
        sandboxIntegration(sandbox, { id: 'team', name: 'Team gateway', models: [{ id: SANDBOX_MODEL_ID, price: { inputPerM: 1_000, outputPerM: 1_000 } }], budgetUsd: 0.05 }),
        sandboxIntegration(sandbox, { id: 'dev-only', name: 'Dev team', spaces: { account: sandbox.appUrl, spaceIds: [SEED_SPACE_IDS.dev] } }),
      ],
      // Rita reads `platform` only: the integration for `dev` is not hers.
      before: (chromium, sandbox) => useSpaceliftApiKey(chromium, sandbox.appUrl, SANDBOX_API_KEYS.reader),
    });
    models = new ModelControls(s.page);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => s?.close());

  async function signInAs(who: keyof typeof SANDBOX_API_KEYS) {
    const popup = await Popup.open(s.chromium.browser, s.chromium.extensionId);
    await popup.fill('Spacelift credentials', 'origin', s.sandbox.appUrl);
    await popup.fill('Spacelift credentials', 'keyId', SANDBOX_API_KEYS[who].id);
    await popup.fill('Spacelift credentials', 'keySecret', SANDBOX_API_KEYS[who].secret);
    await popup.submit('Spacelift credentials');
    await popup.statusText('spacelift-status', /Connected/);
    await popup.close();
    await s.page.bringToFront();
  }
  beforeEach(async () => {
    s.sandbox.model.reset();
    if (!(await s.panel.isOpen())) {
      await s.panel.clickLauncher();
      await s.panel.waitUntilOpen();
    }
    try {
      await s.panel.newConversation();
    } catch (error) {
      await s.page.screenshot({ path: resolve(import.meta.dirname, '../../.tmp/models-panel-failure.png') });
      throw error;
    }
  });

  it('lists the integrations this Spacelift identity may use, a space-scoped one only with access to its space', async () => {
    await models.waitForLabel(new RegExp(SANDBOX_MODEL_ID));
    const options = await models.options();
    expect(options.map((o) => `${o.integration}/${o.model}`)).toEqual([
      `Sandbox model/${SANDBOX_MODEL_ID}`,
      `Sandbox model/${SANDBOX_MINI_MODEL_ID}`,
      `Sandbox model/${SANDBOX_NO_TOOLS_MODEL_ID}`,
      `Team gateway/${SANDBOX_MODEL_ID}`,
    ]);
    expect(options.find((o) => o.model === SANDBOX_NO_TOOLS_MODEL_ID)?.text).toMatch(/no tools/);
    expect(await models.menuText()).toMatch(/1 integration is limited to Spacelift spaces you cannot access/);

    // Walt writes in `dev`: once signed in as him (in the popup), the dev team's integration is there.
    await signInAs('writer');
    // Escape closes the menu first, then the panel; opening it again asks the background afresh.
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Escape');
    await s.page.waitForFunction(() => !document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-model-menu"]'));
    await expect.poll(() => s.panel.isOpen()).toBe(false);
    await s.panel.clickLauncher();
    await s.panel.waitUntilOpen();
    await expect.poll(async () => (await models.options()).map((o) => o.integration), { timeout: 15_000 }).toContain('Dev team');
    await signInAs('reader');
  });

  it('uses the model picked in the panel, moves the meter, shows each answer\'s tokens and cost, and remembers the pick', async () => {
    await models.pick('sandbox', SANDBOX_MINI_MODEL_ID);
    const before = await models.meter();
    s.sandbox.model.queue({ text: 'Mini answers.' });
    await s.panel.send('Which model are you?');
    await s.panel.waitForAnswer('Mini answers.');
    expect(s.sandbox.model.requests.at(-1)?.model).toBe(SANDBOX_MINI_MODEL_ID);

    const after = await models.waitForMeterAbove(before.usedMicros);
    expect(after.limitMicros).toBeNull();
    expect(after.tip).toMatch(/used in the last 30 days · no budget set/);
    expect(after.tip).toMatch(/\d+ model calls? · [\d,]+ input tokens/);
    const [usage] = await models.answerUsages();
    expect(usage).toMatch(/^[\d,.k]+ in · \d+ out · \$0\.0\d+$/);

    const conversationId = await s.page.evaluate(() => JSON.parse(sessionStorage.getItem('infra-assistant:panel') ?? '{}').conversationId as string);
    const stored = await readStoredConversation(s.chromium, conversationId);
    expect(stored.conversation).toMatchObject({ integrationId: 'sandbox', model: SANDBOX_MINI_MODEL_ID });
    // The conversation's title comes from a second, short call to the same model, counted like the answer.
    await expect.poll(async () => (await readStoredConversation(s.chromium, conversationId)).conversation?.title, { timeout: 15_000 }).toBe('Model');
    expect(s.sandbox.model.titleRequests.at(-1)?.model).toBe(SANDBOX_MINI_MODEL_ID);
    // The popup shows the use per integration and per model: two calls, the answer and its title.
    const popup = await Popup.open(s.chromium.browser, s.chromium.extensionId);
    const row = await popup.page.waitForSelector(`[data-testid="usage-summary"] tbody[data-integration="sandbox"] tr[data-model="${SANDBOX_MINI_MODEL_ID}"]`);
    expect(await row!.evaluate((el) => el.textContent)).toMatch(/^sandbox-scripted-mini2/);
    await popup.close();
    await s.page.bringToFront();

    // A new conversation starts with the last pick.
    await s.panel.newConversation();
    await models.waitForLabel(new RegExp(SANDBOX_MINI_MODEL_ID));

    // Screenshots: the selector open, and the meter's figures on hover.
    await models.openMenu();
    await s.page.screenshot({ path: resolve(SCREENSHOTS, 'model-selector.png'), clip: { x: 1400 - 440, y: 0, width: 440, height: 420 } });
    await s.page.keyboard.press('Escape');
    await s.page.hover(`${IN_PANEL}[data-testid="ia-budget"]`);
    await s.page.screenshot({ path: resolve(SCREENSHOTS, 'budget-meter.png'), clip: { x: 1400 - 440, y: 0, width: 440, height: 220 } });
  });

  it('lets a model without tool calling chat without tools, and says so', async () => {
    await models.pick('sandbox', SANDBOX_NO_TOOLS_MODEL_ID);
    expect(await models.noToolsNotice()).toMatch(/cannot use tools/);
    s.sandbox.model.queue({ text: 'I can only talk.' });
    await s.panel.send('What is on this page?');
    await s.panel.waitForAnswer('I can only talk.');
    // The sandbox refuses tools for this model, as Ollama does: the request carried none.
    expect(s.sandbox.model.requests.at(-1)?.tools ?? []).toEqual([]);
  });

  it('stops sending when a budget is used up, keeps everything written, and switches integration in one click', async () => {
    await models.pick('team', SANDBOX_MODEL_ID);
    const start = await models.meter();
    expect(start).toMatchObject({ limitMicros: 50_000, level: 'ok' });
    s.sandbox.model.queue({ text: 'That was expensive.' });
    await s.panel.send('Summarise my stacks');
    await s.panel.waitForAnswer('That was expensive.');

    const notice = await models.waitForBudgetNotice();
    expect(notice.text).toMatch(/The budget of "Team gateway" is used up: \$[\d.]+ of \$0\.05 used in the last 30 days/);
    expect(notice.buttons).toEqual(['Switch to Sandbox model', 'Set up your own model']);
    expect((await models.meter()).level).toBe('exhausted');
    await s.page.screenshot({ path: resolve(SCREENSHOTS, 'budget-exhausted.png'), clip: { x: 1400 - 440, y: 0, width: 440, height: 900 } });

    // Sending is off; what was typed stays in the composer.
    const composer = `${IN_PANEL}[data-testid="ia-composer"]`;
    expect(await s.page.$eval(composer, (el) => (el as HTMLTextAreaElement).disabled)).toBe(true);
    const calls = s.sandbox.model.requests.length;

    await s.page.click(`${IN_PANEL}[data-testid="ia-budget-switch"]`);
    await models.waitForLabel(/Sandbox model/);
    expect(await models.budgetNotice()).toBeNull();
    expect(await s.page.$eval(composer, (el) => (el as HTMLTextAreaElement).disabled)).toBe(false);
    expect(s.sandbox.model.requests.length).toBe(calls);

    s.sandbox.model.queue({ text: 'Back on your own model.' });
    await s.panel.send('Go on');
    await s.panel.waitForAnswer('Back on your own model.');
    expect((await s.panel.messages()).map((m) => m.text)).toEqual(['Summarise my stacks', 'That was expensive.', 'Go on', 'Back on your own model.']);
    const conversationId = await s.page.evaluate(() => JSON.parse(sessionStorage.getItem('infra-assistant:panel') ?? '{}').conversationId as string);
    const stored = await readStoredConversation(s.chromium, conversationId);
    expect(stored.messages).toHaveLength(4);
  });
});
