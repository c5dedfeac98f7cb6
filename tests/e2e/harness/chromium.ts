import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Target, type WebWorker } from 'puppeteer-core';

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
  /** The extension's service worker, woken if it was asleep. */
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

/** Launch Chromium with the built extension loaded (headless unless HEADFUL=1). */
export async function launchWithExtension(options: { headless?: boolean; windowSize?: [number, number] } = {}): Promise<ExtensionBrowser> {
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
    ],
  });
  const swTarget = await browser.waitForTarget(isExtensionWorker, { timeout: 20_000 });
  const extensionId = new URL(swTarget.url()).host;
  return {
    browser,
    extensionId,
    async worker() {
      const target = browser.targets().find(isExtensionWorker) ?? (await wakeWorker(browser, extensionId));
      const worker = await target.worker();
      if (!worker) throw new Error('The extension service worker is not available');
      return worker;
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

/** Open an extension page for a moment: that wakes a stopped worker. */
async function wakeWorker(browser: Browser, extensionId: string): Promise<Target> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const target = await browser.waitForTarget(isExtensionWorker, { timeout: 10_000 });
  await page.close();
  return target;
}
