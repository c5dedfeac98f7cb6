import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import { moveFloatingRect, type FloatingRect } from '../../lib/panel/placement';
import type { usePanelPlacement } from '../hooks/usePanelPlacement';
import { usePointerDrag } from '../hooks/usePointerDrag';
import { ResizeHandle } from './ResizeHandle';
import { FloatingResizeHandles } from './FloatingResizeHandles';

interface PanelFrameProps {
  open: boolean;
  placement: ReturnType<typeof usePanelPlacement>;
  children: ReactNode;
}

/** Controls inside the header that keep their own pointer meaning (a drag never starts on them). */
const NOT_A_DRAG = 'button, a, input, textarea, select, [role="radio"], [role="menu"], [role="listbox"], [contenteditable="true"], [data-no-drag]';

/**
 * Puts the panel where the placement says: docked on the right (with its
 * resize edge) or floating (dragged by its header, resized by its edges,
 * moved with the arrow keys on the title). The panel inside does not
 * re-render while it moves: only this frame's position does.
 */
export function PanelFrame({ open, placement, children }: PanelFrameProps) {
  const { layout, dockWidth, floating, viewport, changeFloating } = placement;
  const drag = usePointerDrag<FloatingRect>({
    start: (event) => (layout === 'floating' && isDragStart(event.target) ? floating : null),
    move: (start, dx, dy) => changeFloating(moveFloatingRect(start, dx, dy, viewport), false),
    end: (start, dx, dy) => changeFloating(moveFloatingRect(start, dx, dy, viewport), true),
  });
  const moveByKeyboard = (event: KeyboardEvent<HTMLDivElement>) => {
    if (layout !== 'floating' || !(event.target as Element).closest?.('[data-move-grip]')) return;
    const step = event.shiftKey ? 64 : 16;
    const delta = ({ ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] } as Record<string, [number, number]>)[event.key];
    if (!delta) return;
    event.preventDefault();
    changeFloating(moveFloatingRect(floating, delta[0], delta[1], viewport), true);
  };
  const style: CSSProperties =
    layout === 'docked'
      ? ({ '--ia-dock-width': `${dockWidth}px` } as CSSProperties)
      : // Menus size themselves by the panel's width (--ia-dock-width), docked or not.
        ({ left: floating.x, top: floating.y, width: floating.width, height: floating.height, '--ia-dock-width': `${floating.width}px` } as CSSProperties);
  return (
    <div className="ia-frame" data-layout={layout} data-testid="ia-frame" hidden={!open} style={style} onKeyDown={moveByKeyboard} {...drag}>
      {children}
      {layout === 'docked' ? (
        <ResizeHandle width={dockWidth} onResize={placement.resizeDock} />
      ) : (
        <FloatingResizeHandles rect={floating} viewport={viewport} onChange={changeFloating} />
      )}
    </div>
  );
}

function isDragStart(target: EventTarget | null): boolean {
  const element = target as Element | null;
  return !!element?.closest?.('[data-drag-handle]') && !element.closest(NOT_A_DRAG);
}
