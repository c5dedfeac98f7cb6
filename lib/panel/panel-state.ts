/** The panel's open/closed state, outside React so the content script side can drive it. */
export interface PanelSnapshot {
  open: boolean;
  /** Bumped on every open, so the composer can take focus again. */
  focusToken: number;
}

export class PanelState {
  private snapshot: PanelSnapshot = { open: false, focusToken: 0 };
  private listeners = new Set<() => void>();

  get = (): PanelSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  open(): void {
    this.set({ open: true, focusToken: this.snapshot.focusToken + 1 });
  }

  close(): void {
    this.set({ ...this.snapshot, open: false });
  }

  toggle(): { open: boolean } {
    if (this.snapshot.open) this.close();
    else this.open();
    return { open: this.snapshot.open };
  }

  private set(next: PanelSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
