import { usePointerDrag } from '../hooks/usePointerDrag';

interface ResizeHandleProps {
  width: number;
  /** `final` once the drag ends (or on each key press): then the width is saved. */
  onResize: (width: number, final: boolean) => void;
}

/** The docked sidebar's left edge: drag it (or use the arrow keys) to change the width. */
export function ResizeHandle({ width, onResize }: ResizeHandleProps) {
  const drag = usePointerDrag<number>({
    start: () => width,
    // Dragging left widens a panel docked on the right.
    move: (startWidth, dx) => onResize(startWidth - dx, false),
    end: (startWidth, dx) => onResize(startWidth - dx, true),
  });
  return (
    <div
      className="ia-resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the assistant panel"
      aria-valuenow={width}
      tabIndex={0}
      data-testid="ia-resize-handle"
      {...drag}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 64 : 16;
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          onResize(width + (event.key === 'ArrowLeft' ? step : -step), true);
        }
      }}
    />
  );
}
