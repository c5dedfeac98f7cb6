import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { Integration } from '../settings/model-integrations';

/** Build the AI SDK model for one model of an integration. Runs in the background only. */
export function createLanguageModel(integration: Pick<Integration, 'provider' | 'baseURL' | 'apiKey'>, modelId: string): LanguageModel {
  const baseURL = integration.baseURL.trim().replace(/\/+$/, '') || undefined;
  const apiKey = integration.apiKey || undefined;
  switch (integration.provider) {
    case 'openai':
      return createOpenAI({ apiKey, baseURL })(modelId);
    case 'anthropic':
      return createAnthropic({
        apiKey,
        baseURL,
        // The extension's worker sends an Origin header; Anthropic refuses such requests without this.
        headers: { 'anthropic-dangerous-direct-browser-access': 'true' },
      })(modelId);
    case 'google':
      return createGoogleGenerativeAI({ apiKey, baseURL })(modelId);
    case 'openai-compatible':
      return createOpenAICompatible({ name: 'custom', baseURL: baseURL ?? '', apiKey, includeUsage: true }).chatModel(modelId);
  }
}
