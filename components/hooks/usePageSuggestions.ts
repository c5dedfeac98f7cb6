import { useEffect, useState } from 'react';
import { parsePath } from '../../lib/spacelift/routes';
import { readPageHints, suggestionsFor } from '../../lib/panel/suggestions';

const RECHECK_MS = 1_000;

/** Suggestions for the page the user is on now; the app navigates client-side, so look again while shown. */
export function usePageSuggestions(active: boolean): string[] {
  const compute = () => suggestionsFor(parsePath(location.pathname), readPageHints(document));
  const [suggestions, setSuggestions] = useState(compute);
  useEffect(() => {
    if (!active) return;
    setSuggestions(compute());
    const timer = setInterval(() => {
      const next = compute();
      setSuggestions((current) => (current.join('\n') === next.join('\n') ? current : next));
    }, RECHECK_MS);
    return () => clearInterval(timer);
  }, [active]);
  return suggestions;
}
