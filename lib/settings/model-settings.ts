import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * The model the assistant talks to. The API key lives only here, in
 * storage.local (never sync), and only the background reads this item.
 * Everything else gets the public view, which says whether a key is set.
 */
export const modelProviderSchema = z.enum(['openai', 'openai-compatible']);
export type ModelProvider = z.infer<typeof modelProviderSchema>;

export const modelSettingsSchema = z.object({
  provider: modelProviderSchema,
  baseURL: z.string().trim().max(500),
  apiKey: z.string().trim().max(500),
  model: z.string().trim().min(1, 'Choose a model').max(200),
});
export type ModelSettings = z.infer<typeof modelSettingsSchema>;

/** What the popup sends: an empty apiKey means "keep the stored one". */
export type ModelSettingsInput = Omit<ModelSettings, 'apiKey'> & { apiKey?: string };

export interface PublicModelSettings {
  configured: boolean;
  provider: ModelProvider;
  baseURL: string;
  model: string;
  hasApiKey: boolean;
  /** The key with all but its last 4 characters hidden, for the settings form. */
  maskedKey: string;
}

export const modelSettingsItem = storage.defineItem<ModelSettings | null>('local:modelSettings', { fallback: null });

export function maskKey(key: string): string {
  if (!key) return '';
  return `${'•'.repeat(Math.min(12, Math.max(4, key.length - 4)))}${key.slice(-4)}`;
}

export function toPublicSettings(settings: ModelSettings | null): PublicModelSettings {
  if (!settings) {
    return { configured: false, provider: 'openai-compatible', baseURL: '', model: '', hasApiKey: false, maskedKey: '' };
  }
  return {
    configured: Boolean(settings.model && (settings.provider === 'openai' ? settings.apiKey : settings.baseURL)),
    provider: settings.provider,
    baseURL: settings.baseURL,
    model: settings.model,
    hasApiKey: settings.apiKey.length > 0,
    maskedKey: maskKey(settings.apiKey),
  };
}

export async function saveModelSettings(input: ModelSettingsInput): Promise<PublicModelSettings> {
  const previous = await modelSettingsItem.getValue();
  const apiKey = input.apiKey?.trim() ? input.apiKey : (previous?.apiKey ?? '');
  const parsed = modelSettingsSchema.parse({ ...input, apiKey });
  if (parsed.provider === 'openai-compatible' && !parsed.baseURL) throw new Error('An OpenAI-compatible endpoint needs a base URL');
  if (parsed.baseURL && !/^https?:\/\//i.test(parsed.baseURL)) throw new Error('The base URL must start with http:// or https://');
  await modelSettingsItem.setValue(parsed);
  return toPublicSettings(parsed);
}
