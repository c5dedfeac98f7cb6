import { useSyncExternalStore } from 'react';
import type { PanelSnapshot, PanelState } from '../../lib/panel/panel-state';

export function usePanelState(state: PanelState): PanelSnapshot {
  return useSyncExternalStore(state.subscribe, state.get, state.get);
}
