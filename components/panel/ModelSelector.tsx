import type { PanelModels } from '../hooks/useModelSelection';
import { usePopover } from '../hooks/usePopover';
import { formatPrice } from '../../lib/budget/format';

interface ModelSelectorProps {
  models: PanelModels;
  onManage: () => void;
}

/** The header's model selector: integration and model for this conversation (and new ones). Its menu renders in the shadow root. */
export function ModelSelector({ models, onManage }: ModelSelectorProps) {
  const menu = usePopover<HTMLDivElement>();
  const { state, integration, model } = models;
  const label = model ? model.id : state && !state.integrations.length ? 'No model' : '…';
  return (
    <div className="ia-model-selector" ref={menu.container} onKeyDown={menu.onKeyDown}>
      <button
        ref={menu.button}
        type="button"
        className="ia-model-button"
        data-testid="ia-model"
        aria-haspopup="listbox"
        aria-expanded={menu.open}
        title={integration && model ? `${integration.name} · ${model.id}` : 'Choose a model'}
        onClick={menu.toggle}
      >
        <span className="ia-model-label">{label}</span>
        {integration && <span className="ia-model-integration">{integration.name}</span>}
        <span aria-hidden="true" className="ia-model-caret">▾</span>
      </button>
      {menu.open && (
        <div ref={menu.menu} className="ia-model-menu" role="listbox" aria-label="Models" data-testid="ia-model-menu">
          {state?.integrations.map((group) => (
            <div key={group.id} role="group" aria-label={group.name} className="ia-model-group">
              <div className="ia-model-group-title">
                <span>{group.name}</span>
                {group.organization && <span className="ia-badge">organization</span>}
                {group.budget.exhausted && <span className="ia-badge ia-badge-warn">budget used up</span>}
              </div>
              {group.models.map((m) => {
                const selected = group.id === integration?.id && m.id === model?.id;
                return (
                  <button
                    key={m.id}
                    type="button"
                    role="option"
                    aria-selected={selected}
                    className="ia-model-option"
                    data-testid="ia-model-option"
                    data-integration={group.id}
                    data-model={m.id}
                    onClick={() => {
                      menu.close();
                      if (!selected) void models.select(group.id, m.id);
                    }}
                  >
                    <span className="ia-model-option-name">{m.id}</span>
                    <span className="ia-model-option-meta">
                      {!m.toolCalling && <span className="ia-badge ia-badge-warn">no tools</span>}
                      <span>{formatPrice(m.price)}</span>
                    </span>
                  </button>
                );
              })}
            </div>
          ))}
          {!!state?.hiddenScoped && (
            <p className="ia-model-note" data-testid="ia-model-hidden">
              {state.hiddenScoped === 1 ? '1 integration is' : `${state.hiddenScoped} integrations are`} limited to Spacelift spaces you cannot access
              {state.spaceAccessProblem ? ` (could not check: ${state.spaceAccessProblem})` : ''}.
            </p>
          )}
          <button
            type="button"
            className="ia-model-manage"
            data-menu-item
            onClick={() => {
              menu.close(false);
              onManage();
            }}
          >
            Manage integrations…
          </button>
        </div>
      )}
    </div>
  );
}
