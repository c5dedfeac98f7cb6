import type { ChatMode } from '../db/database';

/** Pure rules about modes, shared by the background and the panel (no storage here: the panel stays lean). */
export interface OrganizationSettings {
  /** Build mode (changes with approval) is off until an admin turns it on. */
  buildModeEnabled: boolean;
}

export const BUILD_DISABLED_REASON = 'Build mode is disabled for your organization. Contact an admin.';

/** Which modes the panel may offer, with the reason shown on one that is not available. */
export interface ModeAvailability {
  build: { enabled: boolean; reason?: string };
}

export function modeAvailability(settings: OrganizationSettings | null | undefined): ModeAvailability {
  return settings?.buildModeEnabled === true ? { build: { enabled: true } } : { build: { enabled: false, reason: BUILD_DISABLED_REASON } };
}

/** The mode an answer really runs in: Build only when the organization allows it, whatever the panel asked. */
export function effectiveMode(requested: unknown, settings: OrganizationSettings | null | undefined): ChatMode {
  return requested === 'build' && settings?.buildModeEnabled === true ? 'build' : 'ask';
}
