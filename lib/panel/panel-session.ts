import type { ChatMode } from '../db/database';

/**
 * What the panel needs to come back after a reload of the tab as it was: which
 * conversation was open, in which mode, scrolled where, and whether the panel
 * was open. Kept in the tab's sessionStorage (gone when the tab closes): the
 * page can read it, so it holds ids and positions, never content or secrets.
 */
export interface PanelSession {
  conversationId?: string;
  open?: boolean;
  /** The mode shown for `conversationId` (stored with the conversation once a message is sent). */
  mode?: ChatMode;
  scroll?: ThreadScroll;
}

/** Where the thread was scrolled: at the end, or a message and how far into it. */
export interface ThreadScroll {
  conversationId: string;
  atEnd: boolean;
  anchorId?: string;
  /** Pixels from the anchor message's top to the thread's top edge. */
  offset?: number;
}

const KEY = 'infra-assistant:panel';

export function readPanelSession(store: Storage | undefined = globalThis.sessionStorage): PanelSession {
  try {
    return (JSON.parse(store?.getItem(KEY) ?? '{}') as PanelSession) ?? {};
  } catch {
    return {};
  }
}

export function writePanelSession(patch: PanelSession, store: Storage | undefined = globalThis.sessionStorage): void {
  try {
    store?.setItem(KEY, JSON.stringify({ ...readPanelSession(store), ...patch }));
  } catch {
    // Storage can be full or disabled by the page's policy: the panel still works, it just won't come back.
  }
}

/**
 * Whether this page load may continue a panel open before it in this tab: a
 * reload, back/forward, or a navigation from a page of the same app. Only
 * then is sessionStorage read on load: its first read in a page costs a
 * blocking round trip to the browser, and a fresh visit has nothing to continue.
 */
export function mayContinueSession(
  navigation: { type?: string } | undefined = globalThis.performance?.getEntriesByType?.('navigation')[0] as { type?: string } | undefined,
  referrer: string = globalThis.document?.referrer ?? '',
  origin: string = globalThis.location?.origin ?? '',
): boolean {
  if (!navigation?.type || navigation.type === 'reload' || navigation.type === 'back_forward') return true;
  try {
    return !!referrer && new URL(referrer).origin === origin;
  } catch {
    return false;
  }
}
