import type { Page } from 'puppeteer-core';

const HOST = 'infra-assistant-panel';
const IN_PANEL = `${HOST} >>> `;

export interface HistoryRowView {
  id: string;
  title: string;
  /** The <mark>ed words of the title and the snippet. */
  marks: string[];
  snippet: string | null;
  active: boolean;
  current: boolean;
}

/** The History view inside the panel. */
export class HistoryView {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    if (!(await this.isOpen())) await this.page.click(`${IN_PANEL}[data-testid="ia-history-button"]`);
    await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-history"]`, { visible: true });
  }

  async isOpen(): Promise<boolean> {
    const view = await this.page.$(`${IN_PANEL}[data-testid="ia-history"]`);
    return view ? view.isVisible() : false;
  }

  /** The rows rendered now (the list is virtualised: what is on screen and a few more), top to bottom. */
  rows(): Promise<HistoryRowView[]> {
    return this.page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      const items = [...(root?.querySelectorAll('[data-testid="ia-history-item"]') ?? [])];
      items.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      return items.map((el) => ({
        id: el.getAttribute('data-id') ?? '',
        title: el.querySelector('[data-testid="ia-history-title"]')?.textContent ?? '',
        marks: [...el.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
        snippet: el.querySelector('[data-testid="ia-history-snippet"]')?.textContent ?? null,
        active: el.getAttribute('aria-selected') === 'true',
        current: el.getAttribute('aria-current') === 'true',
      }));
    }, HOST);
  }

  /** Day headers rendered now, top to bottom. */
  days(): Promise<string[]> {
    return this.page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      const days = [...(root?.querySelectorAll('[data-testid="ia-history-day"]') ?? [])];
      days.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      return days.map((d) => d.textContent ?? '');
    }, HOST);
  }

  /** Wait until the rendered rows satisfy `check` (evaluated in the page on the titles, in order). */
  async waitForTitles(check: (titles: string[]) => boolean, timeout = 15_000): Promise<string[]> {
    const started = Date.now();
    for (;;) {
      const titles = (await this.rows()).map((r) => r.title);
      if (check(titles)) return titles;
      if (Date.now() - started > timeout) throw new Error(`History rows never matched; last: ${JSON.stringify(titles)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async search(query: string): Promise<void> {
    const box = await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-history-search"]`, { visible: true });
    await box!.click({ count: 3 });
    await this.page.keyboard.press('Backspace');
    if (query) await box!.type(query);
  }

  /** Wait until search results for the query in the box are shown (not an older query's). */
  async waitForResults(timeout = 15_000): Promise<HistoryRowView[]> {
    await this.page.waitForFunction(
      (host) => {
        const root = document.querySelector(host)?.shadowRoot;
        const list = root?.querySelector('[data-testid="ia-history-list"]');
        const scroll = list?.parentElement;
        return list?.getAttribute('data-mode') === 'search' && !scroll?.hasAttribute('data-pending') &&
          (root!.querySelectorAll('[data-testid="ia-history-item"]').length > 0 || !!root!.querySelector('[data-testid="ia-history-status"]'));
      },
      { timeout },
      HOST,
    );
    return this.rows();
  }

  async clickRow(title: string): Promise<void> {
    const row = await this.rowHandle(title);
    await row.click();
  }

  async openRowMenu(title: string): Promise<void> {
    const row = await this.rowHandle(title);
    await row.hover();
    const more = await row.$('[data-testid="ia-history-more"]');
    await more!.click();
    await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-menu"]`, { visible: true });
  }

  async chooseMenuItem(testId: string): Promise<void> {
    await this.page.click(`${IN_PANEL}[data-testid="${testId}"]`);
  }

  async toast(): Promise<string | null> {
    return this.page.evaluate((host) => document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-toast"] .ia-toast-message')?.textContent ?? null, HOST);
  }

  async waitForToast(match: RegExp, timeout = 15_000): Promise<string> {
    const handle = await this.page.waitForFunction(
      (host, source) => {
        const text = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-toast"] .ia-toast-message')?.textContent ?? '';
        return new RegExp(source).test(text) ? text : false;
      },
      { timeout },
      HOST,
      match.source,
    );
    return (await handle.jsonValue()) as string;
  }

  async clickToastAction(): Promise<void> {
    await this.page.click(`${IN_PANEL}[data-testid="ia-toast-action"]`);
  }

  /** Which element inside the panel's shadow root has the focus: its data-testid. */
  focused(): Promise<string | null> {
    return this.page.evaluate((host) => document.querySelector(host)?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null, HOST);
  }

  /** Import a history file (the menu item opens a file chooser for this input; puppeteer sets the file on it directly). */
  async importFile(path: string): Promise<void> {
    const input = await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-history-import-file"]`);
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
  }

  private async rowHandle(title: string) {
    const rows = await this.page.$$(`${IN_PANEL}[data-testid="ia-history-item"]`);
    for (const row of rows) {
      const text = await row.$eval('[data-testid="ia-history-title"]', (t) => t.textContent ?? '').catch(() => '');
      if (text === title) return row;
    }
    throw new Error(`No History row titled "${title}"`);
  }
}
