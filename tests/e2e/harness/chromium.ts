import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Target } from 'puppeteer-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install Debian\'s "chromium" package or set CHROMIUM_PATH');
  return found;
}

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /**
   * Run a self-contained function in the extension's service worker (woken if
   * asleep) and return its result. Each call attaches a CDP session and detaches
   * after: a session held on the worker would change its lifecycle (it would
   * never idle, and a stopped worker would not restart normally).
   */
  inWorker<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  close(): Promise<void>;
}

/** Launch Chromium with the built extension loaded (headless unless HEADFUL=1). */
export async function launchWithExtension(
  options: { headless?: boolean; windowSize?: [number, number]; extraArgs?: string[] } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`Build the extension first (npm run build): ${EXTENSION_DIR} is missing`);
  const profile = mkdtempSync(join(tmpdir(), 'ia-profile-'));
  const [width, height] = options.windowSize ?? [1400, 900];
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: options.headless ?? process.env.HEADFUL !== '1',
    pipe: true,
    enableExtensions: [EXTENSION_DIR],
    defaultViewport: null,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--window-size=${width},${height}`,
      ...(options.extraArgs ?? []),
    ],
  });
  const swTarget = await browser.waitForTarget(isExtensionWorker, { timeout: 20_000 });
  const extensionId = new URL(swTarget.url()).host;
  return {
    browser,
    extensionId,
    async inWorker(fn, ...args) {
      const expression = `(${fn.toString()})(...${JSON.stringify(args)})`;
      const listed = browser.targets().find(isExtensionWorker);
      // A stopped worker can linger in the target list: give it a moment, then wake it for real.
      const first = listed ? await evaluateIn(listed, expression, 3_000).catch(() => undefined) : undefined;
      if (first) return first.value as never;
      return (await evaluateIn(await wakeWorker(browser, extensionId), expression, 30_000)).value as never;
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function isExtensionWorker(target: Target): boolean {
  return target.type() === 'service_worker' && target.url().startsWith('chrome-extension://');
}

async function evaluateIn(target: Target, expression: string, timeoutMs: number): Promise<{ value: unknown }> {
  const session = await withTimeout(target.createCDPSession(), timeoutMs);
  try {
    // The worker's own context (where `chrome` lives) is announced once Runtime is enabled.
    const context = new Promise<number>((resolve) =>
      session.once('Runtime.executionContextCreated', (event) => resolve(event.context.id)),
    );
    await withTimeout(session.send('Runtime.enable'), timeoutMs);
    const contextId = await withTimeout(context, timeoutMs);
    const { result, exceptionDetails } = await withTimeout(
      session.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true }),
      timeoutMs,
    );
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return { value: result.value };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}

/** Open an extension page for a moment: that wakes a stopped worker. */
async function wakeWorker(browser: Browser, extensionId: string): Promise<Target> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForFunction(() => document.body.innerText.includes('Infra Assistant'), { timeout: 10_000 });
  const target = await browser.waitForTarget(isExtensionWorker, { timeout: 10_000 });
  await page.close();
  return target;
}
