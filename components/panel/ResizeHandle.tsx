import { useRef } from 'react';

interface ResizeHandleProps {
  width: number;
  onResize: (width: number) => void;
  onResizeEnd: (width: number) => void;
}

/** The sidebar's left edge: drag it (or use the arrow keys) to change the width. */
export function ResizeHandle({ width, onResize, onResizeEnd }: ResizeHandleProps) {
  const drag = useRef<{ startX: number; startWidth: number; last: number } | null>(null);
  return (
    <div
      className="ia-resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the assistant panel"
      aria-valuenow={width}
      tabIndex={0}
      data-testid="ia-resize-handle"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { startX: event.clientX, startWidth: width, last: width };
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        // Dragging left widens a panel docked on the right.
        drag.current.last = drag.current.startWidth + (drag.current.startX - event.clientX);
        onResize(drag.current.last);
      }}
      onPointerUp={() => {
        if (drag.current) onResizeEnd(drag.current.last);
        drag.current = null;
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 64 : 16;
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          const next = width + (event.key === 'ArrowLeft' ? step : -step);
          onResize(next);
          onResizeEnd(next);
        }
      }}
    />
  );
}
