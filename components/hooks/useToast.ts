import { useCallback, useEffect, useRef, useState } from 'react';

export interface ToastContent {
  message: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** How long a toast stays when nobody hovers or focuses it. */
const TOAST_MS = 8_000;

/** One toast at a time (a new one replaces the last); it waits while hovered or focused. */
export function useToast() {
  const [toast, setToast] = useState<(ToastContent & { key: number }) | null>(null);
  const held = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const dismiss = useCallback(() => setToast(null), []);
  const arm = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!held.current) setToast(null);
    }, TOAST_MS);
  }, []);
  const show = useCallback(
    (content: ToastContent) => {
      setToast((prev) => ({ ...content, key: (prev?.key ?? 0) + 1 }));
      arm();
    },
    [arm],
  );
  const hold = useCallback(
    (on: boolean) => {
      held.current = on;
      if (!on) arm();
    },
    [arm],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { toast, show, dismiss, hold };
}
