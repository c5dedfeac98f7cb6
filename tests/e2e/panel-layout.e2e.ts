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

describe('pin and unpin: docked ⇄ floating on any window, the choice remembered', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks');
  });
  afterAll(() => s?.close());

  const reflowed = () => s.page.evaluate(() => !!document.getElementById('infra-assistant-reflow'));

  it('unpins into a floating window over the page, which then gets its full width back', async () => {
    await s.panel.waitForLayout('docked');
    expect(await reflowed()).toBe(true);
    await s.panel.togglePin();
    await s.panel.waitForLayout('floating');
    expect(await reflowed()).toBe(false);
    const frame = (await s.panel.frame())!;
    const viewport = await s.page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
    expect(frame.x).toBeGreaterThanOrEqual(8);
    expect(frame.y).toBeGreaterThanOrEqual(8);
    expect(frame.x + frame.width).toBeLessThanOrEqual(viewport.width - 8);
    expect(frame.y + frame.height).toBeLessThanOrEqual(viewport.height - 8);
    // The composer still has focus-worthy place: the panel works the same floating.
    expect(await s.page.$(`infra-assistant-panel >>> [data-testid="ia-composer"]`)).not.toBeNull();
  });

  it('stays floating after a reload (the choice is stored per user), and pins back to the same docked width', async () => {
    await s.page.reload({ waitUntil: 'domcontentloaded' });
    await s.panel.waitUntilOpen();
    await s.panel.waitForLayout('floating');
    // Stored in extension storage by the background, not in the page's storage.
    const stored = await s.chromium.inWorker(async () => (await chrome.storage.local.get('panelPlacement')).panelPlacement);
    expect(stored).toMatchObject({ layout: 'floating' });
    expect(await s.page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toContain('floating');

    await s.panel.togglePin();
    await s.panel.waitForLayout('docked');
    expect((await s.panel.frame())!.width).toBe(420);
    expect(await reflowed()).toBe(true);
  });
});

describe('floating window on a narrow window: dragged, resized, kept inside, remembered', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks', { windowSize: [700, 800] });
  });
  afterAll(() => s?.close());

  const viewport = () => s.page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
  const frame = async () => (await s.panel.frame())!;

  it('opens floating on a narrow window without squeezing the page', async () => {
    await s.panel.waitForLayout('floating');
    expect(await s.page.$('#infra-assistant-reflow')).toBeNull();
    const box = await frame();
    const view = await viewport();
    expect(box.x + box.width).toBeLessThanOrEqual(view.width - 8);
    expect(box.y + box.height).toBeLessThanOrEqual(view.height - 8);
  });

  it('drags by its header, and never past the window edges', async () => {
    const before = await frame();
    await s.panel.drag('.ia-title', -120, -40, { x: 0.3, y: 0.5 });
    await s.page.waitForFunction((x) => document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-frame"]')!.getBoundingClientRect().x === x, {}, before.x - 120);
    expect(await frame()).toEqual({ ...before, x: before.x - 120, y: before.y - 40 });
    await s.panel.drag('.ia-title', -2000, -2000, { x: 0.3, y: 0.5 });
    const corner = await frame();
    expect([corner.x, corner.y]).toEqual([8, 8]);
    // Pressing a header button does not drag.
    await s.panel.drag('button[aria-label="New conversation"]', 200, 200);
    expect(await frame()).toEqual(corner);
  });

  it('resizes by its edges and corners', async () => {
    const before = await frame();
    await s.panel.drag('[data-testid="ia-float-resize-se"]', 60, 40);
    expect(await frame()).toEqual({ ...before, width: before.width + 60, height: before.height + 40 });
    await s.panel.drag('[data-testid="ia-float-resize-se"]', -1000, -1000);
    expect(await frame()).toMatchObject({ x: before.x, y: before.y, width: 320, height: 320 }); // the minimum size
    await s.panel.drag('.ia-title', 100, 100, { x: 0.3, y: 0.5 });
    const moved = await frame();
    await s.panel.drag('[data-testid="ia-float-resize-w"]', -50, 0);
    expect(await frame()).toEqual({ ...moved, x: moved.x - 50, width: moved.width + 50 });
  });

  it('moves with the arrow keys on its title and resizes with them on its corner', async () => {
    const before = await frame();
    await s.page.focus('infra-assistant-panel >>> .ia-title');
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('ArrowDown');
    expect(await frame()).toEqual({ ...before, x: before.x + 16, y: before.y + 16 });
    await s.page.focus('infra-assistant-panel >>> [data-testid="ia-float-resize-se"]');
    await s.page.keyboard.press('ArrowRight');
    expect(await frame()).toEqual({ ...before, x: before.x + 16, y: before.y + 16, width: before.width + 16 });
  });

  it('stays inside the window as the window shrinks, and gets its size back when it grows again', async () => {
    const view = await viewport();
    await s.panel.drag('.ia-title', 2000, 2000, { x: 0.3, y: 0.5 }); // to the bottom-right corner
    const before = await frame();
    await s.page.setViewport({ width: 520, height: 420 });
    // The panel hears the window's resize event on the next frame.
    await s.page.waitForFunction(() => {
      const box = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-frame"]')!.getBoundingClientRect();
      return document.documentElement.clientWidth === 520 && box.right <= 520 && box.bottom <= 420;
    });
    const squeezed = await frame();
    expect(squeezed.x).toBeGreaterThanOrEqual(0);
    expect(squeezed.y).toBeGreaterThanOrEqual(0);
    expect(squeezed.x + squeezed.width).toBeLessThanOrEqual(520);
    expect(squeezed.y + squeezed.height).toBeLessThanOrEqual(420);
    await s.page.setViewport({ width: view.width, height: view.height });
    await s.page
      .waitForFunction(
        (x) => document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-frame"]')!.getBoundingClientRect().x === x,
        { timeout: 5_000 },
        before.x,
      )
      .catch(() => undefined);
    expect(await frame()).toEqual(before);
  });

  it('comes back at the same position and size after a reload', async () => {
    await s.panel.drag('.ia-title', -150, -100, { x: 0.3, y: 0.5 });
    const before = await frame();
    await s.page.reload({ waitUntil: 'domcontentloaded' });
    await s.panel.waitUntilOpen();
    await s.panel.waitForLayout('floating');
    expect(await frame()).toEqual(before);
  });
});

