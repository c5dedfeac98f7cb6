import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';

const HOST = 'infra-assistant-panel';
const IN_PANEL = `${HOST} >>> `;

/** What a hostile (or merely careless) page stylesheet does to everything it can reach. */
const HOSTILE_CSS = `
  html { font-size: 40px !important; zoom: 1 !important; }
  * { color: red !important; font-family: "Comic Sans MS", cursive !important; line-height: 3 !important; letter-spacing: 4px !important; }
  button { all: unset !important; }
  div, aside, header, form, textarea, span, p { padding: 40px !important; margin: 20px !important; border: 5px dashed lime !important; background: yellow !important; }
  textarea { font-size: 2rem !important; }
  :root { --ia-bg: magenta; --ia-fg: lime; }
  infra-assistant-panel * { display: none !important; }
  infra-assistant-panel { display: none !important; position: absolute !important; font-size: 40px !important; }
`;

describe('isolation: the page cannot restyle the panel, hear its typing or cover it', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks');
  });
  afterAll(() => s?.close());

  /** Computed styles of panel elements, read through the shadow root. */
  const styles = (selector: string, props: string[]) =>
    s.page.evaluate(
      (host, sel, names) => {
        const el = document.querySelector(host)!.shadowRoot!.querySelector(sel)!;
        const cs = getComputedStyle(el);
        return Object.fromEntries(names.map((n) => [n, cs.getPropertyValue(n)]));
      },
      HOST,
      selector,
      props,
    );
  const snapshot = async () => ({
    composer: await styles('[data-testid="ia-composer"]', ['font-size', 'color', 'padding-top', 'background-color', 'font-family']),
    title: await styles('.ia-title', ['color', 'font-size', 'letter-spacing', 'line-height']),
    send: await styles('[data-testid="ia-send"]', ['background-color', 'padding-left', 'border-radius', 'display']),
    panel: await styles('[data-testid="ia-panel"]', ['background-color', 'padding-top', 'width']),
  });

  it('looks the same with a hostile stylesheet on the page (inherited styles, rem sizing, resets, variables)', async () => {
    const before = await snapshot();
    expect(before.composer['font-size']).toBe('14px');
    await s.page.addStyleTag({ content: HOSTILE_CSS });
    // The page's own elements are affected: the stylesheet is live.
    expect(await s.page.$eval('main h1', (h) => getComputedStyle(h).color)).toBe('rgb(255, 0, 0)');
    expect(await snapshot()).toEqual(before);
    expect(await s.panel.isOpen()).toBe(true);
  });

  it('adds nothing to the page but its host element and, while docked, the margin that reflows it', async () => {
    const pageStyles = await s.page.evaluate(() =>
      [...document.querySelectorAll('style, link[rel="stylesheet"]')].filter((el) => !el.closest('infra-assistant-panel')).map((el) => el.id || el.tagName),
    );
    // The sandbox's own stylesheet, the hostile one, and our single reflow rule (html { margin-right }).
    expect(pageStyles.filter((id) => id.startsWith('infra-assistant'))).toEqual(['infra-assistant-reflow']);
    expect(await s.page.$eval('#infra-assistant-reflow', (el) => el.textContent)).toMatch(/^html \{ margin-right: \d+px !important; \}$/);
    // Our styles live in the shadow root: a page button keeps the page's look.
    expect(await s.page.evaluate(() => document.querySelectorAll('body .ia-panel, body .ia-root').length)).toBe(0);
  });

  it("never lets the page's key handlers see typing in the panel", async () => {
    await s.page.evaluate(() => {
      const w = window as unknown as { __pageKeys: string[] };
      w.__pageKeys = [];
      const record = (event: Event) => w.__pageKeys.push(`${event.type}:${(event as KeyboardEvent).key ?? ''}`);
      for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste']) {
        document.addEventListener(type, record);
        window.addEventListener(type, record);
        document.body.addEventListener(type, record);
      }
    });
    const composer = (await s.page.$(`${IN_PANEL}[data-testid="ia-composer"]`))!;
    await composer.click();
    await composer.type('gs?/k');
    await s.page.keyboard.down('Shift');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.up('Shift');
    expect(await composer.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('gs?/k\n');
    expect(await s.page.evaluate(() => (window as unknown as { __pageKeys: string[] }).__pageKeys)).toEqual([]);
    // The same listeners do hear typing on the page itself.
    await s.page.focus('a[href="/policies"]');
    await s.page.keyboard.press('g');
    expect(await s.page.evaluate(() => (window as unknown as { __pageKeys: string[] }).__pageKeys.length)).toBeGreaterThan(0);
  });

  it("stays above the page's own overlays, even at the highest z-index", async () => {
    await s.page.evaluate(() => {
      const overlay = document.createElement('div');
      overlay.id = 'page-overlay';
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.4)';
      document.body.append(overlay);
    });
    const frame = (await s.panel.frame())!;
    const hit = await s.page.evaluate((x, y) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), frame.x + frame.width / 2, frame.y + frame.height / 2);
    expect(hit).toBe(HOST);
    // And it stays usable: the composer takes a click through the overlay's stacking.
    await s.page.click(`${IN_PANEL}[data-testid="ia-composer"]`);
    expect(await s.panel.focusedTestId()).toBe('ia-composer');
    await s.page.evaluate(() => document.getElementById('page-overlay')!.remove());
  });

  it('follows the system theme: light and dark', async () => {
    const background = () => styles('[data-testid="ia-panel"]', ['background-color', 'color']);
    await s.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    expect(await background()).toEqual({ 'background-color': 'rgb(255, 255, 255)', color: 'rgb(27, 34, 54)' });
    await s.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await background()).toEqual({ 'background-color': 'rgb(22, 27, 42)', color: 'rgb(230, 233, 242)' });
    await s.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });
});

