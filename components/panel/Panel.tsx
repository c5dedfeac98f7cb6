import { useCallback, useState } from 'react';
import { usePanelChat } from '../hooks/usePanelChat';
import { useModelSelection } from '../hooks/useModelSelection';
import { BudgetNotice, NoToolsNotice } from './BudgetNotice';
import { Composer } from './Composer';
import { Thread } from './Thread';
import { ErrorNotice } from './ErrorNotice';
import { requestBackground } from '../../lib/messaging/requests';
import { PanelHeader } from './PanelHeader';
import { usePageSuggestions } from '../hooks/usePageSuggestions';
import { HistoryView } from './HistoryView';
import { Toast } from './Toast';
import { useToast } from '../hooks/useToast';
import type { HistoryEvents } from '../../lib/history/history-events';

interface PanelProps {
  open: boolean;
  focusToken: number;
  onClose: () => void;
  historyEvents: HistoryEvents;
}

export function Panel({ open, focusToken, onClose, historyEvents }: PanelProps) {
  const chat = usePanelChat(historyEvents);
  const models = useModelSelection(chat.conversationId, focusToken, chat.busy);
  const [historyOpen, setHistoryOpen] = useState(false);
  // Bumped when History closes, so the composer takes the focus back.
  const [composerFocus, setComposerFocus] = useState(0);
  const toast = useToast();
  const suggestions = usePageSuggestions(open && !historyOpen && chat.messages.length === 0);
  const openSettings = () => void requestBackground('ui.openSettings', undefined);
  const budgetUsedUp = !!models.integration?.budget.exhausted;
  const disabledReason =
    models.state && !models.state.integrations.length
      ? 'Set up a model in the extension settings to start chatting.'
      : budgetUsedUp
        ? 'Sending is paused while this budget is used up; your draft stays here.'
        : undefined;

  const closeHistory = useCallback(() => {
    setHistoryOpen(false);
    setComposerFocus((n) => n + 1);
  }, []);
  const openFromHistory = useCallback(
    (id: string) => {
      void chat.openConversation(id).then((found) => {
        if (!found) toast.show({ tone: 'error', message: 'That conversation could not be opened' });
      });
      closeHistory();
    },
    [chat, closeHistory, toast],
  );

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
        historyOpen={historyOpen}
        onToggleHistory={() => (historyOpen ? closeHistory() : setHistoryOpen(true))}
        models={models}
        onManageModels={openSettings}
        onNewConversation={() => {
          chat.newConversation();
          if (historyOpen) closeHistory();
        }}
        onClose={onClose}
      />
      <HistoryView
        events={historyEvents}
        open={open && historyOpen}
        panelOpen={open}
        currentId={chat.conversationId}
        onOpen={openFromHistory}
        onClose={closeHistory}
        onDeletedCurrent={chat.newConversation}
        notify={toast.show}
      />
      {/* Kept mounted under History, so the draft and a streaming answer stay as they were. */}
      <div className="ia-chat" hidden={historyOpen}>
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
          open={open && !historyOpen}
          focusToken={focusToken + composerFocus}
          busy={chat.busy}
          disabledReason={disabledReason}
          onSend={chat.send}
          onStop={chat.stop}
        />
      </div>
      <Toast toast={toast.toast} onDismiss={toast.dismiss} onHold={toast.hold} />
    </aside>
  );
}
