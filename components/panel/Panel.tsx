import { memo } from 'react';
import { usePanelChat } from '../hooks/usePanelChat';
import { useModelStatus } from '../hooks/useModelStatus';
import { useModeAvailability } from '../hooks/useModeAvailability';
import { Composer } from './Composer';
import { Thread } from './Thread';
import { ErrorNotice } from './ErrorNotice';
import { requestBackground } from '../../lib/messaging/requests';
import { PanelHeader } from './PanelHeader';
import { usePageSuggestions } from '../hooks/usePageSuggestions';
import type { PanelLayout } from '../../lib/panel/placement';

interface PanelProps {
  open: boolean;
  focusToken: number;
  layout: PanelLayout;
  onClose: () => void;
  onToggleLayout: () => void;
}

const NO_MODEL_REASON = 'Set up a model in the extension settings to start chatting.';

const openSettings = () => void requestBackground('ui.openSettings', undefined).catch(() => undefined);

/** Memoised: moving or resizing the window re-renders the frame around it, not the panel. */
export const Panel = memo(function Panel({ open, focusToken, layout, onClose, onToggleLayout }: PanelProps) {
  const chat = usePanelChat();
  const model = useModelStatus(focusToken);
  const modes = useModeAvailability(focusToken);
  const suggestions = usePageSuggestions(open && chat.messages.length === 0);
  const disabledReason = model && !model.configured ? NO_MODEL_REASON : undefined;

  return (
    <aside
      className="ia-panel"
      aria-label="Infra Assistant"
      data-testid="ia-panel"
      data-layout={layout}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <PanelHeader
        modelLabel={model?.configured ? model.model : 'No model'}
        layout={layout}
        mode={chat.mode}
        modes={modes}
        onModeChange={chat.setMode}
        onNewConversation={chat.newConversation}
        onToggleLayout={onToggleLayout}
        onClose={onClose}
      />
      <Thread
        conversationId={chat.conversationId}
        messages={chat.messages}
        status={chat.status}
        busy={chat.busy}
        onRegenerate={chat.regenerate}
        onEdit={chat.edit}
        onApproval={chat.respondToApproval}
        suggestions={suggestions}
        onSuggestion={disabledReason ? undefined : chat.send}
      />
      {chat.error && (
        <ErrorNotice
          error={chat.error}
          onRetry={chat.retry}
          onOpenSettings={openSettings}
          // The model is chosen in the settings until the header's model selector lands.
          onSwitchModel={openSettings}
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
});
