// Model's first text → on screen in the panel: how long the extension adds between the
// scripted model writing an answer's first text and that text in the panel's DOM, and
// where the time goes:
//   network  model server → the worker's fetch body (Chromium's network stack)
//   worker   fetch body → the worker posts the first words on the Port (AI SDK streams, our loop)
//   ipc      Port post → the content script receives it
//   render   content script → text in the panel's DOM (chat state, React)
// Real Chromium with the built extension. Clocks: `performance.timeOrigin + now()` in every
// context and in Node, one machine. The probes (a fetch wrapper and a Port listener in the
// worker, a Port listener in the content script's world) add well under 0.1 ms.
// Run: npx tsx bench/first-text.ts (or npm run bench), after `npm run build`.

import { pathToFileURL } from 'node:url';
import type { CDPSession } from 'puppeteer-core';
import { openAssistant } from '../tests/e2e/harness/assistant-session';

const ROUNDS = 15;
const WARM_UP = 3;

export async function benchFirstText(): Promise<Record<string, number | string>> {
  const session = await openAssistant('/stack/prod-network');
  const page = await session.page.createCDPSession();
  try {
    await probeWorker(session.chromium.inWorker);
    const world = await contentScriptWorld(page);
    await evaluateIn(page, world, PROBE_CONTENT_SCRIPT);
    const parts: Record<'network' | 'worker' | 'ipc' | 'render' | 'total', number[]> = { network: [], worker: [], ipc: [], render: [], total: [] };
    for (let round = 0; round < ROUNDS + WARM_UP; round++) {
      const marker = `FIRST${round}X`;
      session.sandbox.model.reset();
      session.sandbox.model.queue({ text: `${marker} and the rest of a short answer.`, chunkSize: 12 });
      await session.chromium.inWorker(() => void ((globalThis as unknown as { __iaProbe: object }).__iaProbe = {}));
      await evaluateIn(page, world, 'globalThis.__iaReceivedAt = undefined');
      const shown = session.page.evaluate(
        (host, text) =>
          new Promise<number>((resolve) => {
            const root = document.querySelector(host)!.shadowRoot!;
            // No named helpers in here: tsx would wrap them in a __name() the page does not have.
            const observer = new MutationObserver(() => {
              if (![...root.querySelectorAll('[data-testid="ia-message-assistant"]')].some((el) => el.textContent?.includes(text))) return;
              observer.disconnect();
              resolve(performance.timeOrigin + performance.now());
            });
            observer.observe(root, { subtree: true, childList: true, characterData: true });
          }),
        'infra-assistant-panel',
        marker,
      );
      await session.panel.send(`Question ${round}`);
      const shownAt = await shown;
      await session.panel.waitForIdle();
      const worker = await session.chromium.inWorker(() => (globalThis as unknown as { __iaProbe: { fetchedAt?: number; postedAt?: number } }).__iaProbe);
      const receivedAt = (await evaluateIn(page, world, 'globalThis.__iaReceivedAt')) as number | undefined;
      const writtenAt = session.sandbox.model.firstTextWrittenAt[0];
      await session.panel.newConversation();
      // The first rounds warm up the worker, the Port and React.
      if (round < WARM_UP || writtenAt === undefined || !worker.fetchedAt || !worker.postedAt || !receivedAt) continue;
      parts.network.push(worker.fetchedAt - writtenAt);
      parts.worker.push(worker.postedAt - worker.fetchedAt);
      parts.ipc.push(receivedAt - worker.postedAt);
      parts.render.push(shownAt - receivedAt);
      parts.total.push(shownAt - writtenAt);
    }
    const figures: Record<string, number | string> = { rounds: parts.total.length };
    for (const [name, values] of Object.entries(parts)) figures[`${name} (median / p95 ms)`] = `${at(values, 0.5)} / ${at(values, 0.95)}`;
    figures['extension only: worker + ipc + render, median ms'] = at(
      parts.total.map((total, i) => total - parts.network[i]!),
      0.5,
    );
    figures.target = '≤ 5 ms';
    return figures;
  } finally {
    await page.detach().catch(() => undefined);
    await session.close();
  }
}

/** In the worker: when the model's first text reaches fetch's body, and when it is posted on a Port. */
function probeWorker(inWorker: (fn: () => void) => Promise<void>): Promise<void> {
  // No named helpers in here: tsx would wrap them in a __name() the worker does not have.
  return inWorker(() => {
    const scope = globalThis as unknown as { __iaProbe: { fetchedAt?: number; postedAt?: number }; __iaProbed?: boolean; fetch: typeof fetch };
    if (scope.__iaProbed) return;
    scope.__iaProbed = true;
    scope.__iaProbe = {};
    const originalFetch = scope.fetch;
    scope.fetch = async (input, init) => {
      const response = await originalFetch(input, init);
      if (!String(input).includes('/chat/completions') || !response.body) return response;
      const decoder = new TextDecoder();
      const body = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            if (!scope.__iaProbe.fetchedAt && decoder.decode(chunk, { stream: true }).includes('FIRST')) scope.__iaProbe.fetchedAt = performance.timeOrigin + performance.now();
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
    // onConnect hands every listener the same Port: wrapping its postMessage here sees the background's posts.
    chrome.runtime.onConnect.addListener((port) => {
      const post = port.postMessage.bind(port);
      port.postMessage = (message: unknown) => {
        if (!scope.__iaProbe.postedAt && JSON.stringify(message).includes('FIRST')) scope.__iaProbe.postedAt = performance.timeOrigin + performance.now();
        post(message);
      };
    });
  });
}

/** In the content script's world: when the first words arrive on the chat Port. */
const PROBE_CONTENT_SCRIPT = `(() => {
  const connect = chrome.runtime.connect.bind(chrome.runtime);
  chrome.runtime.connect = (...args) => {
    const port = connect(...args);
    port.onMessage.addListener((message) => {
      if (globalThis.__iaReceivedAt === undefined && JSON.stringify(message).includes('FIRST')) globalThis.__iaReceivedAt = performance.timeOrigin + performance.now();
    });
    return port;
  };
})()`;

async function contentScriptWorld(session: CDPSession): Promise<number> {
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  session.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await session.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Infra Assistant');
  if (!world) throw new Error("The content script's world was not found");
  return world.id;
}

async function evaluateIn(session: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const { result } = await session.send('Runtime.evaluate', { expression, contextId, returnByValue: true });
  return result.value;
}

function at(values: number[], quantile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN) * 10) / 10;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, value] of Object.entries(await benchFirstText())) console.log(`${name.padEnd(48)} ${value}`);
}
