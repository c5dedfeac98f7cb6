import type { Page } from 'puppeteer-core';

const HOST = 'infra-assistant-panel';
const IN_PANEL = `${HOST} >>> `;

export interface MeterReading {
  usedMicros: number;
  limitMicros: number | null;
  level: string;
  tip: string;
}

/** The panel header's model selector and budget meter, and the budget notice. */
export class ModelControls {
  constructor(readonly page: Page) {}

  /** The selector's button text: "model integration ▾". */
  async label(): Promise<string> {
    const button = await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-model"]`);
    return (await button!.evaluate((el) => el.textContent ?? '')).replace('▾', '').trim();
  }

  async waitForLabel(pattern: RegExp): Promise<void> {
    await this.page.waitForFunction(
      (host, source) => new RegExp(source).test(document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-model"]')?.textContent ?? ''),
      { timeout: 15_000 },
      HOST,
      pattern.source,
    );
  }

  async openMenu(): Promise<void> {
    if (!(await this.page.$(`${IN_PANEL}[data-testid="ia-model-menu"]`))) await this.page.click(`${IN_PANEL}[data-testid="ia-model"]`);
    await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-model-menu"]`);
  }

  /** The menu's options, grouped by integration name. */
  async options(): Promise<{ integration: string; model: string; selected: boolean; text: string }[]> {
    await this.openMenu();
    return this.page.evaluate((host) => {
      const root = document.querySelector(host)!.shadowRoot!;
      return [...root.querySelectorAll('[data-testid="ia-model-option"]')].map((el) => ({
        integration: el.closest('[role="group"]')?.getAttribute('aria-label') ?? '',
        model: el.getAttribute('data-model') ?? '',
        selected: el.getAttribute('aria-selected') === 'true',
        text: el.textContent ?? '',
      }));
    }, HOST);
  }

  async menuText(): Promise<string> {
    await this.openMenu();
    return this.page.$eval(`${IN_PANEL}[data-testid="ia-model-menu"]`, (el) => el.textContent ?? '');
  }

  async pick(integrationId: string, modelId: string): Promise<void> {
    await this.openMenu();
    await this.page.click(`${IN_PANEL}[data-testid="ia-model-option"][data-integration="${integrationId}"][data-model="${modelId}"]`);
    await this.page.waitForFunction(
      (host, model) => {
        const root = document.querySelector(host)?.shadowRoot;
        return !root?.querySelector('[data-testid="ia-model-menu"]') && root?.querySelector('[data-testid="ia-model"]')?.textContent?.includes(model);
      },
      { timeout: 15_000 },
      HOST,
      modelId,
    );
  }

  async meter(): Promise<MeterReading> {
    const meter = await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-budget"]`);
    return meter!.evaluate((el) => ({
      usedMicros: Number(el.getAttribute('data-used')),
      limitMicros: el.getAttribute('data-limit') ? Number(el.getAttribute('data-limit')) : null,
      level: el.getAttribute('data-level') ?? '',
      tip: el.querySelector('[data-testid="ia-budget-tip"]')?.textContent ?? '',
    }));
  }

  /** Wait until the meter shows more than `micros` used (it refreshes when an answer ends). */
  async waitForMeterAbove(micros: number): Promise<MeterReading> {
    await this.page.waitForFunction(
      (host, above) => Number(document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-budget"]')?.getAttribute('data-used')) > above,
      { timeout: 15_000 },
      HOST,
      micros,
    );
    return this.meter();
  }

  async budgetNotice(): Promise<{ text: string; buttons: string[] } | null> {
    return this.page.evaluate((host) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-budget-notice"]');
      return el ? { text: el.textContent ?? '', buttons: [...el.querySelectorAll('button')].map((b) => b.textContent ?? '') } : null;
    }, HOST);
  }

  async waitForBudgetNotice(): Promise<{ text: string; buttons: string[] }> {
    await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-budget-notice"]`, { timeout: 15_000 });
    return (await this.budgetNotice())!;
  }

  async noToolsNotice(): Promise<string | null> {
    return this.page.evaluate((host) => document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-no-tools"]')?.textContent ?? null, HOST);
  }

  async answerUsages(): Promise<string[]> {
    return this.page.evaluate(
      (host) => [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('[data-testid="ia-answer-usage"]') ?? [])].map((el) => el.textContent ?? ''),
      HOST,
    );
  }
}
