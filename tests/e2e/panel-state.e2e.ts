import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { readStoredConversation } from './harness/extension';

const IN_PANEL = 'infra-assistant-panel >>> ';

/** A long answer, so the thread scrolls. */
const longAnswer = (n: number) => Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of answer ${n}: the stack prod-eks is healthy.`).join('\n\n');

describe('the panel keeps its state across client-side navigation and reloads', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks', { openPanel: false });
  });
  afterAll(() => s?.close());

  const pressed = (mode: 'ask' | 'build') =>
    s.page.$eval(`${IN_PANEL}[data-testid="ia-mode-${mode}"]`, (b) => b.getAttribute('aria-pressed'));
  /** Which message is at the top of the thread, and how far it is scrolled past. */
  const topOfThread = () =>
    s.page.evaluate(() => {
      const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-thread"]')!;
      const top = thread.getBoundingClientRect().top;
      const first = [...thread.querySelectorAll<HTMLElement>('[data-message-id]')].find((m) => m.getBoundingClientRect().bottom > top)!;
      return { id: first.dataset.messageId, offset: Math.round(top - first.getBoundingClientRect().top), scrollTop: Math.round(thread.scrollTop) };
    });

  it('shows Build as unavailable, with the reason, until the organization enables it', async () => {
    await s.panel.clickLauncher();
    await s.panel.waitUntilOpen();
    await s.page.waitForFunction(() =>
      document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-mode-reason"]')?.textContent?.includes('disabled for your organization'),
    );
    const build = `${IN_PANEL}[data-testid="ia-mode-build"]`;
    expect(await s.page.$eval(build, (b) => b.getAttribute('aria-disabled'))).toBe('true');
    expect(await (await s.page.$(`${IN_PANEL}[data-testid="ia-mode-reason"]`))!.isVisible()).toBe(false);
    await s.page.click(build);
    const reason = (await s.page.$(`${IN_PANEL}[data-testid="ia-mode-reason"]`))!;
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.evaluate((el) => el.textContent)).toBe('Build mode is disabled for your organization. Contact an admin.');
    expect(await pressed('ask')).toBe('true');
    expect(await pressed('build')).toBe('false');

    // An admin turns it on; the panel asks again when it opens.
    await s.chromium.inWorker(async () => chrome.storage.local.set({ organizationSettings: { buildModeEnabled: true } }));
    await s.page.keyboard.press('Escape');
    await s.panel.clickLauncher();
    await s.page.waitForFunction(() =>
      document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-mode-build"]')?.getAttribute('aria-disabled') === 'false',
    );
  });

  it('stores the mode with the conversation', async () => {
    await s.page.click(`${IN_PANEL}[data-testid="ia-mode-build"]`);
    expect(await pressed('build')).toBe('true');
    for (let i = 1; i <= 3; i++) {
      s.sandbox.model.queue({ text: longAnswer(i), chunkSize: 400 });
      await s.panel.send(`Question ${i}`);
      await s.panel.waitForIdle();
    }
    const id = await s.page.evaluate(() => JSON.parse(sessionStorage.getItem('infra-assistant:panel') ?? '{}').conversationId as string);
    const stored = await readStoredConversation(s.chromium, id);
    expect((stored.conversation as unknown as { mode: string }).mode).toBe('build');
    expect(stored.messages).toHaveLength(6);
  });

  it('keeps open, placement, mode, conversation and scroll position across client-side navigation', async () => {
    await s.panel.togglePin();
    await s.panel.waitForLayout('floating');
    await s.panel.drag('.ia-title', -300, -20, { x: 0.3, y: 0.5 });
    // Scroll up into the middle of the second answer (a wheel turn first: the panel tells the reader's scrolling from its own).
    await s.page.evaluate(() => {
      const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-thread"]')!;
      thread.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true }));
      const second = thread.querySelectorAll('[data-testid="ia-message-assistant"]')[1] as HTMLElement;
      thread.scrollTop += second.getBoundingClientRect().top - thread.getBoundingClientRect().top + 150;
    });
    const before = { frame: await s.panel.frame(), messages: await s.panel.messages(), top: await topOfThread() };
    expect(before.top.offset).toBe(150);

    await s.app.markDocument();
    await s.app.clickNav('/policies');
    expect(await s.app.documentStillMarked()).toBe(true);
    expect(await s.panel.frame()).toEqual(before.frame);
    expect(await s.panel.messages()).toEqual(before.messages);
    expect(await topOfThread()).toEqual(before.top);
    expect(await pressed('build')).toBe('true');
  });

  it('comes back the same after a reload: open, floating where it was, Build, the conversation scrolled to the same place', async () => {
    const before = { frame: await s.panel.frame(), messages: await s.panel.messages(), top: await topOfThread() };
    await s.page.reload({ waitUntil: 'domcontentloaded' });
    await s.panel.waitUntilOpen();
    await s.page.waitForFunction(
      (count) => (document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-message-id]').length ?? 0) === count,
      {},
      before.messages.length,
    );
    expect(await s.panel.frame()).toEqual(before.frame);
    expect(await s.panel.messages()).toEqual(before.messages);
    // The same message at the top, scrolled into by the same amount (once the messages around it have their real sizes).
    await s.page
      .waitForFunction(
        (id, offset) => {
          const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-thread"]')!;
          const anchor = thread.querySelector(`[data-message-id="${id}"]`);
          return !!anchor && Math.abs(thread.getBoundingClientRect().top - anchor.getBoundingClientRect().top - offset) <= 1;
        },
        { timeout: 5_000 },
        before.top.id,
        before.top.offset,
      )
      .catch(() => undefined);
    const top = await topOfThread();
    expect(top.id).toBe(before.top.id);
    expect(Math.abs(top.offset - before.top.offset)).toBeLessThanOrEqual(1);
    await s.page.waitForFunction(() =>
      document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-mode-build"]')?.getAttribute('aria-pressed') === 'true',
    );
  });

  it('follows a new answer only while the thread is scrolled to the end', async () => {
    const held = await s.panel.scrollTop();
    s.sandbox.model.queue({ text: longAnswer(4), chunkSize: 200, chunkDelayMs: 5 });
    await s.panel.send('Question 4');
    // Sending jumps to the end, and the growing answer is followed there.
    await s.panel.waitForIdle();
    const atEnd = await s.page.evaluate(() => {
      const t = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-thread"]')!;
      return t.scrollHeight - t.scrollTop - t.clientHeight;
    });
    expect(atEnd).toBeLessThanOrEqual(2);
    expect(await s.panel.scrollTop()).toBeGreaterThan(held);

    // Scrolled up to read while an answer streams: the thread stays where the reader is.
    s.sandbox.model.queue({ text: longAnswer(5), chunkSize: 40, chunkDelayMs: 15 });
    await s.panel.send('Question 5');
    await s.page.waitForFunction(() => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-thread"]')?.getAttribute('data-status') === 'streaming');
    const reading = await s.page.evaluate(async () => {
      const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-thread"]')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      thread.dispatchEvent(new WheelEvent('wheel', { deltaY: -600, bubbles: true }));
      thread.scrollTop -= 600;
      await frame();
      thread.scrollTop -= 100;
      await frame();
      return Math.round(thread.scrollTop);
    });
    await s.panel.waitForIdle();
    expect(await s.panel.scrollTop()).toBe(reading);
  });

  it('puts itself back if the app drops it from the document', async () => {
    const before = await s.panel.messages();
    await s.page.evaluate(() => document.querySelector('infra-assistant-panel')!.remove());
    await s.panel.waitUntilOpen();
    expect(await s.panel.messages()).toEqual(before);
  });
});
