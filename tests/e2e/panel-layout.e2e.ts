import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';

const HANDLE = 'infra-assistant-panel >>> [data-testid="ia-resize-handle"]';

describe('docked sidebar: the page reflows beside it, and it resizes', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks', { openPanel: false });
  });
  afterAll(() => s?.close());

  const panelWidth = () =>
    s.page.evaluate(() =>
      Math.round(document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-panel"]')!.getBoundingClientRect().width),
    );
  /** Where the page's own content ends on the right. */
  const pageRight = () => s.page.evaluate(() => Math.round(document.querySelector('main')!.getBoundingClientRect().right));
  const viewport = () => s.page.evaluate(() => document.documentElement.getBoundingClientRect().width + parseFloat(getComputedStyle(document.documentElement).marginRight || '0'));

  it('docks on the right and the page content moves beside it instead of under it', async () => {
    const fullWidth = await viewport();
    expect(await pageRight()).toBeGreaterThan(fullWidth - 5);
    await s.panel.clickLauncher();
    await s.panel.waitUntilOpen();
    const width = await panelWidth();
    expect(width).toBe(420);
    expect(await pageRight()).toBeLessThanOrEqual(fullWidth - width);
  });

  it('resizes by dragging its left edge, and the page follows', async () => {
    const handle = (await s.page.$(HANDLE))!;
    const box = (await handle.boundingBox())!;
    await s.page.mouse.move(box.x + box.width / 2, box.y + 200);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + box.width / 2 - 60, box.y + 200, { steps: 4 });
    await s.page.mouse.move(box.x + box.width / 2 - 100, box.y + 200, { steps: 4 });
    await s.page.mouse.up();
    await s.page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-panel"]')?.getBoundingClientRect().width === 520,
      { timeout: 3_000 },
    );
    expect(await panelWidth()).toBe(520);
    expect(await pageRight()).toBeLessThanOrEqual((await viewport()) - 520);
  });

  it('resizes from the keyboard too, within limits', async () => {
    await s.page.focus(HANDLE);
    await s.page.keyboard.press('ArrowRight');
    expect(await panelWidth()).toBe(504);
    for (let i = 0; i < 20; i++) await s.page.keyboard.press('ArrowRight');
    expect(await panelWidth()).toBe(320); // the minimum
  });

  it('keeps the chosen width across a reload, and gives the page back when closed', async () => {
    await s.page.focus(HANDLE);
    for (let i = 0; i < 5; i++) await s.page.keyboard.press('ArrowLeft'); // 320 + 5 × 16
    expect(await panelWidth()).toBe(400);
    await s.page.reload({ waitUntil: 'domcontentloaded' });
    await s.panel.waitUntilOpen();
    await s.page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelector('[data-testid="ia-panel"]')?.getBoundingClientRect().width === 400,
    );
    await s.page.click('infra-assistant-panel >>> button[aria-label="Close panel"]');
    expect(await s.panel.isOpen()).toBe(false);
    expect(await s.page.$('#infra-assistant-reflow')).toBeNull();
    expect(await pageRight()).toBeGreaterThan((await viewport()) - 5);
  });
});
