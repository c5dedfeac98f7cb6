import { storage } from 'wxt/utils/storage';
import { DEFAULT_PLACEMENT, sanitizePlacement, sanitizePlacementPatch, type PanelPlacement } from './placement';

/**
 * The panel's placement, per user, in extension storage. Only the background
 * reads and writes it (the panel asks over the typed protocol): the page's own
 * storage never holds it, and the panel needs no storage access of its own.
 */
export const panelPlacementItem = storage.defineItem<PanelPlacement>('local:panelPlacement', { fallback: DEFAULT_PLACEMENT });

export async function readPlacement(): Promise<PanelPlacement> {
  return sanitizePlacement(await panelPlacementItem.getValue());
}

/** Merge a change from a panel; only its well-formed fields are kept. */
export async function savePlacement(patch: unknown): Promise<PanelPlacement> {
  const next = sanitizePlacement({ ...(await readPlacement()), ...sanitizePlacementPatch(patch) });
  await panelPlacementItem.setValue(next);
  return next;
}
