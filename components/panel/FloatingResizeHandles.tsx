import type { KeyboardEvent } from 'react';
import { resizeFloatingRect, RESIZE_EDGES, type FloatingRect, type ResizeEdge, type Viewport } from '../../lib/panel/placement';
import { usePointerDrag } from '../hooks/usePointerDrag';

interface FloatingResizeHandlesProps {
  rect: FloatingRect;
  viewport: Viewport;
  onChange: (rect: FloatingRect, final: boolean) => void;
}

/** Grips on every edge and corner of the floating window; the bottom-right one also answers the arrow keys. */
export function FloatingResizeHandles(props: FloatingResizeHandlesProps) {
  return (
    <>
      {RESIZE_EDGES.map((edge) => (
        <EdgeHandle key={edge} edge={edge} {...props} />
      ))}
    </>
  );
}

function EdgeHandle({ edge, rect, viewport, onChange }: FloatingResizeHandlesProps & { edge: ResizeEdge }) {
  const drag = usePointerDrag<FloatingRect>({
    start: () => rect,
    move: (start, dx, dy) => onChange(resizeFloatingRect(start, edge, dx, dy, viewport), false),
    end: (start, dx, dy) => onChange(resizeFloatingRect(start, edge, dx, dy, viewport), true),
  });
  const keyboard = edge === 'se';
  return (
    <div
      className={`ia-float-handle ia-float-handle-${edge}`}
      data-testid={`ia-float-resize-${edge}`}
      aria-hidden={keyboard ? undefined : true}
      {...(keyboard
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-label': `Resize the assistant window (arrow keys), now ${rect.width} by ${rect.height}`,
            onKeyDown: (event: KeyboardEvent) => {
              const step = event.shiftKey ? 64 : 16;
              const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
              if (!delta) return;
              event.preventDefault();
              onChange(resizeFloatingRect(rect, 'se', delta[0]!, delta[1]!, viewport), true);
            },
          }
        : {})}
      {...drag}
    />
  );
}
