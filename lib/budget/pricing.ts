import type { ModelPrice } from '../models/model-catalog';

/** Token counts of one model call, as the ledger keeps them. */
export interface TokenUsage {
  /** All input tokens, cached ones included. */
  inputTokens: number;
  /** Of the input, read from the provider's prompt cache. */
  cachedInputTokens: number;
  /** Of the input, written to the prompt cache (charged extra by some providers). */
  cacheWriteTokens: number;
  outputTokens: number;
}

/** Money is counted in whole micro-dollars (1e-6 USD): sums of many small calls stay exact. */
export const MICROS_PER_USD = 1_000_000;

export function usdToMicros(usd: number): number {
  return Math.round(usd * MICROS_PER_USD);
}

export function microsToUsd(micros: number): number {
  return micros / MICROS_PER_USD;
}

/**
 * What a call cost at a price per million tokens, in micro-dollars. Input
 * read from the cache is charged at the cached price and cache writes at the
 * write price (each the plain input price when the provider has none);
 * reasoning tokens are part of the output, as providers bill them.
 */
export function costMicros(usage: TokenUsage, price: ModelPrice): number {
  const cached = clamp(usage.cachedInputTokens, usage.inputTokens);
  const written = clamp(usage.cacheWriteTokens, usage.inputTokens - cached);
  const plain = usage.inputTokens - cached - written;
  // Price per million tokens = micro-dollars per token.
  const micros =
    plain * price.inputPerM +
    cached * (price.cachedInputPerM ?? price.inputPerM) +
    written * (price.cacheWritePerM ?? price.inputPerM) +
    usage.outputTokens * price.outputPerM;
  return Math.round(micros);
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, Math.max(0, max)));
}

/** The AI SDK's usage object (fields may be missing) as plain counts. */
export function tokenUsageOf(usage: {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  inputTokenDetails?: { cacheReadTokens?: number | undefined; cacheWriteTokens?: number | undefined };
}): TokenUsage {
  return {
    inputTokens: usage.inputTokens ?? 0,
    cachedInputTokens: usage.inputTokenDetails?.cacheReadTokens ?? 0,
    cacheWriteTokens: usage.inputTokenDetails?.cacheWriteTokens ?? 0,
    outputTokens: usage.outputTokens ?? 0,
  };
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    outputTokens: a.outputTokens + b.outputTokens,
  };
}

export const NO_USAGE: TokenUsage = { inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0 };
