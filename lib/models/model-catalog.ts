import type { ProviderKind } from './providers';

/** US dollars per million tokens. */
export interface ModelPrice {
  inputPerM: number;
  outputPerM: number;
  /** Cached input read from the provider's prompt cache; the input price when absent. */
  cachedInputPerM?: number;
  /** Input written to the prompt cache (Anthropic charges extra); the input price when absent. */
  cacheWritePerM?: number;
}

export interface ModelCapabilities {
  /** Can call tools (function calling). A model without it chats without the assistant's tools. */
  toolCalling: boolean;
  /** Context window in tokens, when known. */
  contextTokens?: number;
  price?: ModelPrice;
}

interface CatalogEntry extends ModelCapabilities {
  /** A model id or the stem of a family of dated ids ("claude-sonnet-4-5" covers "claude-sonnet-4-5-20250929"). */
  id: string;
}

/**
 * The maintained table: what each known model can do and what it costs.
 * Prices are the providers' published list prices (standard tier, prompts
 * under any long-context surcharge), last checked 2026-06 against the price
 * pages as quoted by public summaries. Providers change them: an integration
 * can override any of these per model in the popup, and a user-entered value
 * always wins over this table.
 */
export const MODEL_TABLE_CHECKED = '2026-06';

const OPENAI: CatalogEntry[] = [
  { id: 'gpt-5.5', toolCalling: true, contextTokens: 1_000_000, price: { inputPerM: 5, outputPerM: 30, cachedInputPerM: 0.5 } },
  { id: 'gpt-5.4', toolCalling: true, contextTokens: 1_000_000, price: { inputPerM: 2.5, outputPerM: 15, cachedInputPerM: 0.25 } },
  { id: 'gpt-5.4-mini', toolCalling: true, contextTokens: 1_000_000, price: { inputPerM: 0.75, outputPerM: 4.5, cachedInputPerM: 0.075 } },
  { id: 'gpt-5.4-nano', toolCalling: true, contextTokens: 1_000_000, price: { inputPerM: 0.2, outputPerM: 1.25, cachedInputPerM: 0.02 } },
  { id: 'gpt-5', toolCalling: true, contextTokens: 400_000, price: { inputPerM: 1.25, outputPerM: 10, cachedInputPerM: 0.125 } },
  { id: 'gpt-5-mini', toolCalling: true, contextTokens: 400_000, price: { inputPerM: 0.25, outputPerM: 2, cachedInputPerM: 0.025 } },
  { id: 'gpt-5-nano', toolCalling: true, contextTokens: 400_000, price: { inputPerM: 0.05, outputPerM: 0.4, cachedInputPerM: 0.005 } },
  { id: 'gpt-4.1', toolCalling: true, contextTokens: 1_047_576, price: { inputPerM: 2, outputPerM: 8, cachedInputPerM: 0.5 } },
  { id: 'gpt-4.1-mini', toolCalling: true, contextTokens: 1_047_576, price: { inputPerM: 0.4, outputPerM: 1.6, cachedInputPerM: 0.1 } },
  { id: 'gpt-4.1-nano', toolCalling: true, contextTokens: 1_047_576, price: { inputPerM: 0.1, outputPerM: 0.4, cachedInputPerM: 0.025 } },
  { id: 'gpt-4o', toolCalling: true, contextTokens: 128_000, price: { inputPerM: 2.5, outputPerM: 10, cachedInputPerM: 1.25 } },
  { id: 'gpt-4o-mini', toolCalling: true, contextTokens: 128_000, price: { inputPerM: 0.15, outputPerM: 0.6, cachedInputPerM: 0.075 } },
  { id: 'o3', toolCalling: true, contextTokens: 200_000, price: { inputPerM: 2, outputPerM: 8, cachedInputPerM: 0.5 } },
  { id: 'o3-mini', toolCalling: true, contextTokens: 200_000, price: { inputPerM: 1.1, outputPerM: 4.4, cachedInputPerM: 0.55 } },
  { id: 'o4-mini', toolCalling: true, contextTokens: 200_000, price: { inputPerM: 1.1, outputPerM: 4.4, cachedInputPerM: 0.275 } },
  { id: 'o1-mini', toolCalling: false, contextTokens: 128_000, price: { inputPerM: 1.1, outputPerM: 4.4, cachedInputPerM: 0.55 } },
];

// Anthropic: cache reads are 0.1x and 5-minute cache writes 1.25x the input price.
const anthropic = (id: string, input: number, output: number, contextTokens: number): CatalogEntry => ({
  id,
  toolCalling: true,
  contextTokens,
  price: { inputPerM: input, outputPerM: output, cachedInputPerM: input / 10, cacheWritePerM: input * 1.25 },
});
const ANTHROPIC: CatalogEntry[] = [
  anthropic('claude-opus-4-6', 5, 25, 1_000_000),
  anthropic('claude-opus-4-5', 5, 25, 200_000),
  anthropic('claude-opus-4-1', 15, 75, 200_000),
  anthropic('claude-opus-4', 15, 75, 200_000),
  anthropic('claude-sonnet-4-6', 3, 15, 1_000_000),
  anthropic('claude-sonnet-4-5', 3, 15, 200_000),
  anthropic('claude-sonnet-4', 3, 15, 200_000),
  anthropic('claude-3-7-sonnet', 3, 15, 200_000),
  anthropic('claude-haiku-4-5', 1, 5, 200_000),
  anthropic('claude-3-5-haiku', 0.8, 4, 200_000),
  anthropic('claude-3-haiku', 0.25, 1.25, 200_000),
];