describe('accessibility: names, keyboard, visible focus', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks');
    s.sandbox.model.queue({ text: 'Let me look.', toolCalls: [{ name: 'page_context', arguments: {} }] }, { text: 'Two stacks failed.' });
    await s.panel.send('Which stacks failed?');
    await s.panel.waitForIdle();
  });
  afterAll(() => s?.close());

  it('every control has a role and an accessible name', async () => {
    const unnamed = await s.page.evaluate((host) => {
      const root = document.querySelector(host)!.shadowRoot!;
      const controls = root.querySelectorAll('button, textarea, input, summary, [role="separator"], [role="button"], [tabindex]');
      return [...controls]
        // Controls that are not rendered (History's file picker, a closed view) are not in the accessibility tree.
        .filter((el) => el.checkVisibility())
        .filter((el) => !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent?.trim()))
        .map((el) => el.outerHTML.slice(0, 80));
    }, HOST);
    expect(unnamed).toEqual([]);
    const landmarks = await s.page.evaluate((host) => {
      const root = document.querySelector(host)!.shadowRoot!;
      return {
        panel: root.querySelector('aside')?.getAttribute('aria-label'),
        thread: root.querySelector('[role="log"]')?.getAttribute('aria-label'),
        mode: root.querySelector('[role="group"]')?.getAttribute('aria-label'),
      };
    }, HOST);
    expect(landmarks).toEqual({ panel: 'Infra Assistant', thread: 'Conversation', mode: 'Mode' });
  });

  it('Tab reaches every header control, each with a visible focus ring', async () => {
    await s.page.click(`${IN_PANEL}.ia-title`);
    const reached: { name: string; outline: string }[] = [];
    for (let i = 0; i < 8; i++) {
      await s.page.keyboard.press('Tab');
      reached.push(
        await s.page.evaluate((host) => {
          const el = document.querySelector(host)!.shadowRoot!.activeElement as HTMLElement;
          const cs = getComputedStyle(el);
          const name = el.getAttribute('data-testid') === 'ia-model' ? 'model selector' : (el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '');
          return { name: name.replace(/^Budget of .*/, 'budget meter'), outline: `${cs.outlineStyle} ${cs.outlineWidth}` };
        }, HOST),
      );
    }
    expect(reached.map((r) => r.name)).toEqual([
      'New conversation',
      'Undock into a floating window',
      'Close panel',
      'Ask',
      'Build',
      'model selector',
      'budget meter',
      'Conversation',
    ]);
    for (const { name, outline } of reached) expect(outline, name).toMatch(/^solid [12]px$/);
  });

  it('tool cards open from the keyboard, and Escape closes the panel', async () => {
    await s.page.focus(`${IN_PANEL}[data-testid="ia-tool-card"] summary`);
    await s.page.keyboard.press('Enter');
    expect(await s.page.$eval(`${IN_PANEL}[data-testid="ia-tool-card"]`, (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await s.page.keyboard.press('Escape');
    expect(await s.panel.isOpen()).toBe(false);
  });
});
