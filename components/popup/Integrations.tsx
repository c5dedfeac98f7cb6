import { useState } from 'react';
import type { useIntegrations } from '../hooks/useIntegrations';
import { IntegrationForm } from './IntegrationForm';
import { PROVIDER_INFO } from '../../lib/models/providers';
import { formatUsd } from '../../lib/budget/format';

/** AI integrations (bring your own model): list, add, edit, test, delete, set the default. */
export function Integrations({ integrations }: { integrations: ReturnType<typeof useIntegrations> }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const { view } = integrations;
  const current = editing && editing !== 'new' ? view?.integrations.find((i) => i.id === editing) : undefined;

  return (
    <section aria-labelledby="integrations-heading" className="first" data-testid="integrations-section" aria-busy={!view}>
      <h2 id="integrations-heading">AI integrations</h2>
      {view && view.integrations.length === 0 && !editing && <p className="hint">No model yet: add OpenAI, Anthropic, Google or any OpenAI-compatible endpoint (Ollama, LM Studio, LiteLLM…).</p>}
      {view && view.integrations.length > 0 && (
        <ul className="integrations" data-testid="integrations">
          {view.integrations.map((integration) => {
            const budget = view.budgets[integration.id];
            const isDefault = view.defaultSelection?.integrationId === integration.id;
            return (
              <li key={integration.id} data-integration={integration.id}>
                <div className="integration-title">
                  <strong>{integration.name}</strong>
                  {isDefault && <span className="badge">default</span>}
                  {integration.organization && <span className="badge">organization</span>}
                  {integration.spaces && <span className="badge">{integration.spaces.spaceIds.length} space{integration.spaces.spaceIds.length === 1 ? '' : 's'}</span>}
                </div>
                <div className="integration-meta">
                  {PROVIDER_INFO[integration.provider].label.split(' (')[0]} · {integration.defaultModel}
                  {integration.hasApiKey ? ` · key ${integration.maskedKey}` : ''}
                </div>
                {budget && (
                  <div className="integration-meta" data-testid="integration-budget">
                    {budget.limitMicros === null
                      ? `${formatUsd(budget.usedMicros)} in 30 days · no budget`
                      : `${formatUsd(budget.usedMicros)} of ${formatUsd(budget.limitMicros)} in 30 days${budget.exhausted ? ' · used up' : ''}`}
                  </div>
                )}
                <div className="row">
                  <button type="button" className="link" onClick={() => setEditing(integration.id)}>
                    Edit
                  </button>
                  {!isDefault && (
                    <button type="button" className="link" onClick={() => void integrations.setDefault({ integrationId: integration.id, modelId: integration.defaultModel })}>
                      Make default
                    </button>
                  )}
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      if (confirm(`Delete "${integration.name}" and its key?`)) void integrations.remove(integration.id);
                    }}
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing ? (
        <IntegrationForm
          key={editing}
          integration={current}
          onSave={integrations.save}
          onTested={() => void integrations.reload()}
          onDone={() => {
            setEditing(null);
            void integrations.reload();
          }}
        />
      ) : (
        <button type="button" data-testid="integration-add" onClick={() => setEditing('new')}>
          Add integration
        </button>
      )}
      {integrations.error && (
        <p role="alert" className="status error">
          {integrations.error}
        </p>
      )}
    </section>
  );
}
