import { useEffect, useMemo, useState } from 'react';
import type { HistoryHit } from '../../lib/history/search';
import type { HistoryEvents } from '../../lib/history/history-events';
import { LatestOnly } from '../../lib/history/latest-only';
import { requestBackground } from '../../lib/messaging/requests';

// The best 30: more than a screenful, and each costs a read for its snippet.
const RESULTS = 30;

/**
 * Search as the user types: debounced, answered by the background's index,
 * only the latest query's results shown (older answers arriving late are
 * dropped), run again when the history changes.
 */
export function useHistorySearch(query: string, events: HistoryEvents, active: boolean) {
  const [result, setResult] = useState<{ query: string; hits: HistoryHit[]; error?: string } | null>(null);
  const runner = useMemo(
    () =>
      new LatestOnly<string, HistoryHit[]>(
        (q) => requestBackground('history.search', { query: q, limit: RESULTS }),
        (q, hits) => setResult({ query: q, hits }),
        (q, error) => setResult({ query: q, hits: [], error: error instanceof Error ? error.message : String(error) }),
      ),
    [],
  );
  const searching = active && query.trim().length > 0;

  useEffect(() => {
    if (!searching) {
      runner.cancel();
      setResult(null);
      return;
    }
    runner.request(query);
  }, [query, searching, runner]);

  useEffect(() => {
    if (!searching) return;
    return events.subscribe(() => runner.request(query, true));
  }, [events, query, searching, runner]);

  useEffect(() => () => runner.cancel(), [runner]);

  return {
    searching,
    hits: searching ? (result?.hits ?? []) : [],
    /** The shown results are for an older query (a newer one is on its way). */
    pending: searching && result?.query !== query,
    /** Results have arrived for some query since searching began. */
    answered: searching && result !== null,
    error: searching ? result?.error : undefined,
  };
}
