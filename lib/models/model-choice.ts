import type { LanguageModel } from 'ai';
import type { AssistantErrorInfo } from '../agent/errors';
import type { BudgetStatus } from '../budget/budget';
import type { UsageTotals } from '../budget/usage-ledger';
import { formatUsd } from '../budget/format';
import { formatMoment } from '../budget/window';
import type { Integration, ModelSelection } from '../settings/model-integrations';
import type { ModelInfo } from './model-catalog';
import type { ProviderKind } from './providers';

/** The model an answer will use, resolved in the background (holds the key: never leaves it). */
export interface ModelChoice {
  integration: Integration;
  modelId: string;
  info: ModelInfo;
  model: LanguageModel;
  budget: BudgetStatus;
}

/** An integration as the panel's model selector sees it: no key, no base URL. */
export interface PanelIntegration {
  id: string;
  name: string;
  provider: ProviderKind;
  /** Provided by the organization (a Spacelift admin marked it), not the user's own. */
  organization: boolean;
  models: ModelInfo[];
  defaultModel: string;
  budget: BudgetStatus;
  /** Tokens over the window, for the meter's exact figures. */
  totals: UsageTotals;
}

export interface PanelModelState {
  integrations: PanelIntegration[];
  /** What this conversation uses (its own choice, or the default for new ones). */
  selection: ModelSelection | null;
  /** Integrations limited to Spacelift spaces this identity cannot access (or access could not be checked). */
  hiddenScoped: number;
  /** Why space access is unknown, when it is (not signed in to Spacelift…). */
  spaceAccessProblem?: string;
}

/** The panel's and the background's one message for a used-up budget, with the figures. */
export function budgetExhaustedError(integrationName: string, budget: BudgetStatus, lead?: string): AssistantErrorInfo {
  const figures = budget.limitMicros === null ? '' : ` ${formatUsd(budget.usedMicros)} of ${formatUsd(budget.limitMicros)} used in the last 30 days.`;
  const again = budget.availableAgainAt ? ` It frees up again from ${formatMoment(budget.availableAgainAt)}.` : '';
  return {
    code: 'budget-exhausted',
    action: 'switch-integration',
    message: `${lead ? `${lead} ` : ''}The budget of "${integrationName}" is used up:${figures}${again} Switch to another integration, or set up your own model.`,
  };
}
