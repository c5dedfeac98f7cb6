import type { Page } from 'puppeteer-core';

/** The sandbox's Spacelift-like web app. */
export class SandboxApp {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`, { waitUntil: 'domcontentloaded' });
    await this.page.waitForSelector('main h1', { timeout: 15_000 });
  }

  /** Click an in-app link (client-side navigation, no reload). */
  async clickNav(path: string): Promise<void> {
    await this.page.click(`a[href="${path}"]`);
    await this.page.waitForFunction((p) => location.pathname === p, {}, path);
  }

  /** Put a marker on the page's window: it survives client-side navigation and dies with a reload. */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => ((window as unknown as { __iaMarker: boolean }).__iaMarker = true));
  }

  documentStillMarked(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { __iaMarker?: boolean }).__iaMarker === true);
  }

  heading(): Promise<string> {
    return this.page.$eval('main h1', (h) => h.textContent?.trim() ?? '');
  }
}
