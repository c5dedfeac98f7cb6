import type { UIMessage } from 'ai';
import { costMicros, tokenUsageOf } from './pricing';
import type { ModelPrice } from '../models/model-catalog';

/** What one answer used, kept in its message's metadata so it can be shown under the answer. */
export interface AnswerUsage {
  integrationName: string;
  model: string;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  /** null when the model has no price. */
  costMicros: number | null;
  /** Model calls (steps) the answer took. */
  calls: number;
}

export interface AnswerMetadata {
  usage?: AnswerUsage;
}

export function answerUsageOf(message: UIMessage): AnswerUsage | undefined {
  const usage = (message.metadata as AnswerMetadata | undefined)?.usage;
  return usage && typeof usage.inputTokens === 'number' ? usage : undefined;
}

export function answerUsage(
  total: Parameters<typeof tokenUsageOf>[0],
  calls: number,
  model: { integrationName: string; model: string; price?: ModelPrice },
): AnswerUsage {
  const usage = tokenUsageOf(total);
  return {
    integrationName: model.integrationName,
    model: model.model,
    inputTokens: usage.inputTokens,
    cachedInputTokens: usage.cachedInputTokens,
    outputTokens: usage.outputTokens,
    costMicros: model.price ? costMicros(usage, model.price) : null,
    calls,
  };
}
