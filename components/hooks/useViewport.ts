import { useEffect, useState } from 'react';
import type { Viewport } from '../../lib/panel/placement';

/** The window's client area (without scroll bars), updated as the window is resized. */
export function useViewport(): Viewport {
  const [viewport, setViewport] = useState(readViewport);
  useEffect(() => {
    const update = () =>
      setViewport((current) => {
        const next = readViewport();
        return next.width === current.width && next.height === current.height ? current : next;
      });
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return viewport;
}

function readViewport(): Viewport {
  const root = document.documentElement;
  // clientWidth of the root is the viewport less its scroll bar, whatever margin the page (or our reflow) gives it.
  return { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
}
