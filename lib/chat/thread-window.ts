/**
 * A long conversation opens at its end with only its last messages rendered;
 * older ones are added a batch at a time as the reader scrolls up. Rendering
 * all of a 500-message conversation (250 markdown answers) took ~600 ms; the
 * last 40 fill several screens and render in a fraction of that.
 */

/** Messages rendered when a conversation opens. */
export const WINDOW_INITIAL = 24;
/** Messages added each time the reader nears the top of what is rendered. */
export const WINDOW_STEP = 40;
/** Rendered above a restored scroll anchor, so the reader has context when scrolling up from it. */
export const ANCHOR_MARGIN = 5;

/**
 * Index of the first message to render for a conversation being opened: the
 * last WINDOW_INITIAL, widened to reach back to `anchorId` (where a reload
 * left the reader) when that is older.
 */
export function initialWindowStart(ids: readonly string[], anchorId?: string): number {
  let start = Math.max(0, ids.length - WINDOW_INITIAL);
  if (anchorId) {
    const at = ids.indexOf(anchorId);
    if (at >= 0) start = Math.min(start, Math.max(0, at - ANCHOR_MARGIN));
  }
  return start;
}

/** The start after the reader asked for more (scrolled near the top, or clicked "earlier messages"). */
export function widenWindow(start: number): number {
  return Math.max(0, start - WINDOW_STEP);
}

/**
 * The start kept while the conversation changes under it (an answer grows,
 * regenerate drops the last one, a refresh from storage): never past the
 * point where fewer than WINDOW_INITIAL messages would show.
 */
export function keepWindowStart(start: number, count: number): number {
  return Math.max(0, Math.min(start, count - WINDOW_INITIAL));
}
