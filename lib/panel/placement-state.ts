import { DEFAULT_PLACEMENT, sanitizePlacement, type PanelPlacement } from './placement';

/** Where the placement is kept (the background, over the typed protocol). */
export interface PlacementBackend {
  load(): Promise<PanelPlacement>;
  save(patch: Partial<PanelPlacement>): Promise<unknown>;
}

/**
 * The panel's placement preferences, outside React: live changes while the
 * user drags (`preview`), saved when a drag ends or a choice is made
 * (`commit`). A slow first load never overwrites what the user already did.
 */
export class PlacementState {
  private placement: PanelPlacement = DEFAULT_PLACEMENT;
  private listeners = new Set<() => void>();
  private touched = false;

  constructor(private readonly backend: PlacementBackend) {}

  get = (): PanelPlacement => this.placement;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Read the stored placement; resolves once known (or failed: the defaults stay). */
  async load(): Promise<void> {
    try {
      const stored = sanitizePlacement(await this.backend.load());
      if (!this.touched) this.set(stored);
    } catch {
      // No background to ask (it is restarting): keep the defaults, the next commit saves.
    }
  }

  /** Show a change now, without saving it (a drag in progress). */
  preview(patch: Partial<PanelPlacement>): void {
    this.touched = true;
    this.set({ ...this.placement, ...patch });
  }

  /** Show and save a change. */
  commit(patch: Partial<PanelPlacement>): void {
    this.preview(patch);
    this.backend.save(patch).catch(() => undefined);
  }

  private set(next: PanelPlacement): void {
    this.placement = next;
    for (const listener of this.listeners) listener();
  }
}
