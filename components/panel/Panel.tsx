import { memo, useCallback, useRef, useState } from 'react';
import { usePanelChat } from '../hooks/usePanelChat';
import { useModelSelection } from '../hooks/useModelSelection';
import { useModeAvailability } from '../hooks/useModeAvailability';
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
import type { PanelLayout } from '../../lib/panel/placement';

interface PanelProps {
  open: boolean;
  focusToken: number;
  layout: PanelLayout;
  onClose: () => void;
  onToggleLayout: () => void;
  historyEvents: HistoryEvents;
}

const openSettings = () => void requestBackground('ui.openSettings', undefined).catch(() => undefined);

/** Memoised: moving or resizing the window re-renders the frame around it, not the panel. */
export const Panel = memo(function Panel({ open, focusToken, layout, onClose, onToggleLayout, historyEvents }: PanelProps) {
  const chat = usePanelChat(historyEvents);
  const models = useModelSelection(chat.conversationId, focusToken, chat.busy);
  const modes = useModeAvailability(focusToken);
  const [historyOpen, setHistoryOpen] = useState(false);
  // Bumped when History closes, so the composer takes the focus back.
  const [composerFocus, setComposerFocus] = useState(0);
  const toast = useToast();
  const panel = useRef<HTMLElement>(null);
  const suggestions = usePageSuggestions(open && !historyOpen && chat.messages.length === 0);
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
  // History stays up until the conversation is on screen: no flash of the one being left.
  const openFromHistory = useCallback(
    (id: string) => {
      void chat.openConversation(id).then((outcome) => {
        if (outcome === 'shown') closeHistory();
        else if (outcome === 'missing') toast.show({ tone: 'error', message: 'That conversation could not be opened' });
      });
    },
    [chat, closeHistory, toast],
  );
  // "Switch model" opens the header's model selector (the settings when there is none to open).
  const switchModel = useCallback(() => {
    const selector = panel.current?.querySelector<HTMLButtonElement>('[data-testid="ia-model"]');
    if (!selector) return openSettings();
    selector.focus();
    if (selector.getAttribute('aria-expanded') !== 'true') selector.click();
  }, []);

  return (
    <aside
      ref={panel}
      className="ia-panel"
      aria-label="Infra Assistant"
      data-testid="ia-panel"
      data-layout={layout}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <PanelHeader
        historyOpen={historyOpen}
        onToggleHistory={() => (historyOpen ? closeHistory() : setHistoryOpen(true))}
        models={models}
        onManageModels={openSettings}
        layout={layout}
        mode={chat.mode}
        modes={modes}
        onModeChange={chat.setMode}
        onNewConversation={() => {
          chat.newConversation();
          if (historyOpen) closeHistory();
        }}
        onToggleLayout={onToggleLayout}
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
        <BudgetNotice models={models} onSetUp={openSettings} />
        {chat.error && !(budgetUsedUp && chat.error.code === 'budget-exhausted') && (
          <ErrorNotice error={chat.error} onRetry={chat.retry} onContinue={chat.continueAnswer} onOpenSettings={openSettings} onSwitchModel={switchModel} />
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
});
