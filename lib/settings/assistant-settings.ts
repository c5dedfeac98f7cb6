import { storage } from 'wxt/utils/storage';

export interface AssistantSettings {
  /** Where the Spacelift docs live (mkdocs site root); self-hosted installs have their own. */
  docsBaseUrl: string;
}

export const DEFAULT_ASSISTANT_SETTINGS: AssistantSettings = { docsBaseUrl: 'https://docs.spacelift.io' };

export const assistantSettingsItem = storage.defineItem<AssistantSettings>('local:assistantSettings', {
  fallback: DEFAULT_ASSISTANT_SETTINGS,
});
