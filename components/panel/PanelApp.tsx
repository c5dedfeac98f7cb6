import { useCallback } from 'react';
import type { PanelState } from '../../lib/panel/panel-state';
import type { PlacementState } from '../../lib/panel/placement-state';
import type { HistoryEvents } from '../../lib/history/history-events';
import { usePanelState } from '../hooks/usePanelState';
import { usePanelPlacement } from '../hooks/usePanelPlacement';
import { Panel } from './Panel';
import { PanelFrame } from './PanelFrame';

export function PanelApp({ state, placementState, historyEvents }: { state: PanelState; placementState: PlacementState; historyEvents: HistoryEvents }) {
  const { open, focusToken } = usePanelState(state);
  const placement = usePanelPlacement(placementState, open);
  const close = useCallback(() => state.close(), [state]);
  // Kept mounted while closed so a running answer and the draft survive closing.
  return (
    <div className="ia-root" data-open={open}>
      <PanelFrame open={open} placement={placement}>
        <Panel
          focusToken={focusToken}
          open={open}
          layout={placement.layout}
          onClose={close}
          onToggleLayout={placement.toggleLayout}
          historyEvents={historyEvents}
        />
      </PanelFrame>
    </div>
  );
}
