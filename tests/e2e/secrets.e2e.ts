import type { CDPSession } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';

const EXTENSION_NAME = 'Infra Assistant';

/** Run an expression in our content script's isolated world on the page (CDP lists it by the extension's name). */
async function inContentScript(session: CDPSession, expression: string): Promise<unknown> {
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  session.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await session.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === EXTENSION_NAME);
  if (!world) throw new Error(`No isolated world named ${EXTENSION_NAME}: ${contexts.map((c) => c.name).join(', ')}`);
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

describe('secrets stay in the background', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks');
    // A chat, so the worker has used the key at least once.
    s.sandbox.model.queue({ text: 'Hello.' });
    await s.panel.send('Hi');
    await s.panel.waitForAnswer('Hello.');
  });

  afterAll(() => s?.close());

  it('the content script cannot read extension storage, where the API key lives', async () => {
    const stored = await s.chromium.inWorker(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(stored).toContain('sandbox-key'); // the key is there, for the worker

    const session = await s.page.createCDPSession();
    const seen = await inContentScript(
      session,
      `(async () => {
        const local = globalThis.chrome?.storage?.local;
        if (!local || typeof local.get !== 'function') return 'no storage API';
        try { return JSON.stringify(await local.get(null)); } catch (error) { return 'refused: ' + error.message; }
      })()`,
    );
    await session.detach();
    expect(String(seen)).not.toContain('sandbox-key');
    expect(String(seen)).toMatch(/^(no storage API|refused: )/);
  });

  it('the key is nowhere in the page or the panel', async () => {
    const text = await s.page.evaluate(() => {
      const panel = document.querySelector('infra-assistant-panel')?.shadowRoot;
      return `${document.documentElement.outerHTML}${panel ? panel.innerHTML : ''}${JSON.stringify({ ...sessionStorage })}${JSON.stringify({ ...localStorage })}`;
    });
    expect(text).not.toContain('sandbox-key');
  });
});
