import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { dispatchToggleCommand, readStoredConversation } from './harness/extension';

const STACK_PATH = '/stack/prod-network';
const LONG_ANSWER =
  'You are on the prod-network stack. Its last tracked run failed during planning: the AWS provider was denied access ' +
  'to describe the VPC. Check the IAM role attached to the stack, then trigger a new run.';

describe('foundation: the panel on a sandbox Spacelift page', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant(STACK_PATH, { openPanel: false });
  });

  afterAll(() => s?.close());

  beforeEach(() => s.sandbox.model.reset());

  it('opens from the keyboard command with the composer focused', async () => {
    expect(await s.panel.isOpen()).toBe(false);
    await dispatchToggleCommand(s.chromium, `${s.sandbox.appUrl}${STACK_PATH}`);
    await s.panel.waitUntilOpen();
    await s.page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.activeElement?.getAttribute('data-testid') === 'ia-composer',
      { timeout: 5_000 },
    );
    expect(await s.panel.focusedTestId()).toBe('ia-composer');
  });

  it('streams a scripted answer with a real tool call, and stores the conversation in IndexedDB', async () => {
    s.sandbox.model.queue(
      { text: 'Let me look at this s.page. ', toolCalls: [{ name: 'page_context', arguments: {} }] },
      { text: LONG_ANSWER, chunkSize: 6, chunkDelayMs: 25 },
    );
    await s.panel.startRecordingRenders();
    await s.panel.send('Why did the last run of this stack fail?');
    await s.panel.waitForIdle();

    const messages = await s.panel.messages();
    expect(messages[0]).toEqual({ role: 'user', text: 'Why did the last run of this stack fail?' });
    expect(messages[1]?.role).toBe('assistant');
    expect(messages[1]?.text).toContain(LONG_ANSWER);
    expect(await s.panel.toolCards()).toEqual([{ tool: 'page_context', state: 'output-available' }]);

    // Streamed visibly: the answer grew over many frames, not in one jump.
    const renders = await s.panel.recordedRenders();
    expect(renders.filter((length) => length > 0 && length < LONG_ANSWER.length).length).toBeGreaterThanOrEqual(5);

    // The tool really read the page: its result went back to the model on the second call.
    expect(s.sandbox.model.requests).toHaveLength(2);
    const toolMessage = s.sandbox.model.requests[1]!.messages.find((m) => m.role === 'tool');
    expect(String(toolMessage?.content)).toContain('prod-network');
    expect(String(toolMessage?.content)).toContain('untrusted_data');

    // And the conversation is in the extension's IndexedDB, answer included.
    const ids = await s.chromium.inWorker(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('infra-assistant');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const r = db.transaction('conversations').objectStore('conversations').getAllKeys();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return keys as string[];
    });
    expect(ids).toHaveLength(1);
    // Titled by the question at once, then by the (sandbox's) title model after the first answer.
    await expect
      .poll(async () => (await readStoredConversation(s.chromium, ids[0]!)).conversation?.title, { timeout: 15_000 })
      .toBe('Last run stack fail');
    const stored = await readStoredConversation(s.chromium, ids[0]!);
    expect(stored.conversation?.account).toBe(s.sandbox.appUrl);
    expect(stored.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    const answerParts = stored.messages[1]!.message.parts;
    expect(answerParts.some((p) => p.type === 'tool-page_context' && p.state === 'output-available')).toBe(true);
    expect(answerParts.filter((p) => p.type === 'text').map((p) => p.text).join('')).toContain(LONG_ANSWER);
  });

  it('keeps the panel and its conversation across client-side navigation', async () => {
    const before = await s.panel.messages();
    expect(before.length).toBe(2);
    await s.app.markDocument();
    await s.app.clickNav('/policies');
    expect(await s.app.documentStillMarked()).toBe(true); // no reload happened
    expect(await s.panel.isOpen()).toBe(true);
    expect(await s.panel.messages()).toEqual(before);

    // The conversation carries on from the new s.page, and the model sees the new URL.
    s.sandbox.model.queue({ text: 'These are your policies.' });
    await s.panel.send('And what is on this page?');
    await s.panel.waitForIdle();
    expect((await s.panel.messages()).at(-1)?.text).toBe('These are your policies.');
    const lastRequest = s.sandbox.model.requests.at(-1)!;
    expect(lastRequest.messages.filter((m) => m.role === 'user')).toHaveLength(2);
  });

  it('shows a clear error with a retry when the model fails, and loses nothing', async () => {
    s.sandbox.model.queue({ error: { status: 429, message: 'Rate limit reached' } }, { error: { status: 429, message: 'Rate limit reached' } });
    await s.panel.send('One more question');
    await s.panel.waitForIdle();
    const notice = await s.panel.errorNotice();
    expect(notice?.code).toBe('rate-limit');
    expect(notice?.text).toContain('Retry');
    expect((await s.panel.messages()).at(-1)).toEqual({ role: 'user', text: 'One more question' });

    s.sandbox.model.queue({ text: 'Answered after the retry.' });
    await s.page.click('infra-assistant-panel >>> [data-testid="ia-error-action"]');
    await s.panel.waitForAnswer('Answered after the retry.');
    expect((await s.panel.messages()).at(-1)?.text).toBe('Answered after the retry.');
    expect(await s.panel.errorNotice()).toBeNull();
  });

  it('toggles closed from the command and from Escape, and opens from the launcher', async () => {
    await dispatchToggleCommand(s.chromium, s.sandbox.appUrl);
    await s.page.waitForFunction(() => {
      const el = document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-panel"]');
      return !el || (el as HTMLElement).offsetParent === null;
    });
    expect(await s.panel.isOpen()).toBe(false);
    expect(await (await s.panel.launcher())?.isVisible()).toBe(true);
    await s.panel.clickLauncher();
    await s.panel.waitUntilOpen();
    // The launcher steps aside while the panel is open (it would cover the Send button).
    expect(await (await s.panel.launcher())?.isVisible()).toBe(false);
    await s.page.keyboard.press('Escape');
    expect(await s.panel.isOpen()).toBe(false);
    expect(await (await s.panel.launcher())?.isVisible()).toBe(true);
  });
});
