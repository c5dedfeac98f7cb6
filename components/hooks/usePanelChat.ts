import { Chat, useChat } from '@ai-sdk/react';
import { lastAssistantMessageIsCompleteWithApprovalResponses, type ChatTransport, type UIMessage } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PortChatTransport, AssistantError } from '../../lib/chat/port-transport';
import { errorInfo, type AssistantErrorInfo } from '../../lib/agent/errors';
import { requestBackground } from '../../lib/messaging/requests';
import type { AnswerState } from '../../lib/messaging/protocol';
import { readPanelSession, writePanelSession } from '../../lib/panel/panel-session';
import type { ChatMode } from '../../lib/db/database';

/** While an answer is still being written in the background (after a reload), look again this often. */
const FOLLOW_RUNNING_MS = 1_000;

/**
 * The chat of the panel: one conversation at a time, streamed from the
 * background over a Port. After a reload of the tab it comes back from
 * IndexedDB: finished, still running (followed until done) or interrupted
 * (offered for retry).
 */
export function usePanelChat(options: { transport?: ChatTransport<UIMessage> } = {}) {
  // The mode is per conversation: what the panel shows now goes with every request (the background decides what runs).
  const [mode, setModeState] = useState<ChatMode>(() => sessionMode(readPanelSession().conversationId));
  const modeRef = useRef(mode);
  modeRef.current = mode;
  // Tests pass their own transport; the panel talks to the background over a Port.
  const transport = useMemo(() => options.transport ?? new PortChatTransport({ mode: () => modeRef.current }), []);
  const makeChat = useCallback(
    (id: string, messages?: UIMessage[]) =>
      new Chat<UIMessage>({
        id,
        messages,
        transport,
        // Once every approval card of the answer has been answered, the answer carries on by itself.
        sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
      }),
    [transport],
  );
  const [chat, setChat] = useState(() => makeChat(readPanelSession().conversationId ?? crypto.randomUUID()));
  const [answer, setAnswer] = useState<AnswerState>('idle');
  // At most 20 renders a second while an answer streams: smooth to read, and most frames then only scroll (docs/benchmarks.md).
  const helpers = useChat({ chat, throttle: 50 });
  // The user stopped an answer this tab was following: once the background has stopped it, it is done, not "interrupted".
  const stoppedByUser = useRef(false);

  useEffect(() => {
    const id = readPanelSession().conversationId;
    if (!id) return;
    let live = true;
    const restore = async () => {
      const saved = await requestBackground('conversations.get', { id }).catch(() => null);
      if (!live || !saved) return;
      setChat(makeChat(id, saved.messages));
      // A mode switched in this tab but not yet sent wins over the stored one.
      setModeState(readPanelSession().mode ?? saved.conversation.mode ?? 'ask');
      setAnswer(stoppedByUser.current && saved.answer === 'interrupted' ? 'idle' : saved.answer);
      if (saved.answer === 'running') setTimeout(() => void restore(), FOLLOW_RUNNING_MS);
    };
    void restore();
    return () => {
      live = false;
    };
  }, [makeChat]);

  useEffect(() => writePanelSession({ conversationId: chat.id }), [chat]);
  const setMode = useCallback((next: ChatMode) => {
    setModeState(next);
    writePanelSession({ mode: next });
  }, []);

  const error: AssistantErrorInfo | undefined = helpers.error
    ? helpers.error instanceof AssistantError
      ? helpers.error.info
      : errorInfo('unknown', helpers.error.message)
    : answer === 'interrupted' && helpers.status === 'ready'
      ? errorInfo('interrupted')
      : undefined;

  const busy = helpers.status === 'submitted' || helpers.status === 'streaming' || answer === 'running';
  const send = useCallback(
    (text: string) => {
      if (!text.trim() || busy) return;
      setAnswer('idle');
      void helpers.sendMessage({ text });
    },
    [helpers, busy],
  );
  const newConversation = useCallback(() => {
    void helpers.stop();
    setAnswer('idle');
    // A new conversation starts in Ask, the mode that cannot change anything.
    setModeState('ask');
    writePanelSession({ mode: undefined, scroll: undefined });
    setChat(makeChat(crypto.randomUUID()));
  }, [helpers, makeChat]);

  const respondToApproval = useCallback(
    (approvalId: string, approved: boolean, reason?: string) => {
      setAnswer('idle');
      void helpers.addToolApprovalResponse({ id: approvalId, approved, reason });
    },
    [helpers],
  );

  return {
    conversationId: chat.id,
    mode,
    setMode,
    respondToApproval,
    messages: helpers.messages,
    status: answer === 'running' ? 'streaming' : helpers.status,
    busy,
    error,
    send,
    stop: () => {
      void helpers.stop();
      // An answer followed after a reload runs without a Port of ours: ask the background to stop it.
      if (answer === 'running') {
        stoppedByUser.current = true;
        void requestBackground('chat.stop', { conversationId: chat.id }).catch(() => undefined);
      }
    },
    retry: () => {
      setAnswer('idle');
      helpers.clearError();
      void helpers.regenerate();
    },
    regenerate: () => {
      setAnswer('idle');
      helpers.clearError();
      void helpers.regenerate();
    },
    /** Replace a question with its edited text; everything after it is dropped and asked again. */
    edit: (messageId: string, text: string) => {
      setAnswer('idle');
      helpers.clearError();
      void helpers.sendMessage({ text, messageId });
    },
    newConversation,
  };
}

/** The mode this tab last showed for the conversation, if it is the one the session names. */
function sessionMode(conversationId: string | undefined): ChatMode {
  const session = readPanelSession();
  return conversationId && session.conversationId === conversationId && session.mode ? session.mode : 'ask';
}
