import { usePanelChat } from '../hooks/usePanelChat';
import { useModelSelection } from '../hooks/useModelSelection';
import { BudgetNotice, NoToolsNotice } from './BudgetNotice';
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
  const models = useModelSelection(chat.conversationId, focusToken, chat.busy);
  const suggestions = usePageSuggestions(open && chat.messages.length === 0);
  const openSettings = () => void requestBackground('ui.openSettings', undefined);
  const budgetUsedUp = !!models.integration?.budget.exhausted;
  const disabledReason =
    models.state && !models.state.integrations.length
      ? 'Set up a model in the extension settings to start chatting.'
      : budgetUsedUp
        ? 'Sending is paused while this budget is used up; your draft stays here.'
        : undefined;

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
        models={models}
        onManageModels={openSettings}
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
      <BudgetNotice models={models} onSetUp={openSettings} />
      {chat.error && !(budgetUsedUp && chat.error.code === 'budget-exhausted') && (
        <ErrorNotice error={chat.error} onRetry={chat.retry} onOpenSettings={openSettings} />
      )}
      <NoToolsNotice models={models} />
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
