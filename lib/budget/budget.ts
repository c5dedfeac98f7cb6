import type { UsageRecord } from '../db/database';
import { usdToMicros } from './pricing';
import { availableAgainAt } from './window';

/** What an organization-provided integration may spend per 30 days unless its budget says otherwise. */
export const ORGANIZATION_DEFAULT_BUDGET_USD = 10;

export interface BudgetSettings {
  /** undefined: the default for its kind; null: no budget; a number: US dollars per 30 days. */
  budgetUsd?: number | null;
  /** Organization-provided integrations default to ORGANIZATION_DEFAULT_BUDGET_USD. */
  organization?: unknown;
}

/** The budget in micro-dollars per window, or null for none. */
export function budgetLimitMicros(settings: BudgetSettings): number | null {
  if (settings.budgetUsd === null) return null;
  if (settings.budgetUsd !== undefined) return usdToMicros(settings.budgetUsd);
  return settings.organization ? usdToMicros(ORGANIZATION_DEFAULT_BUDGET_USD) : null;
}

export interface BudgetStatus {
  /** null: no budget. */
  limitMicros: number | null;
  usedMicros: number;
  /** Calls in the window whose model had no price (counted, cost unknown). */
  unpricedCalls: number;
  calls: number;
  exhausted: boolean;
  /** 0..1 of the budget used (capped at 1), or null without a budget. */
  fraction: number | null;
  /** When, as calls roll off, spending drops below the budget again (exhausted only). */
  availableAgainAt: number | null;
}

/** Where an integration stands against its budget, from its calls in the window. */
export function budgetStatus(settings: BudgetSettings, calls: readonly Pick<UsageRecord, 'at' | 'costMicros' | 'priced'>[]): BudgetStatus {
  const limitMicros = budgetLimitMicros(settings);
  const usedMicros = calls.reduce((total, call) => total + call.costMicros, 0);
  const exhausted = limitMicros !== null && usedMicros >= limitMicros;
  return {
    limitMicros,
    usedMicros,
    unpricedCalls: calls.filter((call) => !call.priced).length,
    calls: calls.length,
    exhausted,
    fraction: limitMicros === null ? null : limitMicros === 0 ? 1 : Math.min(1, usedMicros / limitMicros),
    availableAgainAt: exhausted && limitMicros !== null ? availableAgainAt(calls, limitMicros) : null,
  };
}
