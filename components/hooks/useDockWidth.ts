import { useCallback, useEffect, useState } from 'react';
import { clampDockWidth, dockWidthItem, reflowPage } from '../../lib/panel/dock-layout';

/**
 * The docked sidebar's width: loaded from the user's setting, clamped to the
 * window, applied to the page as a reflow while the panel is open, and saved
 * when a resize ends.
 */
export function useDockWidth(open: boolean) {
  const [width, setWidth] = useState(420);
  useEffect(() => {
    void dockWidthItem.getValue().then((saved) => setWidth(clampDockWidth(saved, window.innerWidth)));
  }, []);
  useEffect(() => {
    reflowPage(document, open ? width : null);
  }, [open, width]);
  useEffect(() => () => reflowPage(document, null), []);
  useEffect(() => {
    const refit = () => setWidth((w) => clampDockWidth(w, window.innerWidth));
    window.addEventListener('resize', refit);
    return () => window.removeEventListener('resize', refit);
  }, []);

  const resize = useCallback((next: number) => setWidth(clampDockWidth(next, window.innerWidth)), []);
  const commit = useCallback((final: number) => void dockWidthItem.setValue(clampDockWidth(final, window.innerWidth)), []);
  return { width, resize, commit };
}
