import { useLayoutEffect, useRef } from 'react';
import { readPanelSession, writePanelSession, type ThreadScroll } from '../../lib/panel/panel-session';
import { useStableCallback } from './useStableCallback';

/** Closer than this to the bottom counts as "at the end": new text keeps it in view. */
const AT_END_SLACK = 24;
/** A scroll event this soon after the reader's own wheel, touch, key or pointer press counts as theirs. */
const READER_SCROLL_MS = 1_000;
/** Frames the end is still followed after the last render, while sizes settle. */
const SETTLE_CHECKS = 6;

/**
 * The thread's scrolling: it follows a growing answer only while the user is
 * at the end (scrolling up to read stops that), jumps to the end when they
 * send, and remembers where it was, per tab, so a reload comes back to the
 * same place. The place is a message and an offset into it, not a pixel
 * count: heights change as the thread re-renders.
 */
export function useThreadScroll(conversationId: string | undefined, messageCount: number, growth: string, lastIsUser: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  /** The messages' box inside the scroller: its size changes are what following the end watches. */
  const contentRef = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const restoredFor = useRef<string | undefined>(undefined);
  const lastCount = useRef(0);
  const pendingSave = useRef(0);
  const savedAtEnd = useRef<string | undefined>(undefined);
  /** Where following the end last put the scroll position. */
  const followedTop = useRef(0);
  const pendingFollow = useRef(0);
  const readerScrolledAt = useRef(-Infinity);
  /** A restored place is being held while the messages around it take their real sizes. */
  const holding = useRef(false);

  const onScroll = useStableCallback(() => {
    const el = ref.current;
    // Our own scrolls while holding a restored place: the estimated heights of messages not laid out
    // yet can make that place look like the end for a moment, and it is not.
    if (!el || holding.current) return;
    // While following the end, the scroll events are ours (one a frame): reading positions here would lay
    // the thread out once more per frame. Only a scroll the reader started (wheel, touch, keys, the scroll
    // bar) can leave the end.
    if (atEnd.current && performance.now() - readerScrolledAt.current > READER_SCROLL_MS) return;
    const wasAtEnd = atEnd.current;
    if (el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_SLACK) atEnd.current = true;
    // Scrolled up from where following put it: the reader wants to stay there. (Further from the end
    // only because the answer grew since, which scroll events report a frame late: still following.)
    else if (el.scrollTop < followedTop.current - 1) atEnd.current = false;
    // Following the end of a growing answer scrolls every frame: "at the end" is already saved.
    if (!conversationId || pendingSave.current || (wasAtEnd && atEnd.current && savedAtEnd.current === conversationId)) return;
    // At most one write per frame while scrolling.
    pendingSave.current = requestAnimationFrame(() => {
      pendingSave.current = 0;
      if (!ref.current) return;
      const scroll = measure(ref.current, conversationId, atEnd.current);
      savedAtEnd.current = scroll.atEnd ? conversationId : undefined;
      writePanelSession({ scroll });
    });
  });

  useLayoutEffect(() => {
    const el = ref.current;
    const sent = lastIsUser && messageCount > lastCount.current;
    lastCount.current = messageCount;
    if (!el || messageCount === 0) return;
    if (restoredFor.current !== conversationId) {
      restoredFor.current = conversationId;
      if (restore(el, readPanelSession().scroll, conversationId, (held) => (holding.current = held))) {
        atEnd.current = false;
        return;
      }
      atEnd.current = true;
      // Opened at its end from the first frame (one layout, which the first paint needs anyway): what is
      // above the end (earlier messages to add) is judged from where the reader really is.
      el.scrollTop = el.scrollHeight;
      followedTop.current = el.scrollTop;
    }
    if (sent) {
      atEnd.current = true;
      // Sending asks for the end: a wheel turn just before it must not make following's own scrolls look like the reader's.
      readerScrolledAt.current = -Infinity;
    }
  }, [conversationId, messageCount, growth, lastIsUser]);

  // Keep the end in view once per frame, not per render: reading scrollHeight forces a layout, and a
  // frame that renders several times while an answer streams would lay out the thread each time. A few
  // frames more after the last render: messages and blocks coming into view take their real height
  // (content-visibility) a frame later.
  const follow = useStableCallback((framesLeft: number, lastHeight: number) => {
    pendingFollow.current = requestAnimationFrame(() => {
      pendingFollow.current = 0;
      const el = ref.current;
      if (!el || !atEnd.current) return;
      const height = el.scrollHeight;
      el.scrollTop = height;
      followedTop.current = el.scrollTop;
      if (framesLeft > 0 && (height !== lastHeight || framesLeft > SETTLE_CHECKS - 2)) follow(framesLeft - 1, height);
    });
  });
  useLayoutEffect(() => {
    if (!atEnd.current || messageCount === 0) return;
    cancelAnimationFrame(pendingFollow.current);
    follow(SETTLE_CHECKS, -1);
  }, [conversationId, messageCount, growth, lastIsUser]);
  useLayoutEffect(() => () => cancelAnimationFrame(pendingFollow.current), []);

  const shown = messageCount > 0;
  // What the reader does to scroll, so their scroll events are told from ours.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const mark = () => (readerScrolledAt.current = performance.now());
    const events = ['wheel', 'touchstart', 'touchmove', 'keydown', 'pointerdown'] as const;
    for (const type of events) el.addEventListener(type, mark, { passive: true });
    return () => {
      for (const type of events) el.removeEventListener(type, mark);
    };
  }, [shown]);

  // The panel resized (docked ⇄ floating, a drag of its edge: text rewraps), or the messages changed size
  // after the last render (a late metadata line, a block taking its real height, a refresh from storage):
  // stay at the end if there. Observer callbacks come after layout, so reading the height here is free.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      // Not when the reader just did something in the thread (opened a tool card, a code block): what
      // they opened stays where they are looking.
      if (!atEnd.current || performance.now() - readerScrolledAt.current < READER_SCROLL_MS) return;
      el.scrollTop = el.scrollHeight;
      followedTop.current = el.scrollTop;
    });
    observer.observe(el);
    if (contentRef.current) observer.observe(contentRef.current);
    return () => observer.disconnect();
  }, [shown]);

  return { ref, contentRef, onScroll };
}

