import type { AnswerUsage } from '../../lib/budget/answer-usage';
import { formatTokens, formatUsd, formatUsdExact } from '../../lib/budget/format';

/** Under an answer: what it used ("1.2k in · 85 out · $0.0012"), exact figures on hover. */
export function AnswerUsageLabel({ usage }: { usage: AnswerUsage }) {
  const cost = usage.costMicros === null ? 'no price' : formatUsd(usage.costMicros);
  const exact = [
    `${usage.integrationName} · ${usage.model}`,
    `${usage.inputTokens.toLocaleString('en-US')} input tokens${usage.cachedInputTokens ? ` (${usage.cachedInputTokens.toLocaleString('en-US')} cached)` : ''}`,
    `${usage.outputTokens.toLocaleString('en-US')} output tokens`,
    `${usage.calls} model call${usage.calls === 1 ? '' : 's'}`,
    usage.costMicros === null ? 'cost unknown (the model has no price)' : formatUsdExact(usage.costMicros),
  ].join(' · ');
  return (
    <span className="ia-answer-usage" data-testid="ia-answer-usage" title={exact}>
      {formatTokens(usage.inputTokens)} in · {formatTokens(usage.outputTokens)} out · {cost}
    </span>
  );
}
