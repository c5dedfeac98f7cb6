import type { ChatMode } from '../../lib/db/database';
import type { PanelLayout } from '../../lib/panel/placement';
import type { ModeAvailability } from '../../lib/settings/modes';
import type { PanelModels } from '../hooks/useModelSelection';
import { CloseIcon, DockIcon, FloatIcon, PlusIcon } from './icons';
import { ModeSwitcher } from './ModeSwitcher';
import { ModelSelector } from './ModelSelector';
import { BudgetMeter } from './BudgetMeter';
import { HistoryButton } from './HistoryButton';

interface PanelHeaderProps {
  historyOpen: boolean;
  onToggleHistory: () => void;
  models: PanelModels;
  onManageModels: () => void;
  layout: PanelLayout;
  mode: ChatMode;
  modes: ModeAvailability | undefined;
  onModeChange: (mode: ChatMode) => void;
  onNewConversation: () => void;
  onToggleLayout: () => void;
  onClose: () => void;
}

/**
 * The panel's header, in two rows so it fits a 360 px panel:
 * 1. History (left), the title, new conversation, pin/unpin, close;
 * 2. the mode switcher, the model selector (it takes the rest of the row) and the budget meter.
 * While floating, the header is the window's drag handle and the title moves
 * it with the arrow keys. Each control is its own component; this lays them out.
 */
export function PanelHeader(props: PanelHeaderProps) {
  const { historyOpen, onToggleHistory, models, onManageModels, layout, mode, modes, onModeChange, onNewConversation, onToggleLayout, onClose } = props;
  const floating = layout === 'floating';
  return (
    <header className="ia-header" data-drag-handle>
      <div className="ia-header-row">
        <HistoryButton open={historyOpen} onToggle={onToggleHistory} />
        <span
          className="ia-title"
          data-move-grip
          {...(floating ? { tabIndex: 0, role: 'button', 'aria-roledescription': 'drag handle', 'aria-label': 'Infra Assistant: move the window with the arrow keys' } : {})}
        >
          Infra Assistant
        </span>
        <button type="button" className="ia-icon-button" onClick={onNewConversation} aria-label="New conversation" title="New conversation">
          <PlusIcon />
        </button>
        <button
          type="button"
          className="ia-icon-button"
          onClick={onToggleLayout}
          data-testid="ia-pin"
          data-layout={layout}
          aria-label={floating ? 'Dock to the side' : 'Undock into a floating window'}
          title={floating ? 'Pin: dock to the side' : 'Unpin: float as a window'}
        >
          {floating ? <DockIcon /> : <FloatIcon />}
        </button>
        <button type="button" className="ia-icon-button" onClick={onClose} aria-label="Close panel" title="Close (Esc)">
          <CloseIcon />
        </button>
      </div>
      <div className="ia-header-row ia-header-controls">
        <ModeSwitcher mode={mode} availability={modes} onChange={onModeChange} />
        <ModelSelector models={models} onManage={onManageModels} />
        <BudgetMeter integration={models.integration} />
      </div>
    </header>
  );
}
