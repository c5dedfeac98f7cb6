/**
 * The providers an AI integration can use, and what differs between them:
 * the default API base, whether a key is required, and how the provider's
 * models endpoint is called. Runs anywhere (no secrets here).
 */
export const PROVIDERS = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;
export type ProviderKind = (typeof PROVIDERS)[number];

export interface ProviderInfo {
  kind: ProviderKind;
  label: string;
  /** The API base the AI SDK uses when the integration leaves the base URL empty. */
  defaultBaseURL: string;
  /** A base URL must be given (a custom endpoint has no default). */
  needsBaseURL: boolean;
  /** A key must be given (local servers such as Ollama take none). */
  needsApiKey: boolean;
  placeholderBaseURL: string;
  placeholderModel: string;
}

export const PROVIDER_INFO: Record<ProviderKind, ProviderInfo> = {
  openai: {
    kind: 'openai',
    label: 'OpenAI',
    defaultBaseURL: 'https://api.openai.com/v1',
    needsBaseURL: false,
    needsApiKey: true,
    placeholderBaseURL: 'https://api.openai.com/v1 (default)',
    placeholderModel: 'gpt-4.1-mini',
  },
  anthropic: {
    kind: 'anthropic',
    label: 'Anthropic',
    defaultBaseURL: 'https://api.anthropic.com/v1',
    needsBaseURL: false,
    needsApiKey: true,
    placeholderBaseURL: 'https://api.anthropic.com/v1 (default)',
    placeholderModel: 'claude-sonnet-4-5',
  },
  google: {
    kind: 'google',
    label: 'Google Gemini',
    defaultBaseURL: 'https://generativelanguage.googleapis.com/v1beta',
    needsBaseURL: false,
    needsApiKey: true,
    placeholderBaseURL: 'https://generativelanguage.googleapis.com/v1beta (default)',
    placeholderModel: 'gemini-2.5-flash',
  },
  'openai-compatible': {
    kind: 'openai-compatible',
    label: 'OpenAI-compatible (Ollama, LM Studio, LiteLLM, OpenRouter, Azure OpenAI, vLLM…)',
    defaultBaseURL: '',
    needsBaseURL: true,
    needsApiKey: false,
    placeholderBaseURL: 'http://localhost:11434/v1',
    placeholderModel: 'llama3.1',
  },
};

/** The base URL the integration really talks to, without a trailing slash. */
export function effectiveBaseURL(provider: ProviderKind, baseURL: string): string {
  const trimmed = baseURL.trim().replace(/\/+$/, '');
  return trimmed || PROVIDER_INFO[provider].defaultBaseURL;
}

/**
 * Hosts the extension may always reach (manifest host_permissions). Any other
 * endpoint is an optional host permission, asked for at run time.
 */
export const BUILT_IN_MODEL_HOSTS = ['https://api.openai.com/*', 'https://api.anthropic.com/*', 'https://generativelanguage.googleapis.com/*'];

/** The match pattern of an endpoint's origin, as `permissions.request` takes it. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
