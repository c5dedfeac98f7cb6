import { storage } from 'wxt/utils/storage';
import type { ChatMode } from '../db/database';

/**
 * What an admin decides for the whole organization. Read in the background
 * only (a content script could be told anything by a page, so it is never
 * the one that decides); the panel asks for the resulting mode availability.
 */
export interface OrganizationSettings {
  /** Build mode (changes with approval) is off until an admin turns it on. */
  buildModeEnabled: boolean;
}

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = { buildModeEnabled: false };

export const organizationSettingsItem = storage.defineItem<OrganizationSettings>('local:organizationSettings', {
  fallback: DEFAULT_ORGANIZATION_SETTINGS,
});

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
