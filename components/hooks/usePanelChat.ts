import { useChat } from '@ai-sdk/react';
import { PanelChat } from '../../lib/chat/panel-chat';
import type { UIMessage } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PortChatTransport, AssistantError } from '../../lib/chat/port-transport';
import { errorInfo, type AssistantErrorInfo } from '../../lib/agent/errors';
import { requestBackground } from '../../lib/messaging/requests';
import type { AnswerState } from '../../lib/messaging/protocol';
import { readPanelSession, writePanelSession } from '../../lib/panel/panel-session';
import type { HistoryEvents } from '../../lib/history/history-events';

/** While an answer is still being written in the background (after a reload), look again this often. */
const FOLLOW_RUNNING_MS = 1_000;

/**
 * The chat of the panel: one conversation at a time, streamed from the
 * background over a Port. After a reload of the tab it comes back from
 * IndexedDB: finished, still running (followed until done) or interrupted
 * (offered for retry).
 */
export function usePanelChat(historyEvents?: HistoryEvents) {
  const transport = useMemo(() => new PortChatTransport(), []);
  const [chat, setChat] = useState(() => new PanelChat({ id: readPanelSession().conversationId ?? crypto.randomUUID(), transport }));
  const [answer, setAnswer] = useState<AnswerState>('idle');
  // Renders are throttled by PanelChat (first words at once, then at most one render per 16 ms).
  const helpers = useChat({ chat });
  // The conversation being loaded from storage (a reload, History); a newer load cancels an older one.
  const loading = useRef(0);
  const chatRef = useRef(chat);
  chatRef.current = chat;

  /** Show a stored conversation exactly as it was stored; follow it while its answer is still being written. */
  const load = useCallback(
    async (id: string, options: { onlyIfChanged?: boolean } = {}) => {
      const ticket = ++loading.current;
      const saved = await requestBackground('conversations.get', { id }).catch(() => null);
      if (ticket !== loading.current || !saved) return false;
      if (options.onlyIfChanged && id === chatRef.current.id && sameMessages(chatRef.current.messages, saved.messages)) return true;
      setChat(new PanelChat({ id, messages: saved.messages, transport }));
      setAnswer(saved.answer);
      if (saved.answer === 'running') {
        setTimeout(() => {
          if (ticket === loading.current) void load(id);
        }, FOLLOW_RUNNING_MS);
      }
      return true;
    },
    [transport],
  );

  useEffect(() => {
    const id = readPanelSession().conversationId;
    if (id) void load(id);
    return () => {
      loading.current++;
    };
  }, [load]);

  useEffect(() => writePanelSession({ conversationId: chat.id }), [chat]);

  const error: AssistantErrorInfo | undefined = helpers.error
    ? helpers.error instanceof AssistantError
      ? helpers.error.info
      : errorInfo('unknown', helpers.error.message)
    : answer === 'interrupted' && helpers.status === 'ready'
      ? errorInfo('interrupted')
      : undefined;

  const busy = helpers.status === 'submitted' || helpers.status === 'streaming' || answer === 'running';
  const busyRef = useRef(busy);
  busyRef.current = busy;

  // Another tab wrote to the conversation shown here: show what is stored (only while idle, and only
  // if it differs), so this tab never answers from, or stores over, an older copy.
  useEffect(() => {
    if (!historyEvents) return;
    return historyEvents.subscribe((change) => {
      if (!busyRef.current && change.ids.includes(chatRef.current.id)) void load(chatRef.current.id, { onlyIfChanged: true });
    });
  }, [historyEvents, load]);

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
    loading.current++;
    setAnswer('idle');
    setChat(new PanelChat({ id: crypto.randomUUID(), transport }));
  }, [helpers, transport]);
  /** Switch to a stored conversation. An answer still running in the one shown goes on in the background and is stored. */
  const openConversation = useCallback((id: string) => {
    if (id === chatRef.current.id) return Promise.resolve(true);
    return load(id);
  }, [load]);

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
    openConversation,
  };
}

/** Same ids and content, in order (a tab's own copy after its answer is usually identical to the stored one). */
function sameMessages(a: readonly UIMessage[], b: readonly UIMessage[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.id !== b[i]!.id) return false;
  }
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
