import { storage } from 'wxt/utils/storage';

/**
 * The single model setting of the first releases, kept only so that its
 * stored value can be read once and turned into an AI integration
 * (migrateLegacySettings in model-integrations.ts), then removed.
 */
export type ModelProvider = 'openai' | 'openai-compatible';

export interface ModelSettings {
  provider: ModelProvider;
  baseURL: string;
  apiKey: string;
  model: string;
}

export const modelSettingsItem = storage.defineItem<ModelSettings | null>('local:modelSettings', { fallback: null });

/** A key with all but its last 4 characters hidden, for forms and lists. */
export function maskKey(key: string): string {
  if (!key) return '';
  return `${'•'.repeat(Math.min(12, Math.max(4, key.length - 4)))}${key.slice(-4)}`;
}
