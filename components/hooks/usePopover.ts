import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A menu that opens under its button and stays inside the panel's shadow
 * root: closes on Escape (without closing the panel), on a click outside
 * (seen through the event's composed path, since the page cannot see into
 * the shadow root), and after a choice. Arrow keys move between options.
 */
export function usePopover<T extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const container = useRef<T>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** The menu element: kept inside the panel's edges (the panel can be narrower than the menu's natural place allows). */
  const menu = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = menu.current;
    if (!open || !element) return;
    element.style.transform = '';
    const bounds = (element.closest('.ia-panel') ?? document.documentElement).getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    const margin = 8;
    const shift = rect.left < bounds.left + margin ? bounds.left + margin - rect.left : rect.right > bounds.right - margin ? bounds.right - margin - rect.right : 0;
    if (shift) element.style.transform = `translateX(${Math.round(shift)}px)`;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (container.current && !event.composedPath().includes(container.current)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    // Focus the chosen option (or the first) when the menu opens.
    const options = optionsOf(container.current);
    (options.find((o) => o.getAttribute('aria-selected') === 'true') ?? options[0])?.focus();
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const close = useCallback((refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (!open) return;
      if (event.key === 'Escape') {
        // The panel closes on Escape too: this one is the menu's.
        event.stopPropagation();
        event.preventDefault();
        close();
        return;
      }
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
      const options = optionsOf(container.current);
      if (!options.length) return;
      event.preventDefault();
      const root = container.current?.getRootNode() as Document | ShadowRoot | undefined;
      const index = options.indexOf(root?.activeElement as HTMLElement);
      const next =
        event.key === 'Home' ? 0 : event.key === 'End' ? options.length - 1 : (index + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      options[next]?.focus();
    },
    [open, close],
  );

  return { open, toggle: () => setOpen((o) => !o), close, container, button, menu, onKeyDown };
}

function optionsOf(container: HTMLElement | null): HTMLElement[] {
  return [...(container?.querySelectorAll<HTMLElement>('[role="option"], [data-menu-item]') ?? [])];
}
