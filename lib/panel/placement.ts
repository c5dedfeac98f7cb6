import { clampDockWidth, DOCK_DEFAULT_WIDTH } from './dock-layout';

/**
 * Where the panel sits: docked on the right (the page reflows beside it) or
 * floating as a window over the page. Pure geometry, no DOM: the hooks in
 * components/hooks/ apply it.
 */
export type PanelLayout = 'docked' | 'floating';

export interface FloatingRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * The user's placement preferences, kept per user in extension storage (read
 * and written through the background). None of it is sensitive.
 */
export interface PanelPlacement {
  /** Chosen with pin/unpin; absent until the user chooses, then the window's width decides. */
  layout?: PanelLayout;
  dockWidth: number;
  /** The floating window as the user last left it (clamped to the window it is shown in). */
  floating?: FloatingRect;
}

export const DEFAULT_PLACEMENT: PanelPlacement = { dockWidth: DOCK_DEFAULT_WIDTH };

/** Below this window width a docked sidebar would squeeze the page too much: float by default. */
export const NARROW_VIEWPORT = 900;
/** The floating window never gets smaller than this, nor closer than FLOAT_MARGIN to the window's edges. */
export const FLOAT_MIN_WIDTH = 320;
export const FLOAT_MIN_HEIGHT = 320;
export const FLOAT_MARGIN = 8;
const FLOAT_DEFAULT_WIDTH = 400;
const FLOAT_DEFAULT_HEIGHT = 640;
const FLOAT_DEFAULT_INSET = 16;

/** The user's choice if they made one; else docked on wide windows and floating on narrow ones. */
export function effectiveLayout(placement: Pick<PanelPlacement, 'layout'>, viewport: Viewport): PanelLayout {
  return placement.layout ?? (viewport.width < NARROW_VIEWPORT ? 'floating' : 'docked');
}

/** Bottom-right, where the launcher is, as large as fits. */
export function defaultFloatingRect(viewport: Viewport): FloatingRect {
  const width = Math.min(FLOAT_DEFAULT_WIDTH, viewport.width - 2 * FLOAT_DEFAULT_INSET);
  const height = Math.min(FLOAT_DEFAULT_HEIGHT, viewport.height - 2 * FLOAT_DEFAULT_INSET);
  return clampFloatingRect(
    { x: viewport.width - width - FLOAT_DEFAULT_INSET, y: viewport.height - height - FLOAT_DEFAULT_INSET, width, height },
    viewport,
  );
}

/**
 * Keep the window whole inside the viewport: shrink it if the viewport is
 * smaller (never below the minimum, which then wins over the margin), then
 * slide it back in.
 */
export function clampFloatingRect(rect: FloatingRect, viewport: Viewport): FloatingRect {
  const width = clamp(rect.width, FLOAT_MIN_WIDTH, Math.max(FLOAT_MIN_WIDTH, viewport.width - 2 * FLOAT_MARGIN));
  const height = clamp(rect.height, FLOAT_MIN_HEIGHT, Math.max(FLOAT_MIN_HEIGHT, viewport.height - 2 * FLOAT_MARGIN));
  return { x: Math.round(fit(rect.x, width, viewport.width)), y: Math.round(fit(rect.y, height, viewport.height)), width: Math.round(width), height: Math.round(height) };
}

/** Drag by (dx, dy) from where the drag started, staying inside the viewport. */
export function moveFloatingRect(start: FloatingRect, dx: number, dy: number, viewport: Viewport): FloatingRect {
  return clampFloatingRect({ ...start, x: start.x + dx, y: start.y + dy }, viewport);
}

/** The edges and corners a floating window resizes by. */
export type ResizeEdge = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export const RESIZE_EDGES: readonly ResizeEdge[] = ['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw'];

/**
 * Resize by dragging an edge or corner by (dx, dy): the opposite edges stay
 * where they are, also when the minimum size or the viewport stops the drag.
 */
export function resizeFloatingRect(start: FloatingRect, edge: ResizeEdge, dx: number, dy: number, viewport: Viewport): FloatingRect {
  let { x, y, width, height } = start;
  const right = start.x + start.width;
  const bottom = start.y + start.height;
  if (edge.includes('e')) width = clamp(start.width + dx, FLOAT_MIN_WIDTH, viewport.width - FLOAT_MARGIN - start.x);
  if (edge.includes('w')) {
    x = clamp(start.x + dx, FLOAT_MARGIN, right - FLOAT_MIN_WIDTH);
    width = right - x;
  }
  if (edge.includes('s')) height = clamp(start.height + dy, FLOAT_MIN_HEIGHT, viewport.height - FLOAT_MARGIN - start.y);
  if (edge.startsWith('n')) {
    y = clamp(start.y + dy, FLOAT_MARGIN, bottom - FLOAT_MIN_HEIGHT);
    height = bottom - y;
  }
  return clampFloatingRect({ x, y, width, height }, viewport);
}

/**
 * What the panel shows for a placement in a viewport: the layout, the docked
 * width and the floating window, each fitted to the viewport (the stored
 * values stay as the user left them, so a window made small for a moment
 * does not shrink the panel for good).
 */
export function resolvePlacement(placement: PanelPlacement, viewport: Viewport) {
  return {
    layout: effectiveLayout(placement, viewport),
    dockWidth: clampDockWidth(placement.dockWidth, viewport.width),
    floating: clampFloatingRect(placement.floating ?? defaultFloatingRect(viewport), viewport),
  };
}

/** A placement read from storage: well-formed fields kept, the rest from the defaults. */
export function sanitizePlacement(value: unknown): PanelPlacement {
  return { ...DEFAULT_PLACEMENT, ...sanitizePlacementPatch(value) };
}

/** A change sent by a panel (untrusted input): only the well-formed fields it names. */
export function sanitizePlacementPatch(value: unknown): Partial<PanelPlacement> {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const patch: Partial<PanelPlacement> = {};
  if (isSize(input.dockWidth)) patch.dockWidth = Math.round(input.dockWidth);
  if (input.layout === 'docked' || input.layout === 'floating') patch.layout = input.layout;
  const rect = input.floating as Record<string, unknown> | null | undefined;
  if (rect && typeof rect === 'object' && isCoordinate(rect.x) && isCoordinate(rect.y) && isSize(rect.width) && isSize(rect.height)) {
    patch.floating = { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) };
  }
  return patch;
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 100_000;
}

function isSize(value: unknown): value is number {
  return isCoordinate(value) && value > 0;
}

/** A position along one axis: inside the margins when the size allows, else from the window's start. */
function fit(position: number, size: number, extent: number): number {
  const last = extent - size - FLOAT_MARGIN;
  return last >= FLOAT_MARGIN ? clamp(position, FLOAT_MARGIN, last) : Math.max(0, extent - size);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
