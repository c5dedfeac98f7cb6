import type { PanelState } from '../../lib/panel/panel-state';
import { usePanelState } from '../hooks/usePanelState';
import { Panel } from './Panel';

export function PanelApp({ state }: { state: PanelState }) {
  const { open, focusToken } = usePanelState(state);
  // Kept mounted while closed so a running answer and the draft survive closing.
  return (
    <div className="ia-root" data-open={open} hidden={!open}>
      <Panel focusToken={focusToken} open={open} onClose={() => state.close()} />
    </div>
  );
}
