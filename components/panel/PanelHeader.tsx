import { CloseIcon, PlusIcon } from './icons';

interface PanelHeaderProps {
  modelLabel: string;
  onNewConversation: () => void;
  onClose: () => void;
}

/**
 * The panel's header, left to right: History, title, mode switcher, model
 * selector, budget meter, new conversation, pin/unpin, close (see docs/architecture.md).
 * Each control is its own component; this only lays them out.
 */
export function PanelHeader({ modelLabel, onNewConversation, onClose }: PanelHeaderProps) {
  return (
    <header className="ia-header">
      <span className="ia-title">Infra Assistant</span>
      <span className="ia-model" title="Model" data-testid="ia-model">
        {modelLabel}
      </span>
      <button type="button" className="ia-icon-button" onClick={onNewConversation} aria-label="New conversation" title="New conversation">
        <PlusIcon />
      </button>
      <button type="button" className="ia-icon-button" onClick={onClose} aria-label="Close panel" title="Close (Esc)">
        <CloseIcon />
      </button>
    </header>
  );
}
