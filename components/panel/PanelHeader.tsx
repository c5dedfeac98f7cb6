import { CloseIcon, PlusIcon } from './icons';
import type { PanelModels } from '../hooks/useModelSelection';
import { ModelSelector } from './ModelSelector';
import { BudgetMeter } from './BudgetMeter';
import { HistoryButton } from './HistoryButton';

interface PanelHeaderProps {
  historyOpen: boolean;
  onToggleHistory: () => void;
  models: PanelModels;
  onManageModels: () => void;
  onNewConversation: () => void;
  onClose: () => void;
}

/**
 * The panel's header, left to right: History, title, mode switcher, model
 * selector, budget meter, new conversation, pin/unpin, close (see docs/architecture.md).
 * Each control is its own component; this only lays them out.
 */
export function PanelHeader({ historyOpen, onToggleHistory, models, onManageModels, onNewConversation, onClose }: PanelHeaderProps) {
  return (
    <header className="ia-header">
      <HistoryButton open={historyOpen} onToggle={onToggleHistory} />
      <span className="ia-title">Infra Assistant</span>
      <ModelSelector models={models} onManage={onManageModels} />
      <BudgetMeter integration={models.integration} />
      <button type="button" className="ia-icon-button" onClick={onNewConversation} aria-label="New conversation" title="New conversation">
        <PlusIcon />
      </button>
      <button type="button" className="ia-icon-button" onClick={onClose} aria-label="Close panel" title="Close (Esc)">
        <CloseIcon />
      </button>
    </header>
  );
}
