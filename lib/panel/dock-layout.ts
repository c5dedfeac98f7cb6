export const DOCK_DEFAULT_WIDTH = 420;
export const DOCK_MIN_WIDTH = 320;
const DOCK_MAX_SHARE = 0.7;
const DOCK_MAX_WIDTH = 900;

/** Keep the sidebar usable and leave the page at least 30% of the window. */
export function clampDockWidth(width: number, viewportWidth: number): number {
  const max = Math.max(DOCK_MIN_WIDTH, Math.min(DOCK_MAX_WIDTH, Math.floor(viewportWidth * DOCK_MAX_SHARE + 1e-9)));
  return Math.round(Math.min(max, Math.max(DOCK_MIN_WIDTH, width)));
}

const REFLOW_STYLE_ID = 'infra-assistant-reflow';

/**
 * While docked, the page gets narrower instead of being covered: a margin on
 * the root element, so the app's own layout reflows beside the panel. Only
 * one style element of ours is ever added to the page, and removed on close.
 */
export function reflowPage(doc: Document, width: number | null): void {
  let style = doc.getElementById(REFLOW_STYLE_ID) as HTMLStyleElement | null;
  if (width === null) {
    style?.remove();
    return;
  }
  if (!style) {
    style = doc.createElement('style');
    style.id = REFLOW_STYLE_ID;
    (doc.head ?? doc.documentElement).append(style);
  }
  style.textContent = `html { margin-right: ${width}px !important; }`;
}