/** The first message still visible at the top, and how far it is scrolled past. */
function measure(el: HTMLElement, conversationId: string, atEnd: boolean): ThreadScroll {
  if (atEnd) return { conversationId, atEnd };
  const top = el.getBoundingClientRect().top;
  for (const message of el.querySelectorAll<HTMLElement>('[data-message-id]')) {
    const box = message.getBoundingClientRect();
    if (box.bottom > top) return { conversationId, atEnd, anchorId: message.dataset.messageId, offset: Math.round(top - box.top) };
  }
  return { conversationId, atEnd: true };
}

/** How many frames a restored position is held while the messages around it take their real sizes. */
const SETTLE_FRAMES = 30;

function restore(el: HTMLElement, saved: ThreadScroll | undefined, conversationId: string | undefined, onHold: (held: boolean) => void): boolean {
  if (!saved || saved.conversationId !== conversationId || saved.atEnd || !saved.anchorId) return false;
  const anchor = [...el.querySelectorAll<HTMLElement>('[data-message-id]')].find((m) => m.dataset.messageId === saved.anchorId);
  if (!anchor) return false;
  onHold(true);
  const align = () => {
    const drift = anchor.getBoundingClientRect().top - el.getBoundingClientRect().top + (saved.offset ?? 0);
    if (Math.abs(drift) >= 1) el.scrollTop += drift;
    return Math.abs(drift) < 1;
  };
  align();
  // Messages off screen are laid out at an estimated height (content-visibility) until they come near the
  // viewport: hold the anchor in place for a few frames while they take their real size, unless the user scrolls.
  let frames = 0;
  let steady = 0;
  const userScrolled = () => (frames = SETTLE_FRAMES);
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  for (const type of events) el.addEventListener(type, userScrolled, { once: true, passive: true });
  const release = () => {
    for (const type of events) el.removeEventListener(type, userScrolled);
    onHold(false);
  };
  const hold = () => {
    if (++frames >= SETTLE_FRAMES || !anchor.isConnected) return release();
    steady = align() ? steady + 1 : 0;
    if (steady < 3) requestAnimationFrame(hold);
    else release();
  };
  requestAnimationFrame(hold);
  return true;
}
