import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { useStableCallback } from './useStableCallback';

export interface DragCallbacks<Start> {
  /** Called on pointer down; return what the drag starts from, or null to not start one. */
  start: (event: ReactPointerEvent<HTMLElement>) => Start | null;
  /** Called on every move with the distance from the start. */
  move: (start: Start, dx: number, dy: number) => void;
  /** Called once when the pointer is released (or the drag is cancelled) with the final distance. */
  end: (start: Start, dx: number, dy: number) => void;
}

/**
 * A drag with pointer capture: moves keep coming to the element even when the
 * pointer leaves it (or the panel), and nothing is added to the page's document.
 * Spread the returned handlers on the element that starts the drag.
 */
export function usePointerDrag<Start>(callbacks: DragCallbacks<Start>) {
  const drag = useRef<{ start: Start; x: number; y: number; dx: number; dy: number; pointerId: number } | null>(null);
  const onPointerDown = useStableCallback((event: ReactPointerEvent<HTMLElement>) => {
    if (event.button !== 0 || drag.current) return;
    const start = callbacks.start(event);
    if (start === null) return;
    event.preventDefault(); // no text selection while dragging
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { start, x: event.clientX, y: event.clientY, dx: 0, dy: 0, pointerId: event.pointerId };
  });
  const onPointerMove = useStableCallback((event: ReactPointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    // Released where we did not hear it (outside the window): the drag ended where it last was.
    if (event.pointerType === 'mouse' && (event.buttons & 1) === 0) {
      drag.current = null;
      callbacks.end(current.start, current.dx, current.dy);
      return;
    }
    current.dx = event.clientX - current.x;
    current.dy = event.clientY - current.y;
    callbacks.move(current.start, current.dx, current.dy);
  });
  const finish = useStableCallback((event: ReactPointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    callbacks.end(current.start, current.dx, current.dy);
  });
  return { onPointerDown, onPointerMove, onPointerUp: finish, onPointerCancel: finish, onLostPointerCapture: finish };
}
