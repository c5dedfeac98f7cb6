import type { ElementHandle, Page } from 'puppeteer-core';

const HOST = 'infra-assistant-panel';
const IN_PANEL = `${HOST} >>> `;

/** The assistant panel inside its shadow root on a Spacelift page. */
export class AssistantPanel {
  constructor(readonly page: Page) {}

  launcher(): Promise<ElementHandle | null> {
    return this.page.$('infra-assistant-launcher >>> button');
  }

  async waitForLauncher(): Promise<void> {
    await this.page.waitForSelector('infra-assistant-launcher >>> button', { timeout: 15_000 });
  }

  async clickLauncher(): Promise<void> {
    await this.page.click('infra-assistant-launcher >>> button');
  }

  async waitUntilOpen(): Promise<void> {
    await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-panel"]`, { visible: true, timeout: 15_000 });
  }

  async isOpen(): Promise<boolean> {
    const panel = await this.page.$(`${IN_PANEL}[data-testid="ia-panel"]`);
    return panel ? panel.isVisible() : false;
  }

  /** Which element inside the panel's shadow root has focus (its data-testid). */
  focusedTestId(): Promise<string | null> {
    return this.page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      return root?.activeElement?.getAttribute('data-testid') ?? null;
    }, HOST);
  }

  /** Docked or floating, and the panel's box on the screen. */
  frame(): Promise<{ layout: string; x: number; y: number; width: number; height: number } | null> {
    return this.page.evaluate((host) => {
      const frame = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-frame"]') as HTMLElement | null;
      if (!frame || frame.hidden) return null;
      const box = frame.getBoundingClientRect();
      return { layout: frame.dataset.layout ?? '', x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
    }, HOST);
  }

  /** Wait until the panel shows in this layout. */
  async waitForLayout(layout: 'docked' | 'floating'): Promise<void> {
    await this.page.waitForFunction(
      (host, expected) => {
        const frame = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-frame"]') as HTMLElement | null;
        return !!frame && !frame.hidden && frame.dataset.layout === expected;
      },
      { timeout: 10_000 },
      HOST,
      layout,
    );
  }

  /** The pin/unpin button in the header. */
  async togglePin(): Promise<void> {
    await this.page.click(`${IN_PANEL}[data-testid="ia-pin"]`);
  }

  /** Press with the mouse at a point of an element of the panel, move by (dx, dy) in steps, release. */
  async drag(selector: string, dx: number, dy: number, at: { x: number; y: number } = { x: 0.5, y: 0.5 }): Promise<void> {
    const handle = await this.page.waitForSelector(`${IN_PANEL}${selector}`, { visible: true });
    const box = (await handle!.boundingBox())!;
    const x = box.x + box.width * at.x;
    const y = box.y + box.height * at.y;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 3 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 3 });
    await this.page.mouse.up();
  }

  /** The thread's scroll position. */
  scrollTop(): Promise<number> {
    return this.page.evaluate((host) => Math.round(document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-thread"]')?.scrollTop ?? -1), HOST);
  }

  async send(text: string): Promise<void> {
    const composer = await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-composer"]`, { visible: true });
    await composer!.click();
    await composer!.type(text);
    await this.page.keyboard.press('Enter');
  }

  async waitForIdle(timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      (host) => {
        const root = document.querySelector(host)?.shadowRoot;
        const thread = root?.querySelector('[data-testid="ia-thread"]');
        return thread && (thread.getAttribute('data-status') === 'ready' || thread.getAttribute('data-status') === 'error');
      },
      { timeout },
      HOST,
    );
  }

  /** Wait until the last answer reads exactly `text` and the thread is idle again. */
  async waitForAnswer(text: string, timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      (host, expected) => {
        const root = document.querySelector(host)?.shadowRoot;
        const answers = root?.querySelectorAll('[data-testid="ia-message-assistant"] .ia-text');
        const status = root?.querySelector('[data-testid="ia-thread"]')?.getAttribute('data-status');
        return answers?.[answers.length - 1]?.textContent?.trim() === expected && status === 'ready';
      },
      { timeout },
      HOST,
      text,
    );
  }

  /** Text of the messages, in order, with their roles. */
  messages(): Promise<{ role: string; text: string }[]> {
    return this.page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      return [...(root?.querySelectorAll('[data-message-id]') ?? [])].map((el) => ({
        role: (el.getAttribute('data-testid') ?? '').replace('ia-message-', ''),
        text: [...el.querySelectorAll('.ia-text')].map((t) => t.textContent).join(''),
      }));
    }, HOST);
  }

  /** Open a tool card and read its text (input, output or error). */
  async toolCardText(index: number): Promise<string> {
    const found = await this.page.evaluate(
      (host, i) => {
        const card = document.querySelector(host)?.shadowRoot?.querySelectorAll<HTMLDetailsElement>('[data-testid="ia-tool-card"]')[i];
        if (card) card.open = true;
        return !!card;
      },
      HOST,
      index,
    );
    if (!found) return '';
    // The card lays out its input and output once opened.
    const text = await this.page.waitForFunction(
      (host, i) => {
        const card = document.querySelector(host)?.shadowRoot?.querySelectorAll('[data-testid="ia-tool-card"]')[i];
        return card?.querySelector('.ia-tool-io, .ia-tool-error') ? (card.textContent ?? '') : false;
      },
      {},
      HOST,
      index,
    );
    return (await text.jsonValue()) as string;
  }

  async newConversation(): Promise<void> {
    await this.page.click(`${IN_PANEL}button[aria-label="New conversation"]`);
    await this.page.waitForSelector(`${IN_PANEL}[data-testid="ia-welcome"]`);
  }

  /** The one-line results shown on the collapsed tool cards. */
  toolSummaries(): Promise<string[]> {
    return this.page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      return [...(root?.querySelectorAll('[data-testid="ia-tool-card"]') ?? [])].map(
        (card) => card.querySelector('[data-testid="ia-tool-summary"]')?.textContent ?? '',
      );
    }, HOST);
  }

  toolCards(): Promise<{ tool: string; state: string }[]> {
    return this.page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      return [...(root?.querySelectorAll('[data-testid="ia-tool-card"]') ?? [])].map((el) => ({
        tool: el.getAttribute('data-tool') ?? '',
        state: el.getAttribute('data-state') ?? '',
      }));
    }, HOST);
  }

  errorNotice(): Promise<{ code: string; text: string } | null> {
    return this.page.evaluate((host) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-error"]');
      return el ? { code: el.getAttribute('data-code') ?? '', text: el.textContent ?? '' } : null;
    }, HOST);
  }

  /**
   * Record the length of the last assistant message's text on every animation
   * frame, to prove the answer streams in (many renders) rather than landing whole.
   */
  async startRecordingRenders(): Promise<void> {
    await this.page.evaluate((host) => {
      const w = window as unknown as { __iaRenders: number[] };
      w.__iaRenders = [];
      const tick = () => {
        const root = document.querySelector(host)?.shadowRoot;
        const answers = root?.querySelectorAll('[data-testid="ia-message-assistant"] .ia-text');
        const last = answers?.[answers.length - 1];
        const length = last?.textContent?.length ?? 0;
        if (w.__iaRenders.at(-1) !== length) w.__iaRenders.push(length);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, HOST);
  }

  recordedRenders(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __iaRenders: number[] }).__iaRenders);
  }
}
