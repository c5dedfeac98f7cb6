import type { PanelState } from '../../lib/panel/panel-state';
import { usePanelState } from '../hooks/usePanelState';
import { Panel } from './Panel';
import { ResizeHandle } from './ResizeHandle';
import { useDockWidth } from '../hooks/useDockWidth';
import type { HistoryEvents } from '../../lib/history/history-events';

export function PanelApp({ state, historyEvents }: { state: PanelState; historyEvents: HistoryEvents }) {
  const { open, focusToken } = usePanelState(state);
  const dock = useDockWidth(open);
  // Kept mounted while closed so a running answer and the draft survive closing.
  return (
    <div className="ia-root" data-open={open} hidden={!open} style={{ ['--ia-dock-width' as string]: `${dock.width}px` }}>
      <ResizeHandle width={dock.width} onResize={dock.resize} onResizeEnd={dock.commit} />
      <Panel focusToken={focusToken} open={open} onClose={() => state.close()} historyEvents={historyEvents} />
    </div>
  );
}
