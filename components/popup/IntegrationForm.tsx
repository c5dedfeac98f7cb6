import { useState } from 'react';
import { useIntegrationForm } from '../hooks/useIntegrationForm';
import type { IntegrationInput, IntegrationModel, PublicIntegration } from '../../lib/settings/model-integrations';
import { PROVIDERS, PROVIDER_INFO } from '../../lib/models/providers';
import { resolveModelInfo, MODEL_TABLE_CHECKED } from '../../lib/models/model-catalog';
import { inputOf } from '../hooks/useIntegrationForm';
import { ORGANIZATION_DEFAULT_BUDGET_USD } from '../../lib/budget/budget';

interface IntegrationFormProps {
  integration?: PublicIntegration;
  onSave: (input: IntegrationInput) => Promise<string>;
  onDone: () => void;
  /** A test of a saved integration is a real call: its usage changed. */
  onTested?: () => void;
}

/** Create or edit one AI integration: provider, address, key (write-only), models with their figures, budget, spaces. */
export function IntegrationForm({ integration, onSave, onDone, onTested }: IntegrationFormProps) {
  const form = useIntegrationForm(integration, onTested);
  const { draft, update, test } = form;
  const [newModel, setNewModel] = useState('');
  const [saveError, setSaveError] = useState<string>();
  const info = PROVIDER_INFO[draft.provider];

  const save = async () => {
    setSaveError(undefined);
    try {
      const id = await onSave(inputOf(draft));
      update({ id, apiKey: '' });
      onDone();
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form
      aria-label="AI integration"
      className="integration-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        Name
        <input name="name" placeholder={info.label.split(' (')[0]} value={draft.name} onChange={(e) => update({ name: e.target.value })} />
      </label>
      <label>
        Provider
        <select name="provider" value={draft.provider} onChange={(e) => update({ provider: e.target.value as typeof draft.provider })}>
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_INFO[p].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Base URL
        <input name="baseURL" type="url" placeholder={info.placeholderBaseURL} value={draft.baseURL} onChange={(e) => update({ baseURL: e.target.value })} />
      </label>
      <label>
        API key
        <input
          name="apiKey"
          type="password"
          autoComplete="off"
          placeholder={integration?.hasApiKey ? `Saved: ${integration.maskedKey} (leave empty to keep)` : info.needsApiKey ? 'Required' : 'Not needed for most local servers'}
          value={draft.apiKey}
          onChange={(e) => update({ apiKey: e.target.value })}
        />
      </label>

      <fieldset className="models">
        <legend>Models</legend>
        <div className="row">
          <input
            name="newModel"
            aria-label="Model id"
            placeholder={info.placeholderModel}
            value={newModel}
            onChange={(e) => setNewModel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                form.addModels([newModel]);
                setNewModel('');
              }
            }}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => {
              form.addModels([newModel]);
              setNewModel('');
            }}
            disabled={!newModel.trim()}
          >
            Add
          </button>
          <button type="button" className="secondary" data-testid="integration-fetch-models" onClick={() => void form.fetchModels()}>
            Fetch models
          </button>
        </div>
        {draft.models.length > 0 && (
          <ul className="model-list" data-testid="integration-models">
            {draft.models.map((model) => (
              <ModelRow
                key={model.id}
                model={model}
                provider={draft.provider}
                isDefault={draft.defaultModel === model.id}
                onDefault={() => update({ defaultModel: model.id })}
                onChange={(patch) => form.updateModel(model.id, patch)}
              />
            ))}
          </ul>
        )}
        <p className="hint">Capabilities and prices come from the project's table (checked {MODEL_TABLE_CHECKED}); edit them for custom models.</p>
      </fieldset>

      <label>
        Budget per 30 days (USD)
        <input
          name="budget"
          inputMode="decimal"
          placeholder={integration?.organization ? `${ORGANIZATION_DEFAULT_BUDGET_USD} (organization default)` : 'none'}
          value={draft.budget}
          onChange={(e) => update({ budget: e.target.value })}
        />
      </label>

      <fieldset className="scope">
        <legend>Only for Spacelift spaces (optional)</legend>
        <div className="row">
          <input name="scopeAccount" aria-label="Spacelift account" placeholder="https://acme.app.spacelift.io" value={draft.scopeAccount} onChange={(e) => update({ scopeAccount: e.target.value })} />
          <button type="button" className="secondary" disabled={!draft.scopeAccount.trim()} onClick={() => void form.loadSpaces()}>
            Load spaces
          </button>
        </div>
        {form.spaces && 'problem' in form.spaces && <p className="status error">{form.spaces.problem}</p>}
        {form.spaces && 'spaces' in form.spaces && (
          <ul className="spaces" data-testid="integration-spaces">
            {form.spaces.spaces.map((space) => (
              <li key={space.id}>
                <label className="inline">
                  <input
                    type="checkbox"
                    name={`space-${space.id}`}
                    checked={draft.scopeSpaceIds.includes(space.id)}
                    onChange={(e) =>
                      update({ scopeSpaceIds: e.target.checked ? [...draft.scopeSpaceIds, space.id] : draft.scopeSpaceIds.filter((id) => id !== space.id) })
                    }
                  />
                  {space.name} <small>{space.id}</small>
                </label>
              </li>
            ))}
          </ul>
        )}
        {draft.scopeSpaceIds.length > 0 && !form.spaces && <p className="hint">Limited to: {draft.scopeSpaceIds.join(', ')}</p>}
        <p className="hint">A scoped integration is offered only to people whose Spacelift identity can access one of these spaces.</p>
      </fieldset>

      <div className="row">
        <button type="button" className="secondary" data-testid="integration-test-button" disabled={test.kind === 'busy'} onClick={() => void form.runTest()}>
          Test connection
        </button>
        <button type="submit">Save</button>
        <button type="button" className="link" onClick={onDone}>
          Cancel
        </button>
      </div>
      {test.kind !== 'idle' && (
        <div role="status" className={`status ${test.kind === 'ok' ? 'saved' : test.kind === 'busy' ? 'busy' : 'error'}`} data-testid="integration-test" data-code={test.kind === 'problem' ? test.problem.code : test.kind}>
          {test.kind === 'problem' ? (
            <>
              <strong>{test.problem.message}</strong> {test.problem.hint}
              {test.problem.grantOrigin && (
                <button type="button" className="secondary grant" data-testid="integration-grant" onClick={() => void form.grant(test.problem.grantOrigin!)}>
                  Allow access to {test.problem.grantOrigin.replace(/\/\*$/, '')}
                </button>
              )}
            </>
          ) : (
            test.message
          )}
        </div>
      )}
      {saveError && (
        <p role="alert" className="status error" data-testid="integration-save-error">
          {saveError}
        </p>
      )}
      <p className="hint">The key stays in this browser's local extension storage, is used only by the extension's background, and is never shown again or exported.</p>
    </form>
  );
}

