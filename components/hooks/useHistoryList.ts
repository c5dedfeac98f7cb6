import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSummary, HistoryCursor } from '../../lib/db/conversation-store';
import type { HistoryEvents } from '../../lib/history/history-events';
import { requestBackground } from '../../lib/messaging/requests';

const PAGE = 50;
/** A refresh reloads what was loaded, up to this many (the rest load again on scroll). */
const MAX_REFRESH = 1_000;
const REFRESH_DELAY_MS = 80;

interface ListState {
  items: ConversationSummary[];
  next: HistoryCursor | null;
  loaded: boolean;
  error?: string;
}

/**
 * History's list, newest first, paged from the background as the user
 * scrolls. Refreshed when History opens and whenever the history changes
 * (in this tab or another: the background's `history.changed`).
 */
export function useHistoryList(events: HistoryEvents, active: boolean) {
  const [state, setState] = useState<ListState>({ items: [], next: null, loaded: false });
  const stateRef = useRef(state);
  stateRef.current = state;
  const loading = useRef(false);
  // Bumped by every refresh: pages asked for before it are dropped when they arrive.
  const generation = useRef(0);

  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    if (loading.current || (current.loaded && !current.next)) return;
    loading.current = true;
    const gen = generation.current;
    try {
      const page = await requestBackground('history.list', { before: current.next ?? undefined, limit: PAGE });
      if (gen !== generation.current) return;
      setState((prev) => {
        const seen = new Set(prev.items.map((c) => c.id));
        return { items: [...prev.items, ...page.items.filter((c) => !seen.has(c.id))], next: page.next, loaded: true };
      });
    } catch (error) {
      if (gen === generation.current) setState((prev) => ({ ...prev, loaded: true, error: message(error) }));
    } finally {
      loading.current = false;
    }
  }, []);

  const refresh = useCallback(async () => {
    const gen = ++generation.current;
    loading.current = false;
    const limit = Math.min(MAX_REFRESH, Math.max(PAGE, stateRef.current.items.length));
    try {
      const page = await requestBackground('history.list', { limit });
      if (gen === generation.current) setState({ items: page.items, next: page.next, loaded: true });
    } catch (error) {
      if (gen === generation.current) setState((prev) => ({ ...prev, loaded: true, error: message(error) }));
    }
  }, []);

  useEffect(() => {
    if (!active) return;
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = events.subscribe((change) => {
      if (change.accounts.length && !change.accounts.includes(location.origin)) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [active, events, refresh]);

  /** Show a change at once, before the refresh that follows it. */
  const patch = useCallback((id: string, update: ((item: ConversationSummary) => ConversationSummary) | null) => {
    setState((prev) => ({
      ...prev,
      items: update ? prev.items.map((c) => (c.id === id ? update(c) : c)) : prev.items.filter((c) => c.id !== id),
    }));
  }, []);

  return { ...state, hasMore: !state.loaded || state.next !== null, loadMore, refresh, patch };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
