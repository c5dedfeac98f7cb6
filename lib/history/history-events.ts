import type { HistoryChange } from '../db/conversation-store';

/** In the panel: the background's `history.changed` messages, for the parts of the UI that show the history. */
export class HistoryEvents {
  private readonly listeners = new Set<(change: HistoryChange) => void>();

  subscribe = (listener: (change: HistoryChange) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  emit(change: HistoryChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
