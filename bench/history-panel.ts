// History as the user sees it: the built extension in headless Chromium, its real IndexedDB filled
// with 10,000 conversations / 200,000 messages (bench/history-seed.ts, run in the worker), then,
// measured in the page from the action to the frame that shows its result:
//  - open History in a freshly loaded page: click → first rows on screen;
//  - a search: the query set in the box in one change → ranked, highlighted results on screen;
//  - open the 500-message conversation from the results: click → the thread at its end, History gone
//    (the last few dozen messages rendered; older ones render as the reader scrolls up);
//  - the database's size (navigator.storage.estimate in the worker).
// Run after a build: npx tsx bench/history-panel.ts (HISTORY_BENCH_SCALE=0.1 for a tenth).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { EXTENSION_DIR, launchWithExtension } from '../tests/e2e/harness/chromium';
import { useSandboxModel } from '../tests/e2e/harness/extension';
import { startSandbox } from '../tests/sandbox/server';
import { AssistantPanel } from '../tests/e2e/pages/assistant-panel';
import { WINDOW_INITIAL } from '../lib/chat/thread-window';
import { SandboxApp } from '../tests/e2e/pages/sandbox-app';

const HOST = 'infra-assistant-panel';
// While the user keeps typing, a search waits for this pause (lib/history/latest-only.ts); the first
// change after a pause (the query pasted, or typed after a pause, as here) is searched at once.
const SEARCH_DEBOUNCE_MS = 120;
const QUERIES = ['terraform', 'state lock', 'prod-network', 'polic', 'worker pool queued', 'OIDC', 'aws_iam_role', 'drift detection', 'st', 'BucketNotEmpty'];

type Figures = Record<string, number | string>;

const round = (value: number) => Math.round(value * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchHistoryPanel(options: { conversations?: number; messages?: number } = {}): Promise<Figures> {
  const conversations = options.conversations ?? 10_000;
  const messages = options.messages ?? 200_000;
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return { skipped: 'no build in .output/chrome-mv3 (npm run build first)' };
  const seedCode = await bundleSeed();
  const sandbox = await startSandbox();
  const chromium = await launchWithExtension();
  try {
    await useSandboxModel(chromium, sandbox);
    const page = await chromium.browser.newPage();
    if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log('[page]', m.type(), m.text().slice(0, 500)));
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((f) => f)');
    const app = new SandboxApp(page, sandbox.appUrl);
    const panel = new AssistantPanel(page);
    await app.open('/stacks');
    await panel.waitForLauncher();
    await panel.clickLauncher();
    await panel.waitUntilOpen();

    const account = new URL(sandbox.appUrl).origin;
    const seeded = (await evaluateInWorker(
      chromium.browser,
      `${seedCode}\n__historySeed.seed(${conversations}, ${messages}, ${JSON.stringify(account)})`,
    )) as { generatedMs: number; totalMs: number; longMessages: number; usageBytes: number };

    const figures: Figures = {
      environment: 'headless Chromium, the built extension, real IndexedDB (this 2-core machine)',
      corpus: `${conversations} conversations, ${messages} messages, all on the page's account; longest ${seeded.longMessages} messages`,
      seedMs: `${Math.round(seeded.totalMs)} (generating ${Math.round(seeded.generatedMs)}; not a user path)`,
      databaseSize: `${round(seeded.usageBytes / 1e6)} MB (storage estimate)`,
    };

    // Open History in a freshly loaded page (the panel comes back open after the reload).
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await panel.waitUntilOpen();
      await page.waitForSelector(`${HOST} >>> [data-testid="ia-history-button"]`);
      opens.push(await timeOpenHistory(page));
    }
    figures.openHistoryFirstPageMs = `first ${round(opens[0]!)}, median ${round(median(opens))} (of ${opens.length}, each in a freshly loaded page)`;

    // Searches, each from the query set in the box to its results on screen.
    const searches: number[] = [];
    for (let pass = 0; pass < 2; pass++) for (const query of QUERIES) searches.push(await timeSearch(page, query));
    figures.searchToResultsMs = `median ${round(median(searches))}, max ${round(Math.max(...searches))} (${QUERIES.length} queries x 2, each set in one change after a pause)`;
    figures.searchWhileTypingMs = `the same + ${SEARCH_DEBOUNCE_MS} (the pause awaited after the last of quick keystrokes)`;

    // The background's own share of those, timed inside the worker.
    const inWorker = (await evaluateInWorker(
      chromium.browser,
      `${seedCode}\n__historySeed.timeInWorker(${JSON.stringify(QUERIES)}, ${JSON.stringify(account)})`,
    )) as { search: number[]; page: number[]; open: number[] };
    figures.inWorkerFirstPageMs = `median ${round(median(inWorker.page))} (listPage of 50)`;
    figures.inWorkerSearchMs = `median ${round(median(inWorker.search))}, max ${round(Math.max(...inWorker.search))} (searchHistory, 30 results with snippets)`;
    figures.inWorkerReadLongConversationMs = `median ${round(median(inWorker.open))}`;

    // Open the 500-message conversation from the search results.
    const openLong: number[] = [];
    for (let i = 0; i < 3; i++) openLong.push(await timeOpenConversation(page, 'Long conversation', seeded.longMessages));
    // HISTORY_BENCH_PROFILE=1: where the main thread's time goes while the long conversation opens.
    if (process.env.HISTORY_BENCH_PROFILE) {
      const cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await timeOpenConversation(page, 'Long conversation', seeded.longMessages);
      const { profile } = await cdp.send('Profiler.stop');
      printTopFunctions(profile);
    }
    figures.openLongConversationMs = `first ${round(openLong[0]!)}, median ${round(median(openLong))} (${seeded.longMessages} messages, the last ${WINDOW_INITIAL} rendered; of ${openLong.length})`;
    return figures;
  } finally {
    await chromium.close();
    await sandbox.close();
  }
}

