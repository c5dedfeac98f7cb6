import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { readStoredConversation } from './harness/extension';

const IN_PANEL = 'infra-assistant-panel >>> ';

describe('thread actions: regenerate, edit and resend, copy', () => {
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
});
