import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { readStoredConversation, useIntegrations, useSandboxModel } from './harness/extension';

const IN_PANEL = 'infra-assistant-panel >>> ';

describe('thread actions: regenerate, edit and resend, copy, stop; composer keys; errors with their fix', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks');
  });
  afterAll(() => s?.close());
  beforeEach(async () => {
    s.sandbox.model.reset();
    await s.panel.newConversation();
  });

  async function ask(text: string, answer: string) {
    s.sandbox.model.queue({ text: answer });
    await s.panel.send(text);
    await s.panel.waitForIdle();
  }

  it('regenerates the last answer in place', async () => {
    await ask('Summarise my stacks', 'First try.');
    s.sandbox.model.queue({ text: 'Second try.' });
    await s.page.click(`${IN_PANEL}[data-testid="ia-regenerate"]`);
    await s.page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-message-assistant"]')?.textContent?.includes('Second try.'),
    );
    await s.panel.waitForIdle();
    expect(await s.panel.messages()).toEqual([
      { role: 'user', text: 'Summarise my stacks' },
      { role: 'assistant', text: 'Second try.' },
    ]);
    // The model was asked the same question again, without the discarded answer.
    const last = s.sandbox.model.requests.at(-1)!;
    expect(last.messages.filter((m) => m.role !== 'system').map((m) => m.role)).toEqual(['user']);
  });

  it('edits an earlier question: what came after it is dropped, here and in storage', async () => {
    await ask('Which stacks failed?', 'Two did.');
    await ask('And which are applying?', 'One is.');
    const edits = await s.page.$$(`${IN_PANEL}[data-testid="ia-edit-message"]`);
    await edits[0]!.click();
    const input = await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-edit-input"]`);
    await input!.evaluate((el) => ((el as HTMLTextAreaElement).select()));
    await input!.type('Which stacks failed in production?');
    s.sandbox.model.queue({ text: 'Only prod-eks.' });
    await s.page.click(`${IN_PANEL}[data-testid="ia-edit-send"]`);
    await s.page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-message-assistant"]')?.textContent?.includes('Only prod-eks.'),
    );
    await s.panel.waitForIdle();
    expect(await s.panel.messages()).toEqual([
      { role: 'user', text: 'Which stacks failed in production?' },
      { role: 'assistant', text: 'Only prod-eks.' },
    ]);
    const sent = s.sandbox.model.requests.at(-1)!.messages.filter((m) => m.role === 'user');
    expect(sent).toHaveLength(1);

    const ids = await s.chromium.inWorker(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('infra-assistant');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const rows = await new Promise<{ id: string; updatedAt: number }[]>((resolve) => {
        const r = db.transaction('conversations').objectStore('conversations').getAll();
        r.onsuccess = () => resolve(r.result as { id: string; updatedAt: number }[]);
      });
      db.close();
      return rows.sort((a, b) => b.updatedAt - a.updatedAt).map((r) => r.id);
    });
    const stored = await readStoredConversation(s.chromium, ids[0]!);
    expect(stored.messages.map((m) => m.message.parts.filter((p) => p.type === 'text').map((p) => p.text).join(''))).toEqual([
      'Which stacks failed in production?',
      'Only prod-eks.',
    ]);
  });

  it('copies an answer to the clipboard', async () => {
    await s.chromium.browser.defaultBrowserContext().overridePermissions(s.sandbox.appUrl, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await ask('Give me a one-liner', 'terraform plan -out=tfplan');
    const copyButtons = await s.page.$$(`${IN_PANEL}[data-testid="ia-copy-message"]`);
    await copyButtons.at(-1)!.click();
    await s.page.waitForFunction(
      () => [...(document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-testid="ia-copy-message"]') ?? [])].some((b) => b.textContent === 'Copied'),
    );
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe('terraform plan -out=tfplan');
  });

  const streamingText = () =>
    s.page.evaluate(() => {
      const answers = document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-testid="ia-message-assistant"] .ia-text');
      return answers?.[answers.length - 1]?.textContent ?? '';
    });
  const conversationId = () => s.page.evaluate(() => JSON.parse(sessionStorage.getItem('infra-assistant:panel') ?? '{}').conversationId as string);

  it('stops an answer while it streams: what was written stays, the model call is cut, the next question works', async () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    s.sandbox.model.queue({ text: words, chunkSize: 10, chunkDelayMs: 20 });
    await s.panel.send('Write a long essay');
    await s.page.waitForFunction(
      () => (document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-message-assistant"] .ia-text')?.textContent?.length ?? 0) > 40,
    );
    await s.page.click(`${IN_PANEL}[data-testid="ia-stop"]`);
    await s.panel.waitForIdle();
    const kept = await streamingText();
    expect(kept.length).toBeGreaterThan(40);
    expect(kept.length).toBeLessThan(words.length);
    expect(words.startsWith(kept.trim())).toBe(true);
    await s.page.waitForFunction(() => !!document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-send"]'));
    expect(await s.panel.errorNotice()).toBeNull();
    // The background stopped the model call too, and stored what was shown.
    await vi.waitFor(() => expect(s.sandbox.model.aborted).toBe(1), { timeout: 5_000 });
    expect(await streamingText()).toBe(kept);
    const stored = await readStoredConversation(s.chromium, await conversationId());
    expect(stored.messages.map((m) => m.role)).toEqual(['user', 'assistant']);

    await ask('Shorter, please', 'Essays are long.');
    expect((await s.panel.messages()).at(-1)).toEqual({ role: 'assistant', text: 'Essays are long.' });
  });

  it('stops an answer it only follows after a reload (no Port of its own)', async () => {
    s.sandbox.model.queue({ text: 'Still writing this answer. '.repeat(60), chunkSize: 8, chunkDelayMs: 25 });
    await s.panel.send('Take your time');
    await s.page.waitForFunction(() => (document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-testid="ia-message-assistant"]').length ?? 0) > 0);
    await s.page.reload({ waitUntil: 'domcontentloaded' });
    await s.panel.waitUntilOpen();
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-stop"]`, { visible: true });
    await s.page.click(`${IN_PANEL}[data-testid="ia-stop"]`);
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-send"]`, { timeout: 10_000 });
    await s.page.waitForFunction(() => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-thread"]')?.getAttribute('data-status') === 'ready');
    await vi.waitFor(() => expect(s.sandbox.model.aborted).toBe(1), { timeout: 5_000 });
    expect(await s.panel.errorNotice()).toBeNull();
    const stored = await readStoredConversation(s.chromium, await conversationId());
    const answer = stored.messages.at(-1)!;
    expect(answer.status).toBe('interrupted');
    expect(answer.message.parts.find((p) => p.type === 'text')?.text?.length).toBeLessThan('Still writing this answer. '.length * 60);
  });

  it('Enter sends; Shift+Enter starts a new line', async () => {
    const composer = (await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-composer"]`))!;
    await composer.click();
    await composer.type('First line');
    await s.page.keyboard.down('Shift');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.up('Shift');
    await composer.type('second line');
    expect(await composer.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('First line\nsecond line');
    expect(await s.panel.messages()).toEqual([]);
    s.sandbox.model.queue({ text: 'Two lines received.' });
    await s.page.keyboard.press('Enter');
    await s.panel.waitForAnswer('Two lines received.');
    expect((await s.panel.messages())[0]).toEqual({ role: 'user', text: 'First line\nsecond line' });
    expect(await composer.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('');
  });

  it('an unknown model shows the error in the thread with "Switch model", which opens the model selector', async () => {
    await useSandboxModel(s.chromium, s.sandbox, { defaultModel: 'no-such-model' });
    await s.panel.newConversation();
    await s.panel.send('Hello?');
    await s.panel.waitForIdle();
    expect(await s.panel.errorNotice()).toMatchObject({ code: 'model-not-found' });
    const action = (await s.page.$(`${IN_PANEL}[data-testid="ia-error-action"]`))!;
    expect(await action.evaluate((b) => b.textContent)).toBe('Switch model');
    await action.click();
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-model-menu"]`, { visible: true });
    expect(await s.page.$eval(`${IN_PANEL}[data-testid="ia-model"]`, (b) => b.getAttribute('aria-expanded'))).toBe('true');
    await s.page.keyboard.press('Escape');
    await useSandboxModel(s.chromium, s.sandbox);
  });

  it('with no model set up, the composer is disabled and says why', async () => {
    await useIntegrations(s.chromium, []);
    await s.page.keyboard.press('Escape');
    await s.panel.clickLauncher();
    await s.panel.waitUntilOpen();
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-composer-reason"]`);
    expect(await s.page.$eval(`${IN_PANEL}[data-testid="ia-composer-reason"]`, (p) => p.textContent)).toBe('Set up a model in the extension settings to start chatting.');
    expect(await s.page.$eval(`${IN_PANEL}[data-testid="ia-composer"]`, (t) => (t as HTMLTextAreaElement).disabled)).toBe(true);
    expect(await s.page.$(`${IN_PANEL}[data-testid="ia-suggestion"]`)).toBeNull();
    await useSandboxModel(s.chromium, s.sandbox);
  });
});
