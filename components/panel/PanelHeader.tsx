import type { ChatMode } from '../../lib/db/database';
import type { PanelLayout } from '../../lib/panel/placement';
import type { ModeAvailability } from '../../lib/settings/modes';
import { CloseIcon, DockIcon, FloatIcon, PlusIcon } from './icons';
import { ModeSwitcher } from './ModeSwitcher';

interface PanelHeaderProps {
  modelLabel: string;
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
 * 1. History (left; the History view adds its button first), the title, new
 *    conversation, pin/unpin, close;
 * 2. the mode switcher, then the model selector and budget meter (the models
 *    view replaces the `ia-model` label with them; the row gives them the rest
 *    of the width).
 * While floating, the header is the window's drag handle and the title moves
 * it with the arrow keys. Each control is its own component; this lays them out.
 */
export function PanelHeader({ modelLabel, layout, mode, modes, onModeChange, onNewConversation, onToggleLayout, onClose }: PanelHeaderProps) {
  const floating = layout === 'floating';
  return (
    <header className="ia-header" data-drag-handle>
      <div className="ia-header-row">
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
        <span className="ia-model" title="Model" data-testid="ia-model">
          {modelLabel}
        </span>
      </div>
    </header>
  );
}
