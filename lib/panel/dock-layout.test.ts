// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clampDockWidth, DOCK_MIN_WIDTH, reflowPage } from './dock-layout';

describe('docked sidebar layout', () => {
  it('keeps the width between a usable minimum and 70% of the window', () => {
    expect(clampDockWidth(100, 1400)).toBe(DOCK_MIN_WIDTH);
    expect(clampDockWidth(500, 1400)).toBe(500);
    expect(clampDockWidth(1200, 1400)).toBe(900);
    expect(clampDockWidth(800, 1000)).toBe(700);
    expect(clampDockWidth(500, 300)).toBe(DOCK_MIN_WIDTH); // a tiny window still gets a usable panel
  });

  it('reflows the page beside the panel and undoes it', () => {
    reflowPage(document, 480);
    reflowPage(document, 500);
    const styles = document.querySelectorAll('#infra-assistant-reflow');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toBe('html { margin-right: 500px !important; }');
    reflowPage(document, null);
    expect(document.getElementById('infra-assistant-reflow')).toBeNull();
  });
});