async function bundleSeed(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'history-seed.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__historySeed',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Evaluate in the extension's worker with no time limit (the session held meanwhile keeps the worker up). */
export async function evaluateInWorker(browser: Browser, expression: string): Promise<unknown> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const session = await target.createCDPSession();
  try {
    const context = new Promise<number>((done) => session.once('Runtime.executionContextCreated', (event) => done(event.context.id)));
    await session.send('Runtime.enable');
    const contextId = await context;
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Click History; resolve on the first frame that shows its rows. */
function timeOpenHistory(page: Page): Promise<number> {
  return page.evaluate(
    (host) =>
      new Promise<number>((done, fail) => {
        const root = document.querySelector(host)!.shadowRoot!;
        const started = performance.now();
        (root.querySelector('[data-testid="ia-history-button"]') as HTMLButtonElement).click();
        const tick = () => {
          if (root.querySelectorAll('[data-testid="ia-history-item"]').length > 0) done(performance.now() - started);
          else if (performance.now() - started > 30_000) fail(new Error('History never showed a row'));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    HOST,
  );
}

/** Set the query (as typing would, one input event) and resolve on the frame that shows its highlighted results. */
function timeSearch(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (host, q) =>
      new Promise<number>((done, fail) => {
        const root = document.querySelector(host)!.shadowRoot!;
        const input = root.querySelector('[data-testid="ia-history-search"]') as HTMLInputElement;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        // Back to the list first, so the results below are this query's.
        setValue.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => {
          const started = performance.now();
          setValue.call(input, q);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const tick = () => {
            const list = root.querySelector('[data-testid="ia-history-list"]');
            const settled = list?.getAttribute('data-mode') === 'search' && !list.parentElement?.hasAttribute('data-pending');
            const shown = root.querySelector('[data-testid="ia-history-item"] mark') || root.querySelector('[data-testid="ia-history-status"]');
            if (settled && shown) done(performance.now() - started);
            else if (performance.now() - started > 30_000) fail(new Error(`No results for ${q}`));
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
      }),
    HOST,
    query,
  );
}

/** Search for the conversation, then click it: resolve when all its messages are in the thread. */
async function timeOpenConversation(page: Page, query: string, count: number): Promise<number> {
  const root = `${HOST} >>> `;
  if (!(await page.$(`${root}[data-testid="ia-history"]:not([hidden])`))) await page.click(`${root}[data-testid="ia-history-button"]`);
  await timeSearch(page, query);
  const ms = await page.evaluate(
    (host, expected) =>
      new Promise<number>((done, fail) => {
        const shadow = document.querySelector(host)!.shadowRoot!;
        const started = performance.now();
        const first = shadow.querySelector('[data-testid="ia-history-item"]') as HTMLElement;
        const title = first.querySelector('[data-testid="ia-history-title"]')?.textContent;
        first.click();
        // Opened means: History gone, the thread at its end, and every message either rendered or counted
        // by the "earlier messages" button (older ones render as the reader scrolls up).
        const tick = () => {
          const shown = shadow.querySelectorAll('[data-message-id]').length;
          const earlier = Number(shadow.querySelector('[data-testid="ia-thread-more"]')?.textContent?.match(/\d+/)?.[0] ?? 0);
          const thread = shadow.querySelector<HTMLElement>('[data-testid="ia-thread"]');
          const atEnd = !!thread && thread.scrollHeight - thread.scrollTop - thread.clientHeight <= 2;
          const historyHidden = !!shadow.querySelector('[data-testid="ia-history"]')?.closest('[hidden]') || !shadow.querySelector('[data-testid="ia-history"]');
          if (shown + earlier >= expected && atEnd && historyHidden) done(performance.now() - started);
          else if (performance.now() - started > 20_000) fail(new Error(`"${title}" never rendered its ${expected} messages (${shown} shown; toast: ${shadow.querySelector('[data-testid="ia-toast"]')?.textContent}; history hidden: ${shadow.querySelector('[data-testid="ia-history"]')?.hasAttribute('hidden')}; error: ${shadow.querySelector('[data-testid="ia-error"]')?.textContent})`));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    HOST,
    count,
  );
  // Back to a new conversation, so the next open starts from the welcome screen again.
  await page.click(`${root}button[aria-label="New conversation"]`);
  await page.waitForSelector(`${root}[data-testid="ia-welcome"]`);
  return ms;
}

/** The functions with the most self time in a CPU profile, and the total per script. */
function printTopFunctions(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }): void {
  const selfMs = new Map<number, number>();
  profile.samples?.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const script = url.split('/').pop() || '(native)';
    const key = `${functionName || '(anonymous)'} ${script}:${lineNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n');
  console.log(`profile: by script\n${top(byScript, 8)}\nprofile: by function (self)\n${top(byFunction, 25)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scale = Number(process.env.HISTORY_BENCH_SCALE ?? 1);
  const figures = await benchHistoryPanel({ conversations: Math.round(10_000 * scale), messages: Math.round(200_000 * scale) });
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(32)} ${value}`);
}
