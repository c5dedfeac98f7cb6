import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { clampDockWidth, reflowPage } from '../../lib/panel/dock-layout';
import { resolvePlacement, type FloatingRect, type PanelLayout } from '../../lib/panel/placement';
import type { PlacementState } from '../../lib/panel/placement-state';
import { useStableCallback } from './useStableCallback';
import { useViewport } from './useViewport';

/**
 * Where the panel is shown now: the stored placement fitted to the window
 * (refitted as the window is resized), the page reflowed beside it while it
 * is open and docked, and the changes the user makes (live while dragging,
 * saved when a drag ends).
 */
export function usePanelPlacement(state: PlacementState, open: boolean) {
  const placement = useSyncExternalStore(state.subscribe, state.get, state.get);
  const viewport = useViewport();
  const shown = useMemo(() => resolvePlacement(placement, viewport), [placement, viewport]);
  const reflow = open && shown.layout === 'docked' ? shown.dockWidth : null;
  useEffect(() => reflowPage(document, reflow), [reflow]);
  useEffect(() => () => reflowPage(document, null), []);

  const resizeDock = useStableCallback((width: number, final: boolean) => {
    const dockWidth = clampDockWidth(width, viewport.width);
    if (final) state.commit({ dockWidth });
    else state.preview({ dockWidth });
  });
  const changeFloating = useStableCallback((rect: FloatingRect, final: boolean) =>
    final ? state.commit({ floating: rect }) : state.preview({ floating: rect }),
  );
  const toggleLayout = useStableCallback(() => {
    const next: PanelLayout = shown.layout === 'docked' ? 'floating' : 'docked';
    state.commit({ layout: next, ...(next === 'floating' ? { floating: shown.floating } : {}) });
  });
  return { ...shown, viewport, resizeDock, changeFloating, toggleLayout };
}