const GOOGLE: CatalogEntry[] = [
  { id: 'gemini-3.1-pro', toolCalling: true, contextTokens: 1_048_576, price: { inputPerM: 2, outputPerM: 12, cachedInputPerM: 0.2 } },
  { id: 'gemini-3-flash', toolCalling: true, contextTokens: 1_048_576, price: { inputPerM: 0.5, outputPerM: 3, cachedInputPerM: 0.05 } },
  { id: 'gemini-2.5-pro', toolCalling: true, contextTokens: 1_048_576, price: { inputPerM: 1.25, outputPerM: 10, cachedInputPerM: 0.31 } },
  { id: 'gemini-2.5-flash', toolCalling: true, contextTokens: 1_048_576, price: { inputPerM: 0.3, outputPerM: 2.5, cachedInputPerM: 0.075 } },
  { id: 'gemini-2.5-flash-lite', toolCalling: true, contextTokens: 1_048_576, price: { inputPerM: 0.1, outputPerM: 0.4, cachedInputPerM: 0.025 } },
  { id: 'gemini-2.0-flash', toolCalling: true, contextTokens: 1_048_576, price: { inputPerM: 0.1, outputPerM: 0.4, cachedInputPerM: 0.025 } },
];

/**
 * Open models as local servers (Ollama, LM Studio, vLLM) name them: capability
 * only, no price (free when local, the host's price when hosted).
 */
const OPEN_MODELS: CatalogEntry[] = [
  { id: 'llama3.1', toolCalling: true, contextTokens: 128_000 },
  { id: 'llama3.2', toolCalling: true, contextTokens: 128_000 },
  { id: 'llama3.3', toolCalling: true, contextTokens: 128_000 },
  { id: 'qwen2.5', toolCalling: true, contextTokens: 32_768 },
  { id: 'qwen3', toolCalling: true, contextTokens: 40_960 },
  { id: 'mistral', toolCalling: true, contextTokens: 32_768 },
  { id: 'llama2', toolCalling: false, contextTokens: 4_096 },
  { id: 'llama3', toolCalling: false, contextTokens: 8_192 },
  { id: 'gemma2', toolCalling: false, contextTokens: 8_192 },
  { id: 'gemma3', toolCalling: false, contextTokens: 128_000 },
  { id: 'phi3', toolCalling: false, contextTokens: 128_000 },
  { id: 'deepseek-r1', toolCalling: false, contextTokens: 128_000 },
];

const TABLES: Record<ProviderKind, CatalogEntry[]> = {
  openai: OPENAI,
  anthropic: ANTHROPIC,
  google: GOOGLE,
  // An OpenAI-compatible gateway (LiteLLM, OpenRouter, Azure) may serve any of them.
  'openai-compatible': [...OPENAI, ...ANTHROPIC, ...GOOGLE, ...OPEN_MODELS],
};

/** What we assume about a model nobody described: it can call tools (most can), price unknown. */
export const UNKNOWN_MODEL: ModelCapabilities = { toolCalling: true };

/**
 * The table's entry for a model id: the longest id or family stem that the
 * id starts with, followed by nothing or a version/date separator. Gateways'
 * vendor prefixes ("openai/gpt-4.1-mini", "models/gemini-2.5-flash") are ignored.
 */
export function lookupModel(provider: ProviderKind, modelId: string): CatalogEntry | undefined {
  const id = normalizeModelId(modelId);
  let best: CatalogEntry | undefined;
  for (const entry of TABLES[provider]) {
    if (!id.startsWith(entry.id)) continue;
    const rest = id.slice(entry.id.length);
    if (rest && !/^[-:@_]/.test(rest)) continue;
    if (!best || entry.id.length > best.id.length) best = entry;
  }
  return best;
}

export function normalizeModelId(modelId: string): string {
  const id = modelId.trim().toLowerCase().replace(/^.*\//, '');
  // Anthropic spells versions with dashes; gateways often with dots ("claude-sonnet-4.5").
  return id.startsWith('claude') ? id.replace(/\./g, '-') : id;
}

export interface ModelOverrides {
  toolCalling?: boolean;
  contextTokens?: number;
  price?: ModelPrice;
}

export interface ModelInfo extends ModelCapabilities {
  id: string;
  /** Where the figures come from: the table, the user's own values, or neither. */
  source: 'table' | 'custom' | 'unknown';
}

/** A model's capabilities and price: the user's overrides over the table over the defaults. */
export function resolveModelInfo(provider: ProviderKind, modelId: string, overrides: ModelOverrides = {}): ModelInfo {
  const entry = lookupModel(provider, modelId);
  const custom = overrides.toolCalling !== undefined || overrides.contextTokens !== undefined || overrides.price !== undefined;
  const base: ModelCapabilities = entry ?? UNKNOWN_MODEL;
  const info: ModelInfo = {
    id: modelId,
    toolCalling: overrides.toolCalling ?? base.toolCalling,
    source: custom ? 'custom' : entry ? 'table' : 'unknown',
  };
  const contextTokens = overrides.contextTokens ?? base.contextTokens;
  const price = overrides.price ?? base.price;
  if (contextTokens !== undefined) info.contextTokens = contextTokens;
  if (price) info.price = price;
  return info;
}

/** Known models of a provider, for suggestions when it has no models endpoint or it failed. */
export function knownModelIds(provider: ProviderKind): string[] {
  return provider === 'openai-compatible' ? OPEN_MODELS.map((m) => m.id) : TABLES[provider].map((m) => m.id);
}