interface ModelRowProps {
  model: IntegrationModel;
  provider: PublicIntegration['provider'];
  isDefault: boolean;
  onDefault: () => void;
  onChange: (patch: Partial<IntegrationModel> | null) => void;
}

function ModelRow({ model, provider, isDefault, onDefault, onChange }: ModelRowProps) {
  const resolved = resolveModelInfo(provider, model.id, model);
  const price = resolved.price ?? { inputPerM: 0, outputPerM: 0 };
  const setPrice = (field: 'inputPerM' | 'outputPerM' | 'cachedInputPerM', value: string) => {
    const next = { ...price, [field]: value === '' ? undefined : Number(value) };
    onChange({ price: { inputPerM: next.inputPerM ?? 0, outputPerM: next.outputPerM ?? 0, ...(next.cachedInputPerM !== undefined ? { cachedInputPerM: next.cachedInputPerM } : {}) } });
  };
  return (
    <li data-model={model.id}>
      <div className="row">
        <label className="inline grow">
          <input type="radio" name="defaultModel" value={model.id} checked={isDefault} onChange={onDefault} />
          <code>{model.id}</code>
          <small className="source">{resolved.source === 'table' ? 'from table' : resolved.source === 'custom' ? 'custom' : 'unknown model'}</small>
        </label>
        <button type="button" className="link" aria-label={`Remove ${model.id}`} onClick={() => onChange(null)}>
          Remove
        </button>
      </div>
      <details>
        <summary>
          {resolved.toolCalling ? 'tools' : 'no tools'} · {resolved.price ? `$${resolved.price.inputPerM} / $${resolved.price.outputPerM} per M` : 'no price'}
          {resolved.contextTokens ? ` · ${Math.round(resolved.contextTokens / 1000)}k context` : ''}
        </summary>
        <div className="model-details">
          <label className="inline">
            <input type="checkbox" name={`model-tools-${model.id}`} checked={resolved.toolCalling} onChange={(e) => onChange({ toolCalling: e.target.checked })} />
            Tool calling
          </label>
          <label>
            Input $/M
            <input name={`model-input-${model.id}`} inputMode="decimal" value={resolved.price?.inputPerM ?? ''} onChange={(e) => setPrice('inputPerM', e.target.value)} />
          </label>
          <label>
            Output $/M
            <input name={`model-output-${model.id}`} inputMode="decimal" value={resolved.price?.outputPerM ?? ''} onChange={(e) => setPrice('outputPerM', e.target.value)} />
          </label>
          <label>
            Cached input $/M
            <input name={`model-cached-${model.id}`} inputMode="decimal" value={resolved.price?.cachedInputPerM ?? ''} onChange={(e) => setPrice('cachedInputPerM', e.target.value)} />
          </label>
          <label>
            Context (tokens)
            <input
              name={`model-context-${model.id}`}
              inputMode="numeric"
              value={resolved.contextTokens ?? ''}
              onChange={(e) => onChange({ contextTokens: e.target.value ? Math.max(1, Math.round(Number(e.target.value))) : undefined })}
            />
          </label>
        </div>
      </details>
    </li>
  );
}
