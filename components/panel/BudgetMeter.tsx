import type { PanelIntegration } from '../../lib/models/model-choice';
import { formatUsdExact, formatUsdShort } from '../../lib/budget/format';
import { formatMoment, WINDOW_DAYS } from '../../lib/budget/window';

/** What the meter says, in full: its hover text and accessible name. */
export function budgetFigures(integration: PanelIntegration): string[] {
  const { budget, totals } = integration;
  const lines = [
    budget.limitMicros === null
      ? `${formatUsdExact(budget.usedMicros)} used in the last ${WINDOW_DAYS} days · no budget set`
      : `${formatUsdExact(budget.usedMicros)} of ${formatUsdExact(budget.limitMicros)} used in the last ${WINDOW_DAYS} days (${percent(budget.fraction ?? 0)})`,
    `${totals.calls} model call${totals.calls === 1 ? '' : 's'} · ${totals.inputTokens.toLocaleString('en-US')} input tokens${
      totals.cachedInputTokens ? ` (${totals.cachedInputTokens.toLocaleString('en-US')} cached)` : ''
    } · ${totals.outputTokens.toLocaleString('en-US')} output tokens`,
  ];
  if (budget.unpricedCalls) lines.push(`${budget.unpricedCalls} call${budget.unpricedCalls === 1 ? '' : 's'} of models without a price are not in the cost.`);
  if (budget.exhausted && budget.availableAgainAt) lines.push(`Budget used up; it frees up again from ${formatMoment(budget.availableAgainAt)}.`);
  else if (budget.exhausted) lines.push('Budget used up.');
  return lines;
}

function percent(fraction: number): string {
  const value = fraction * 100;
  return `${value > 0 && value < 1 ? value.toFixed(2) : Math.round(value)}%`;
}

/** The header's budget meter for the selected integration: a bar against its budget, exact figures on hover and focus. */
export function BudgetMeter({ integration }: { integration: PanelIntegration | undefined }) {
  if (!integration) return null;
  const { budget } = integration;
  const figures = budgetFigures(integration);
  const level = budget.exhausted ? 'exhausted' : (budget.fraction ?? 0) >= 0.8 ? 'high' : 'ok';
  return (
    <div
      className="ia-budget"
      tabIndex={0}
      role="meter"
      aria-label={`Budget of ${integration.name}: ${figures.join(' ')}`}
      aria-valuemin={0}
      aria-valuemax={budget.limitMicros ?? undefined}
      aria-valuenow={budget.usedMicros}
      data-testid="ia-budget"
      data-level={level}
      data-used={budget.usedMicros}
      data-limit={budget.limitMicros ?? ''}
    >
      {budget.limitMicros !== null && (
        <span className="ia-budget-bar" aria-hidden="true">
          <span className="ia-budget-fill" style={{ width: `${Math.max(budget.usedMicros > 0 ? 4 : 0, (budget.fraction ?? 0) * 100)}%` }} />
        </span>
      )}
      {/* With a budget the bar says it; without one, what was spent. The hover has the exact figures. */}
      {budget.limitMicros === null && <span className="ia-budget-text">{formatUsdShort(budget.usedMicros)}</span>}
      <span className="ia-budget-tip" role="tooltip" data-testid="ia-budget-tip">
        <strong>{integration.name}</strong>
        {figures.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </span>
    </div>
  );
}
