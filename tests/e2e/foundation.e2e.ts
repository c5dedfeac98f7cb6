import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/server';
import type { ExtensionBrowser } from './harness/chromium';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { dispatchToggleCommand, readStoredConversation } from './harness/extension';
import type { AssistantPanel } from './pages/assistant-panel';
import type { SandboxApp } from './pages/sandbox-app';

const STACK_PATH = '/stack/prod-network';
const LONG_ANSWER =
  'You are on the prod-network stack. Its last tracked run failed during planning: the AWS provider was denied access ' +
  'to describe the VPC. Check the IAM role attached to the stack, then trigger a new run.';

describe('foundation: the panel on a sandbox Spacelift page', () => {
  let session: AssistantSession;
  let sandbox: Sandbox;
  let chromium: ExtensionBrowser;
  let page: Page;
  let app: SandboxApp;
  let panel: AssistantPanel;

  beforeAll(async () => {
    session = await openAssistant(STACK_PATH, { openPanel: false });
    ({ sandbox, chromium, page, app, panel } = session);
  });

  afterAll(() => session?.close());

  beforeEach(() => sandbox.model.reset());

  it('opens from the keyboard command with the composer focused', async () => {
    expect(await panel.isOpen()).toBe(false);
    await dispatchToggleCommand(chromium, `${sandbox.appUrl}${STACK_PATH}`);
    await panel.waitUntilOpen();
    await page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.activeElement?.getAttribute('data-testid') === 'ia-composer',
      { timeout: 5_000 },
    );
    expect(await panel.focusedTestId()).toBe('ia-composer');
  });

  it('streams a scripted answer with a real tool call, and stores the conversation in IndexedDB', async () => {
    sandbox.model.queue(
      { text: 'Let me look at this page. ', toolCalls: [{ name: 'page_context', arguments: {} }] },
      { text: LONG_ANSWER, chunkSize: 6, chunkDelayMs: 25 },
    );
    await panel.startRecordingRenders();
    await panel.send('Why did the last run of this stack fail?');
    await panel.waitForIdle();

    const messages = await panel.messages();
    expect(messages[0]).toEqual({ role: 'user', text: 'Why did the last run of this stack fail?' });
    expect(messages[1]?.role).toBe('assistant');
    expect(messages[1]?.text).toContain(LONG_ANSWER);
    expect(await panel.toolCards()).toEqual([{ tool: 'page_context', state: 'output-available' }]);

    // Streamed visibly: the answer grew over many frames, not in one jump.
    const renders = await panel.recordedRenders();
    expect(renders.filter((length) => length > 0 && length < LONG_ANSWER.length).length).toBeGreaterThanOrEqual(5);

    // The tool really read the page: its result went back to the model on the second call.
    expect(sandbox.model.requests).toHaveLength(2);
    const toolMessage = sandbox.model.requests[1]!.messages.find((m) => m.role === 'tool');
    expect(String(toolMessage?.content)).toContain('prod-network');
    expect(String(toolMessage?.content)).toContain('untrusted_data');

    // And the conversation is in the extension's IndexedDB, answer included.
    const ids = await chromium.inWorker(async () => {
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
    const stored = await readStoredConversation(chromium, ids[0]!);
    expect(stored.conversation?.title).toBe('Why did the last run of this stack fail?');
    expect(stored.conversation?.account).toBe(sandbox.appUrl);
    expect(stored.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    const answerParts = stored.messages[1]!.message.parts;
    expect(answerParts.some((p) => p.type === 'tool-page_context' && p.state === 'output-available')).toBe(true);
    expect(answerParts.filter((p) => p.type === 'text').map((p) => p.text).join('')).toContain(LONG_ANSWER);
  });

  it('keeps the panel and its conversation across client-side navigation', async () => {
    const before = await panel.messages();
    expect(before.length).toBe(2);
    await app.markDocument();
    await app.clickNav('/policies');
    expect(await app.documentStillMarked()).toBe(true); // no reload happened
    expect(await panel.isOpen()).toBe(true);
    expect(await panel.messages()).toEqual(before);

    // The conversation carries on from the new page, and the model sees the new URL.
    sandbox.model.queue({ text: 'These are your policies.' });
    await panel.send('And what is on this page?');
    await panel.waitForIdle();
    expect((await panel.messages()).at(-1)?.text).toBe('These are your policies.');
    const lastRequest = sandbox.model.requests.at(-1)!;
    expect(lastRequest.messages.filter((m) => m.role === 'user')).toHaveLength(2);
  });

  it('shows a clear error with a retry when the model fails, and loses nothing', async () => {
    sandbox.model.queue({ error: { status: 429, message: 'Rate limit reached' } }, { error: { status: 429, message: 'Rate limit reached' } });
    await panel.send('One more question');
    await panel.waitForIdle();
    const notice = await panel.errorNotice();
    expect(notice?.code).toBe('rate-limit');
    expect(notice?.text).toContain('Retry');
    expect((await panel.messages()).at(-1)).toEqual({ role: 'user', text: 'One more question' });

    sandbox.model.queue({ text: 'Answered after the retry.' });
    await page.click('infra-assistant-panel >>> [data-testid="ia-error"] button');
    await panel.waitForAnswer('Answered after the retry.');
    expect((await panel.messages()).at(-1)?.text).toBe('Answered after the retry.');
    expect(await panel.errorNotice()).toBeNull();
  });

  it('toggles closed from the command and from Escape, and opens from the launcher', async () => {
    await dispatchToggleCommand(chromium, sandbox.appUrl);
    await page.waitForFunction(() => {
      const el = document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-panel"]');
      return !el || (el as HTMLElement).offsetParent === null;
    });
    expect(await panel.isOpen()).toBe(false);
    expect(await (await panel.launcher())?.isVisible()).toBe(true);
    await panel.clickLauncher();
    await panel.waitUntilOpen();
    // The launcher steps aside while the panel is open (it would cover the Send button).
    expect(await (await panel.launcher())?.isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    expect(await panel.isOpen()).toBe(false);
    expect(await (await panel.launcher())?.isVisible()).toBe(true);
  });
});
