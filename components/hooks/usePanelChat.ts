import { useChat } from '@ai-sdk/react';
import { lastAssistantMessageIsCompleteWithApprovalResponses, type ChatTransport, type UIMessage } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PanelChat } from '../../lib/chat/panel-chat';
import { PortChatTransport, AssistantError } from '../../lib/chat/port-transport';
import { errorInfo, type AssistantErrorInfo } from '../../lib/agent/errors';
import { requestBackground } from '../../lib/messaging/requests';
import type { AnswerState, BackgroundRequests, RequestOutput } from '../../lib/messaging/protocol';
import { readPanelSession, writePanelSession } from '../../lib/panel/panel-session';
import type { HistoryEvents } from '../../lib/history/history-events';
import type { ChatMode } from '../../lib/db/database';

type StoredConversation = NonNullable<RequestOutput<BackgroundRequests, 'conversations.get'>>;

/** While an answer is still being written in the background (after a reload), look again this often. */
const FOLLOW_RUNNING_MS = 1_000;

/**
 * While an answer streams, at most one render per this many ms (the first words still go at once):
 * smooth to read, and most frames then only scroll (docs/benchmarks.md, frame cost).
 */
const STREAM_RENDER_MS = 50;

/**
 * The chat of the panel: one conversation at a time, streamed from the
 * background over a Port. After a reload of the tab it comes back from
 * IndexedDB: finished, still running (followed until done) or interrupted
 * (offered for retry).
 */
