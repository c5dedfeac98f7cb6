import type { PanelModels } from '../hooks/useModelSelection';
import { budgetExhaustedError } from '../../lib/models/model-choice';

/**
 * The selected integration's budget is used up: say so with the figures and
 * offer, in one click, another integration with budget left, or setting up
 * one's own. The draft in the composer and the thread stay as they are.
 */
export function BudgetNotice({ models, onSetUp }: { models: PanelModels; onSetUp: () => void }) {
  const { integration } = models;
  if (!integration?.budget.exhausted) return null;
  const switchTo = models.alternatives.slice(0, 2);
  return (
    <div className="ia-error ia-budget-notice" role="alert" data-testid="ia-budget-notice">
      <span>{budgetExhaustedError(integration.name, integration.budget).message}</span>
      <span className="ia-budget-actions">
        {switchTo.map((other) => (
          <button key={other.id} type="button" data-testid="ia-budget-switch" onClick={() => void models.select(other.id, other.defaultModel)}>
            Switch to {other.name}
          </button>
        ))}
        <button type="button" className={switchTo.length ? 'ia-secondary' : undefined} data-testid="ia-budget-setup" onClick={onSetUp}>
          Set up your own model
        </button>
      </span>
    </div>
  );
}

/** The selected model cannot call tools: it chats, without the assistant's live lookups. */
export function NoToolsNotice({ models }: { models: PanelModels }) {
  if (!models.model || models.model.toolCalling) return null;
  return (
    <p className="ia-model-notice" data-testid="ia-no-tools">
      {models.model.id} cannot use tools: it answers from the conversation only, without looking at this page or your Spacelift account.
    </p>
  );
}