describe('the header fits a 360 px panel', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks');
  });
  afterAll(() => s?.close());

  it('lays out every header control inside the panel, nothing cut off or wrapped away', async () => {
    await s.page.focus('infra-assistant-panel >>> [data-testid="ia-resize-handle"]');
    for (let i = 0; i < 10; i++) await s.page.keyboard.press('ArrowRight'); // down to the 320 px minimum
    for (let i = 0; i < 3; i++) await s.page.keyboard.press('ArrowLeft'); // 368
    await s.page.keyboard.press('ArrowRight'); // 352
    const width = (await s.panel.frame())!.width;
    expect(width).toBeLessThanOrEqual(360);
    const layout = await s.page.evaluate(() => {
      const root = document.querySelector('infra-assistant-panel')!.shadowRoot!;
      const header = root.querySelector('.ia-header')!.getBoundingClientRect();
      const rows = [...root.querySelectorAll<HTMLElement>('.ia-header-row')].map((row) => ({ scroll: row.scrollWidth, client: row.clientWidth }));
      const controls = [...root.querySelectorAll<HTMLElement>('.ia-header button, .ia-header [role="meter"]')].map((el) => {
        const box = el.getBoundingClientRect();
        return { name: el.getAttribute('aria-label') ?? el.textContent, left: box.left, right: box.right, width: box.width };
      });
      return { header: { left: header.left, right: header.right }, rows, controls };
    });
    for (const row of layout.rows) expect(row.scroll).toBeLessThanOrEqual(row.client);
    for (const control of layout.controls) {
      expect(control.left, control.name ?? '').toBeGreaterThanOrEqual(layout.header.left);
      expect(control.right, control.name ?? '').toBeLessThanOrEqual(layout.header.right);
      expect(control.width, control.name ?? '').toBeGreaterThan(20);
    }
    expect(layout.controls.map((c) => c.name)).toEqual(expect.arrayContaining(['History', 'New conversation', 'Close panel', 'Ask', 'Build']));
  });
});
