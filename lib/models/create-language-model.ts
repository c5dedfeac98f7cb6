import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { ModelSettings } from '../settings/model-settings';

/** Build the AI SDK model for the user's settings. Runs in the background only. */
export function createLanguageModel(settings: ModelSettings): LanguageModel {
  const baseURL = settings.baseURL.replace(/\/+$/, '') || undefined;
  if (settings.provider === 'openai') {
    return createOpenAI({ apiKey: settings.apiKey, baseURL })(settings.model);
  }
  return createOpenAICompatible({
    name: 'custom',
    baseURL: baseURL ?? '',
    apiKey: settings.apiKey || undefined,
    includeUsage: true,
  }).chatModel(settings.model);
}
