import type { Browser, Page } from 'puppeteer-core';

/** The extension popup, opened as a page (chrome-extension://<id>/popup.html). */
export class Popup {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, extensionId: string): Promise<Popup> {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.waitForSelector('form[aria-label="Model settings"]');
    return new Popup(page);
  }

  async fill(form: string, field: string, value: string): Promise<void> {
    const input = await this.page.waitForSelector(`form[aria-label="${form}"] [name="${field}"]`);
    await input!.evaluate((el) => {
      (el as HTMLInputElement).value = '';
    });
    await input!.type(value);
  }

  async choose(form: string, field: string, value: string): Promise<void> {
    await this.page.select(`form[aria-label="${form}"] [name="${field}"]`, value);
  }

  async submit(form: string): Promise<void> {
    await this.page.click(`form[aria-label="${form}"] button[type="submit"]`);
  }

  async statusText(testId: string, until: RegExp): Promise<string> {
    const handle = await this.page.waitForFunction(
      (id, pattern) => {
        const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        return new RegExp(pattern).test(text) ? text : false;
      },
      { timeout: 15_000 },
      testId,
      until.source,
    );
    return (await handle.jsonValue()) as string;
  }

  bodyText(): Promise<string> {
    return this.page.evaluate(() => document.body.innerText);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
