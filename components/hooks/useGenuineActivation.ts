import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { checkActivation, type ActivationVerdict } from '../../lib/panel/genuine-activation';

/**
 * Wrap an approval's click handler so that only a person's click on our own
 * button runs it (see lib/panel/genuine-activation.ts for what is checked and
 * why). `refused` says what was turned away, for the card to show.
 */
export function useGenuineActivation(now: () => number = () => performance.now()) {
  const shownAt = useRef(Number.POSITIVE_INFINITY);
  const [refused, setRefused] = useState<Exclude<ActivationVerdict, 'ok' | 'too-soon'> | null>(null);
  useEffect(() => {
    shownAt.current = now();
  }, []);
  const guard = (action: () => void) => (event: MouseEvent<HTMLButtonElement>) => {
    const button = event.currentTarget;
    const root = button.getRootNode();
    // The panel always lives in a shadow root; a button anywhere else is not ours.
    const verdict: ActivationVerdict =
      typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot
        ? checkActivation(event.nativeEvent, button, root, { shownAt: shownAt.current, now: now() })
        : 'elsewhere';
    if (verdict === 'ok') {
      setRefused(null);
      action();
    } else if (verdict !== 'too-soon') {
      setRefused(verdict);
    }
  };
  return { guard, refused };
}
