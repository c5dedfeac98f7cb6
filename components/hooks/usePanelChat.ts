import { useChat } from '@ai-sdk/react';
import { useCallback, useMemo, useState } from 'react';
import { PortChatTransport, AssistantError } from '../../lib/chat/port-transport';
import { errorInfo, type AssistantErrorInfo } from '../../lib/agent/errors';

/** The chat of the panel: one conversation at a time, streamed from the background over a Port. */
export function usePanelChat() {
  const [conversationId, setConversationId] = useState(() => crypto.randomUUID());
  const transport = useMemo(() => new PortChatTransport(), []);
  const chat = useChat({ id: conversationId, transport, throttle: 16 });

  const error: AssistantErrorInfo | undefined = chat.error
    ? chat.error instanceof AssistantError
      ? chat.error.info
      : errorInfo('unknown', chat.error.message)
    : undefined;

  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  const send = useCallback(
    (text: string) => {
      if (!text.trim() || busy) return;
      void chat.sendMessage({ text });
    },
    [chat, busy],
  );
  const newConversation = useCallback(() => {
    void chat.stop();
    setConversationId(crypto.randomUUID());
  }, [chat]);

  return {
    conversationId,
    messages: chat.messages,
    status: chat.status,
    busy,
    error,
    send,
    stop: () => void chat.stop(),
    retry: () => {
      chat.clearError();
      void chat.regenerate();
    },
    newConversation,
  };
}
