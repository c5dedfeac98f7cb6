import type { Browser, Page } from 'puppeteer-core';

/** The extension popup, opened as a page (chrome-extension://<id>/popup.html). */
export class Popup {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, extensionId: string): Promise<Popup> {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.waitForSelector('#integrations-heading');
    // The integrations arrive from the background (until then the section is busy, and its layout moves).
    await page.waitForSelector('[data-testid="integrations-section"][aria-busy="false"]');
    return new Popup(page);
  }

  async fill(form: string, field: string, value: string): Promise<void> {
    const input = await this.page.waitForSelector(`form[aria-label="${form}"] [name="${field}"]`);
    await input!.evaluate((el) => {
      (el as HTMLInputElement).value = '';
    });
    await input!.type(value);
  }

  /** Empty a field the way a user does (select all, delete), so the form's state follows. */
  async clear(form: string, field: string): Promise<void> {
    const input = await this.page.waitForSelector(`form[aria-label="${form}"] [name="${field}"]`);
    await input!.click({ count: 3 });
    await input!.evaluate((el) => (el as HTMLInputElement).select());
    await this.page.keyboard.press('Backspace');
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

  /** Open the form for a new AI integration. */
  async addIntegration(): Promise<void> {
    await this.page.click('[data-testid="integration-add"]');
    await this.page.waitForSelector('form[aria-label="AI integration"]');
  }

  /** Open the form of the integration named `name`. */
  async editIntegration(name: string): Promise<void> {
    await this.page.waitForSelector('[data-testid="integrations"]');
    await this.page.evaluate((wanted) => {
      const item = [...document.querySelectorAll('[data-testid="integrations"] > li')].find((li) => li.querySelector('strong')?.textContent === wanted);
      if (!item) throw new Error(`No integration named ${wanted}`);
      [...item.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!.click();
    }, name);
    await this.page.waitForSelector('form[aria-label="AI integration"]');
  }

  async addModel(id: string): Promise<void> {
    await this.fill('AI integration', 'newModel', id);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector(`[data-testid="integration-models"] li[data-model="${id}"]`);
  }

  async fetchModels(): Promise<string[]> {
    await this.page.click('[data-testid="integration-fetch-models"]');
    await this.page.waitForFunction(() => {
      const code = document.querySelector('[data-testid="integration-test"]')?.getAttribute('data-code');
      return code && code !== 'busy';
    });
    return this.page.$$eval('[data-testid="integration-models"] li', (items) => items.map((li) => li.getAttribute('data-model') ?? ''));
  }

  /** Click "Test connection" and wait for its verdict: data-code "ok" or the problem's code, and the text. */
  async testConnection(): Promise<{ code: string; text: string }> {
    await this.page.click('[data-testid="integration-test-button"]');
    const handle = await this.page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="integration-test"]');
        const code = el?.getAttribute('data-code');
        return el && code !== 'busy' ? { code, text: el.textContent ?? '' } : false;
      },
      { timeout: 20_000 },
    );
    return (await handle.jsonValue()) as { code: string; text: string };
  }

  async saveIntegration(): Promise<void> {
    await this.submit('AI integration');
    await this.page.waitForFunction(() => !document.querySelector('form[aria-label="AI integration"]') || document.querySelector('[data-testid="integration-save-error"]'));
    const error = await this.page.$eval('[data-testid="integration-save-error"]', (el) => el.textContent).catch(() => null);
    if (error) throw new Error(`Saving failed: ${error}`);
  }

  bodyText(): Promise<string> {
    return this.page.evaluate(() => document.body.innerText);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
