import { describe, expect, it } from 'vitest';
import { ANCHOR_MARGIN, WINDOW_INITIAL, WINDOW_STEP, initialWindowStart, keepWindowStart, widenWindow } from './thread-window';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

describe('thread window', () => {
  it('renders a short conversation whole', () => {
    expect(initialWindowStart(ids(0))).toBe(0);
    expect(initialWindowStart(ids(WINDOW_INITIAL))).toBe(0);
  });

  it('opens a long conversation on its last messages', () => {
    expect(initialWindowStart(ids(500))).toBe(500 - WINDOW_INITIAL);
  });

  it('reaches back to a restored anchor, with a few messages above it', () => {
    expect(initialWindowStart(ids(500), 'm100')).toBe(100 - ANCHOR_MARGIN);
    expect(initialWindowStart(ids(500), 'm2')).toBe(0);
    // An anchor already inside the last messages changes nothing; an unknown one is ignored.
    expect(initialWindowStart(ids(500), 'm490')).toBe(500 - WINDOW_INITIAL);
    expect(initialWindowStart(ids(500), 'gone')).toBe(500 - WINDOW_INITIAL);
  });

  it('widens a step at a time down to the first message', () => {
    expect(widenWindow(460)).toBe(460 - WINDOW_STEP);
    expect(widenWindow(10)).toBe(0);
    expect(widenWindow(0)).toBe(0);
  });

  it('keeps the start as the conversation grows, and never shows fewer than the initial count', () => {
    const opened = 500 - WINDOW_INITIAL;
    expect(keepWindowStart(opened, 520)).toBe(opened); // answers were added: the window grows at the end
    expect(keepWindowStart(opened, 499)).toBe(499 - WINDOW_INITIAL); // regenerate dropped one
    expect(keepWindowStart(WINDOW_INITIAL - 5, WINDOW_INITIAL + 5)).toBe(5);
    expect(keepWindowStart(10, WINDOW_INITIAL)).toBe(0);
    expect(keepWindowStart(0, 500)).toBe(0); // the reader had scrolled back to the start
  });
});
