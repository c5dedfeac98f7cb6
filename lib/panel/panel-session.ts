/**
 * What the panel needs to come back after a reload of the tab: which
 * conversation was open and whether the panel was. Kept in the tab's
 * sessionStorage (gone when the tab closes); it holds an id, nothing secret.
 */
export interface PanelSession {
  conversationId?: string;
  open?: boolean;
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