export function usePanelChat(historyEvents?: HistoryEvents, options: { transport?: ChatTransport<UIMessage> } = {}) {
  // The mode is per conversation: what the panel shows now goes with every request (the background decides what runs).
  const [mode, setModeState] = useState<ChatMode>(() => sessionMode(readPanelSession().conversationId) ?? 'ask');
  const modeRef = useRef(mode);
  modeRef.current = mode;
  // Tests pass their own transport; the panel talks to the background over a Port.
  const transport = useMemo(() => options.transport ?? new PortChatTransport({ mode: () => modeRef.current }), []);
  const makeChat = useCallback(
    (id: string, messages?: UIMessage[]) =>
      new PanelChat(
        {
          id,
          messages,
          transport,
          // Once every approval card of the answer has been answered, the answer carries on by itself.
          sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
        },
        STREAM_RENDER_MS,
      ),
    [transport],
  );
  const [chat, setChat] = useState(() => makeChat(readPanelSession().conversationId ?? crypto.randomUUID()));
  const [answer, setAnswer] = useState<AnswerState>('idle');
  // Renders are throttled by PanelChat (first words at once, then at most one render per STREAM_RENDER_MS).
  const helpers = useChat({ chat });
  // The conversation being loaded from storage (a reload, History); a newer load cancels an older one.
  const loading = useRef(0);
  const chatRef = useRef(chat);
  chatRef.current = chat;
  // The user stopped an answer this tab was following: once the background has stopped it, it is done, not "interrupted".
  const stoppedByUser = useRef(false);

  /** Put a stored conversation on screen; the ref moves at once, so a refresh already in flight sees the switch. */
  const show = useCallback(
    (id: string, saved: StoredConversation, answerState: AnswerState = saved.answer) => {
      if (id !== chatRef.current.id) stoppedByUser.current = false;
      // Let go of a followed answer of the chat being replaced: it goes on in the background, unstopped.
      (transport as Partial<PortChatTransport>).detachFollow?.(chatRef.current.id);
      const next = makeChat(id, saved.messages);
      chatRef.current = next;
      setChat(next);
      // A mode switched in this tab for this conversation but not yet sent wins over the stored one.
      setModeState(sessionMode(id) ?? saved.conversation.mode ?? 'ask');
      setAnswer(stoppedByUser.current && answerState === 'interrupted' ? 'idle' : answerState);
      return next;
    },
    [makeChat],
  );

  // Set below: `present` and `load` call each other (following falls back to reading storage again).
  const loadRef = useRef<(id: string) => Promise<unknown>>(async () => undefined);
  const afterFollowRef = useRef<(id: string, chat: PanelChat, ticket: number) => Promise<unknown>>(async () => undefined);

  /**
   * Show a stored conversation. An answer still being written is followed live (replayed so far, then
   * streamed, and Stop stops it) when the background can replay it; otherwise it is read again every
   * second until it is done.
   */
  const present = useCallback(
    (id: string, saved: StoredConversation, ticket: number) => {
      if (saved.answer === 'running' && saved.followable) {
        // Busy from the start (no Send, no second follow) until the follow is over.
        const next = show(id, saved, 'running');
        void next.resumeStream().finally(() => {
          if (ticket !== loading.current || chatRef.current !== next) return;
          setAnswer('idle');
          void afterFollowRef.current(id, next, ticket);
        });
        return;
      }
      show(id, saved);
      if (saved.answer === 'running') {
        setTimeout(() => {
          if (ticket === loading.current && chatRef.current.id === id) void loadRef.current(id);
        }, FOLLOW_RUNNING_MS);
      }
    },
    [show],
  );

  /** Show a stored conversation exactly as it was stored, following its answer if one is being written. */
  const load = useCallback(
    async (id: string): Promise<'shown' | 'missing' | 'superseded'> => {
      const ticket = ++loading.current;
      const saved = await requestBackground('conversations.get', { id }).catch(() => null);
      // A newer switch (or a new conversation) won meanwhile: this one is simply dropped.
      if (ticket !== loading.current) return 'superseded';
      if (!saved) return 'missing';
      present(id, saved, ticket);
      return 'shown';
    },
    [present],
  );
  loadRef.current = load;

  /**
   * Show what is stored for the conversation on screen, if it changed. Never cancels a switch: it takes
   * no ticket of its own, and gives way to any load or new conversation started, or shown, meanwhile.
   */
  const refreshShown = useCallback(async () => {
    const ticket = loading.current;
    const id = chatRef.current.id;
    const saved = await requestBackground('conversations.get', { id }).catch(() => null);
    if (!saved || ticket !== loading.current || id !== chatRef.current.id || busyRef.current || showingErrorRef.current) return;
    if (sameMessages(chatRef.current.messages, saved.messages) && saved.answer !== 'running') return;
    present(id, saved, ticket);
  }, [present]);

  /** A follow is over (or found nothing to follow): storage has the final word. */
  afterFollowRef.current = async (id: string, followed: PanelChat, ticket: number) => {
    const saved = await requestBackground('conversations.get', { id }).catch(() => null);
    if (!saved || ticket !== loading.current || chatRef.current !== followed) return;
    // Failed: keep the error and its action, but over the stored answer, not the copy rebuilt for following.
    if (followed.status === 'error') {
      followed.messages = saved.messages;
      return;
    }
    if (saved.answer === 'running' || !sameMessages(followed.messages, saved.messages)) present(id, saved, ticket);
  };

  useEffect(() => {
    const id = readPanelSession().conversationId;
    if (id) void load(id);
    return () => {
      loading.current++;
    };
  }, [load]);

  useEffect(() => {
    // Another conversation: what the session kept for the previous one (its mode, its scroll place) is not this one's.
    const switched = readPanelSession().conversationId !== chat.id;
    writePanelSession({ conversationId: chat.id, ...(switched ? { mode: undefined, scroll: undefined } : {}) });
  }, [chat]);
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
  const busyRef = useRef(busy);
  busyRef.current = busy;
  // An error on screen (and its fix: Retry, Switch model) stays until the user acts on it; a refresh would drop it.
  const showingErrorRef = useRef(false);
  showingErrorRef.current = helpers.status === 'error';

  // Another tab wrote to the conversation shown here: show what is stored (only while idle, and only
  // if it differs), so this tab never answers from, or stores over, an older copy.
  useEffect(() => {
    if (!historyEvents) return;
    return historyEvents.subscribe((change) => {
      if (!busyRef.current && !showingErrorRef.current && change.ids.includes(chatRef.current.id)) void refreshShown();
    });
  }, [historyEvents, refreshShown]);

  const send = useCallback(
    (text: string) => {
      if (!text.trim() || busy) return;
      stoppedByUser.current = false;
      setAnswer('idle');
      void helpers.sendMessage({ text });
    },
    [helpers, busy],
  );
  const newConversation = useCallback(() => {
    void helpers.stop();
    loading.current++;
    setAnswer('idle');
    // A new conversation starts in Ask, the mode that cannot change anything.
    setModeState('ask');
    const next = makeChat(crypto.randomUUID());
    chatRef.current = next;
    setChat(next);
  }, [helpers, makeChat]);
  /** Switch to a stored conversation. An answer still running in the one shown goes on in the background and is stored. */
  const openConversation = useCallback(
    (id: string) => {
      if (id === chatRef.current.id) return Promise.resolve('shown' as const);
      return load(id);
    },
    [load],
  );

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
      // Once the background has stopped it, the answer is done, not "interrupted".
      stoppedByUser.current = true;
      void helpers.stop();
      // An answer read from storage after a reload (not followed live) runs without a Port of ours: ask the background.
      if (answer === 'running') void requestBackground('chat.stop', { conversationId: chat.id }).catch(() => undefined);
    },
    retry: () => {
      setAnswer('idle');
      helpers.clearError();
      void helpers.regenerate();
    },
    /**
     * Carry on an interrupted answer where it stopped: the model gets the conversation with the partial
     * answer last, and what it writes is added to that same answer (nothing already written is dropped).
     */
    continueAnswer: () => {
      setAnswer('idle');
      helpers.clearError();
      void helpers.sendMessage();
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

/** The mode this tab last showed for a conversation, if the session is about that one. */
function sessionMode(conversationId: string | undefined): ChatMode | undefined {
  const session = readPanelSession();
  return conversationId && session.conversationId === conversationId ? session.mode : undefined;
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
