import { useCallback, useInsertionEffect, useRef } from 'react';

/**
 * A function whose identity never changes but that always calls the latest
 * `callback`: pass it to memoised children without re-rendering them when the
 * parent re-creates its callback. Call it from event handlers, not during render.
 */
export function useStableCallback<Args extends unknown[], Result>(callback: (...args: Args) => Result): (...args: Args) => Result {
  const latest = useRef(callback);
  useInsertionEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: Args) => latest.current(...args), []);
}
