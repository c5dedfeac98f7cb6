import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_RUN_IDS } from '../sandbox/graphql/index';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { dispatchToggleCommand } from './harness/extension';

describe('welcome: suggestions fit the page, focus goes back to the page', () => {
  let s: AssistantSession;
  const failedRun = `/stack/prod-eks/run/${SEED_RUN_IDS.prodEksAccessDenied}`;

  beforeAll(async () => {
    s = await openAssistant(failedRun, { openPanel: false });
  });
  afterAll(() => s?.close());

  const suggestions = () =>
    s.page.evaluate(() =>
      [...(document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-testid="ia-suggestion"]') ?? [])].map((b) => b.textContent),
    );

  it('offers to explain the failure on a failed run, and asks it in one click', async () => {
    await s.page.waitForSelector('[data-testid="run-state"]');
    await s.panel.clickLauncher();
    await s.panel.waitUntilOpen();
    await s.page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-suggestion"]')?.textContent === 'Explain why this run failed',
    );
    s.sandbox.model.queue({ text: 'The AWS provider was denied access.' });
    await s.page.click('infra-assistant-panel >>> [data-testid="ia-suggestion"]');
    await s.panel.waitForAnswer('The AWS provider was denied access.');
    expect((await s.panel.messages())[0]).toEqual({ role: 'user', text: 'Explain why this run failed' });
  });

  it('changes the suggestions when the app navigates', async () => {
    await s.panel.newConversation();
    await s.app.clickNav('/stacks');
    await s.page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-suggestion"]')?.textContent === 'Which stacks failed?',
      { timeout: 5_000 },
    );
    expect(await suggestions()).toContain('Which stacks failed?');
  });

  it('gives focus back to the page element that had it when the panel closes', async () => {
    await s.page.click('infra-assistant-panel >>> button[aria-label="Close panel"]');
    await s.page.focus('a[href="/policies"]');
    await dispatchToggleCommand(s.chromium, s.sandbox.appUrl);
    await s.panel.waitUntilOpen();
    await s.page.waitForFunction(() => document.querySelector('infra-assistant-panel')?.shadowRoot?.activeElement?.getAttribute('data-testid') === 'ia-composer');
    await s.page.keyboard.press('Escape');
    expect(await s.page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/policies');
  });
});
