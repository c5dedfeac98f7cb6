import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { initialWindowStart, keepWindowStart, widenWindow } from '../../lib/chat/thread-window';
import { readPanelSession } from '../../lib/panel/panel-session';

/** Earlier messages are added while the reader is this close to the top of what is rendered. */
const PRELOAD_PX = 800;

/**
 * Which of a conversation's messages the thread renders: the last ones when it
 * opens (reaching back to where a reload left the reader), more as the reader
 * nears the top. The view does not jump when older messages are added above.
 */
export function useThreadWindow(conversationId: string | undefined, messages: readonly { id: string }[], scroller: RefObject<HTMLDivElement | null>) {
  const count = messages.length;
  const [state, setState] = useState(() => ({ conversationId, opened: count > 0, start: openingStart(conversationId, messages) }));
  let start = state.start;
  // Another conversation, or this one's messages just arrived from storage (a reload shows the id first):
  // a new window, decided while rendering so the first frame is already the short one.
  if (state.conversationId !== conversationId || (!state.opened && count > 0)) {
    start = openingStart(conversationId, messages);
    setState({ conversationId, opened: count > 0, start });
  } else {
    start = keepWindowStart(start, count);
    // Kept, so that when the conversation grows again the messages shown at the top stay shown.
    if (start !== state.start) setState({ ...state, start });
  }

  // The first rendered message and where it was on screen, just before older ones were added above it.
  const pinned = useRef<{ id: string; top: number } | null>(null);
  const more = useRef<HTMLButtonElement | null>(null);

  const showEarlier = useCallback(() => {
    const el = scroller.current;
    const first = el?.querySelector<HTMLElement>('[data-message-id]');
    pinned.current = first ? { id: first.dataset.messageId!, top: first.getBoundingClientRect().top } : null;
    setState((s) => ({ ...s, start: widenWindow(keepWindowStart(s.start, count)) }));
  }, [scroller, count]);

  // Keep what the reader sees in place: the message that was first is where it was.
  useLayoutEffect(() => {
    const pin = pinned.current;
    const el = scroller.current;
    pinned.current = null;
    if (!pin || !el) return;
    const first = [...el.querySelectorAll<HTMLElement>('[data-message-id]')].find((m) => m.dataset.messageId === pin.id);
    if (!first) return;
    // Zero when the browser's own scroll anchoring already did it.
    const moved = first.getBoundingClientRect().top - pin.top;
    if (Math.abs(moved) >= 1) el.scrollTop += moved;
  }, [start, scroller]);

  // Near the top: add the previous batch. Observed afresh after each batch, so a batch too short to
  // move the marker out of reach is followed by the next one.
  useEffect(() => {
    const el = scroller.current;
    const marker = more.current;
    if (!el || !marker || start === 0 || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) showEarlier();
      },
      { root: el, rootMargin: `${PRELOAD_PX}px 0px 0px 0px` },
    );
    observer.observe(marker);
    return () => observer.disconnect();
  }, [start, scroller, showEarlier]);

  return { start, moreRef: more, showEarlier };
}

function openingStart(conversationId: string | undefined, messages: readonly { id: string }[]): number {
  const saved = readPanelSession().scroll;
  const anchorId = saved && saved.conversationId === conversationId && !saved.atEnd ? saved.anchorId : undefined;
  return initialWindowStart(messages.map((m) => m.id), anchorId);
}
