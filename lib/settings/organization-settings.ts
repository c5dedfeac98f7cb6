import { storage } from 'wxt/utils/storage';
import type { OrganizationSettings } from './modes';

export { BUILD_DISABLED_REASON, effectiveMode, modeAvailability, type ModeAvailability, type OrganizationSettings } from './modes';

/**
 * What an admin decides for the whole organization. Read in the background
 * only (a content script could be told anything by a page, so it is never
 * the one that decides); the panel asks for the resulting mode availability.
 */
export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = { buildModeEnabled: false };

export const organizationSettingsItem = storage.defineItem<OrganizationSettings>('local:organizationSettings', {
  fallback: DEFAULT_ORGANIZATION_SETTINGS,
});
