import { describe, expect, it, vi } from 'vitest';
import {
  clampFloatingRect,
  defaultFloatingRect,
  effectiveLayout,
  FLOAT_MARGIN,
  FLOAT_MIN_HEIGHT,
  FLOAT_MIN_WIDTH,
  moveFloatingRect,
  resizeFloatingRect,
  resolvePlacement,
  sanitizePlacement,
  sanitizePlacementPatch,
} from './placement';
import { PlacementState } from './placement-state';

const wide = { width: 1400, height: 900 };
const narrow = { width: 700, height: 800 };

describe('panel placement', () => {
  it('docks on wide windows and floats on narrow ones until the user pins a choice', () => {
    expect(effectiveLayout({}, wide)).toBe('docked');
    expect(effectiveLayout({}, narrow)).toBe('floating');
    expect(effectiveLayout({ layout: 'floating' }, wide)).toBe('floating');
    expect(effectiveLayout({ layout: 'docked' }, narrow)).toBe('docked');
  });

  it('opens the floating window at the bottom right, inside the window', () => {
    expect(defaultFloatingRect(wide)).toEqual({ x: 984, y: 244, width: 400, height: 640 });
    const small = defaultFloatingRect({ width: 360, height: 500 });
    expect(small.x).toBeGreaterThanOrEqual(FLOAT_MARGIN);
    expect(small.x + small.width).toBeLessThanOrEqual(360 - FLOAT_MARGIN);
    expect(small.y + small.height).toBeLessThanOrEqual(500 - FLOAT_MARGIN);
  });

  it('keeps a floating window inside the viewport, shrinking it when the window is smaller', () => {
    expect(clampFloatingRect({ x: 1300, y: -50, width: 400, height: 500 }, wide)).toEqual({ x: 992, y: 8, width: 400, height: 500 });
    expect(clampFloatingRect({ x: 100, y: 100, width: 1000, height: 2000 }, narrow)).toEqual({ x: 8, y: 8, width: 684, height: 784 });
    expect(clampFloatingRect({ x: 0, y: 0, width: 10, height: 10 }, wide)).toMatchObject({ width: FLOAT_MIN_WIDTH, height: FLOAT_MIN_HEIGHT });
    // A window smaller than the minimum: the minimum wins, pinned to the top left.
    expect(clampFloatingRect({ x: 50, y: 50, width: 400, height: 400 }, { width: 300, height: 300 })).toEqual({ x: 0, y: 0, width: 320, height: 320 });
  });

  it('moves by the drag and stops at the edges', () => {
    const start = { x: 500, y: 100, width: 400, height: 500 };
    expect(moveFloatingRect(start, -100, 50, wide)).toEqual({ ...start, x: 400, y: 150 });
    expect(moveFloatingRect(start, -1000, -1000, wide)).toEqual({ ...start, x: FLOAT_MARGIN, y: FLOAT_MARGIN });
    expect(moveFloatingRect(start, 5000, 5000, wide)).toEqual({ ...start, x: 1400 - 400 - FLOAT_MARGIN, y: 900 - 500 - FLOAT_MARGIN });
  });

  it('resizes from any edge or corner, the opposite edges staying put', () => {
    const start = { x: 500, y: 100, width: 400, height: 500 };
    expect(resizeFloatingRect(start, 'se', 50, 40, wide)).toEqual({ x: 500, y: 100, width: 450, height: 540 });
    expect(resizeFloatingRect(start, 'w', -100, 0, wide)).toEqual({ x: 400, y: 100, width: 500, height: 500 });
    expect(resizeFloatingRect(start, 'nw', 30, 20, wide)).toEqual({ x: 530, y: 120, width: 370, height: 480 });
    // The minimum stops a shrink without moving the far edge.
    expect(resizeFloatingRect(start, 'w', 300, 0, wide)).toEqual({ x: 900 - FLOAT_MIN_WIDTH, y: 100, width: FLOAT_MIN_WIDTH, height: 500 });
    expect(resizeFloatingRect(start, 'n', 0, 400, wide)).toEqual({ x: 500, y: 600 - FLOAT_MIN_HEIGHT, width: 400, height: FLOAT_MIN_HEIGHT });
    // The viewport stops a growth.
    expect(resizeFloatingRect(start, 'e', 5000, 0, wide).width).toBe(1400 - FLOAT_MARGIN - 500);
    expect(resizeFloatingRect(start, 'n', 0, -5000, wide)).toEqual({ x: 500, y: FLOAT_MARGIN, width: 400, height: 600 - FLOAT_MARGIN });
  });

  it('fits the stored placement to the window it is shown in, without changing what is stored', () => {
    const stored = { dockWidth: 800, floating: { x: 1000, y: 400, width: 500, height: 480 } };
    const shown = resolvePlacement(stored, narrow);
    expect(shown.layout).toBe('floating');
    expect(shown.dockWidth).toBe(490); // 70% of the window
    expect(shown.floating).toEqual({ x: 192, y: 312, width: 500, height: 480 });
    expect(stored.floating.x).toBe(1000);
  });

  it('keeps only well-formed values from storage or a panel', () => {
    expect(sanitizePlacement(null)).toEqual({ dockWidth: 420 });
    expect(sanitizePlacement({ layout: 'sideways', dockWidth: 'wide', floating: { x: 1, y: 2, width: 0, height: 3 } })).toEqual({ dockWidth: 420 });
    expect(sanitizePlacement({ layout: 'floating', dockWidth: 500.4, floating: { x: 10.6, y: 20, width: 400, height: 500 }, extra: 1 })).toEqual({
      layout: 'floating',
      dockWidth: 500,
      floating: { x: 11, y: 20, width: 400, height: 500 },
    });
    expect(sanitizePlacementPatch({ dockWidth: Infinity, layout: 'docked' })).toEqual({ layout: 'docked' });
  });
});

describe('placement state', () => {
  it('loads the stored placement, previews drags without saving, and saves commits', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const state = new PlacementState({ load: async () => ({ dockWidth: 500, layout: 'floating' }), save });
    const seen: unknown[] = [];
    state.subscribe(() => seen.push(state.get()));
    await state.load();
    expect(state.get()).toEqual({ dockWidth: 500, layout: 'floating' });
    state.preview({ dockWidth: 510 });
    state.preview({ dockWidth: 520 });
    expect(save).not.toHaveBeenCalled();
    state.commit({ dockWidth: 530 });
    expect(save).toHaveBeenCalledExactlyOnceWith({ dockWidth: 530 });
    expect(state.get().dockWidth).toBe(530);
    expect(seen).toHaveLength(4);
  });

  it('a slow load does not undo what the user did meanwhile, and a failed one keeps the defaults', async () => {
    let resolve!: (value: { dockWidth: number }) => void;
    const state = new PlacementState({ load: () => new Promise((r) => (resolve = r)), save: async () => undefined });
    const loading = state.load();
    state.commit({ layout: 'floating' });
    resolve({ dockWidth: 700 });
    await loading;
    expect(state.get()).toEqual({ dockWidth: 420, layout: 'floating' });

    const failing = new PlacementState({ load: async () => Promise.reject(new Error('no worker')), save: async () => undefined });
    await failing.load();
    expect(failing.get()).toEqual({ dockWidth: 420 });
  });
});
