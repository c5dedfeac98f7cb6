import { usePanelChat } from '../hooks/usePanelChat';
import { useModelStatus } from '../hooks/useModelStatus';
import { Composer } from './Composer';
import { Thread } from './Thread';
import { ErrorNotice } from './ErrorNotice';
import { requestBackground } from '../../lib/messaging/requests';
import { PanelHeader } from './PanelHeader';
import { usePageSuggestions } from '../hooks/usePageSuggestions';

interface PanelProps {
  open: boolean;
  focusToken: number;
  onClose: () => void;
}

export function Panel({ open, focusToken, onClose }: PanelProps) {
  const chat = usePanelChat();
  const model = useModelStatus(focusToken);
  const suggestions = usePageSuggestions(open && chat.messages.length === 0);
  const disabledReason =
    model && !model.configured ? 'Set up a model in the extension settings to start chatting.' : undefined;

  return (
    <aside
      className="ia-panel"
      role="complementary"
      aria-label="Infra Assistant"
      data-testid="ia-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <PanelHeader
        modelLabel={model?.configured ? model.model : 'No model'}
        onNewConversation={chat.newConversation}
        onClose={onClose}
      />
      <Thread
        messages={chat.messages}
        status={chat.status}
        busy={chat.busy}
        onRegenerate={chat.regenerate}
        onEdit={chat.edit}
        suggestions={suggestions}
        onSuggestion={disabledReason ? undefined : chat.send}
      />
      {chat.error && (
        <ErrorNotice
          error={chat.error}
          onRetry={chat.retry}
          onOpenSettings={() => void requestBackground('ui.openSettings', undefined)}
        />
      )}
      <Composer
        open={open}
        focusToken={focusToken}
        busy={chat.busy}
        disabledReason={disabledReason}
        onSend={chat.send}
        onStop={chat.stop}
      />
    </aside>
  );
}
