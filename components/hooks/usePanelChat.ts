import { useChat } from '@ai-sdk/react';
import { PanelChat } from '../../lib/chat/panel-chat';
import type { UIMessage } from 'ai';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PortChatTransport, AssistantError } from '../../lib/chat/port-transport';
import { errorInfo, type AssistantErrorInfo } from '../../lib/agent/errors';
import { requestBackground } from '../../lib/messaging/requests';
import type { AnswerState } from '../../lib/messaging/protocol';
import { readPanelSession, writePanelSession } from '../../lib/panel/panel-session';

/** While an answer is still being written in the background (after a reload), look again this often. */
const FOLLOW_RUNNING_MS = 1_000;

/**
 * The chat of the panel: one conversation at a time, streamed from the
 * background over a Port. After a reload of the tab it comes back from
 * IndexedDB: finished, still running (followed until done) or interrupted
 * (offered for retry).
 */
export function usePanelChat() {
  const transport = useMemo(() => new PortChatTransport(), []);
  const [chat, setChat] = useState(() => new PanelChat({ id: readPanelSession().conversationId ?? crypto.randomUUID(), transport }));
  const [answer, setAnswer] = useState<AnswerState>('idle');
  // Renders are throttled by PanelChat (first words at once, then at most one render per 16 ms).
  const helpers = useChat({ chat });

  useEffect(() => {
    const id = readPanelSession().conversationId;
    if (!id) return;
    let live = true;
    const restore = async () => {
      const saved = await requestBackground('conversations.get', { id }).catch(() => null);
      if (!live || !saved) return;
      setChat(new PanelChat({ id, messages: saved.messages, transport }));
      setAnswer(saved.answer);
      if (saved.answer === 'running') setTimeout(() => void restore(), FOLLOW_RUNNING_MS);
    };
    void restore();
    return () => {
      live = false;
    };
  }, [transport]);

  useEffect(() => writePanelSession({ conversationId: chat.id }), [chat]);

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
    setChat(new PanelChat({ id: crypto.randomUUID(), transport }));
  }, [helpers, transport]);

  return {
    conversationId: chat.id,
    messages: helpers.messages,
    status: answer === 'running' ? 'streaming' : helpers.status,
    busy,
    error,
    send,
    stop: () => void helpers.stop(),
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
