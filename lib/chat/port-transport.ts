import { browser } from 'wxt/browser';
import type { ChatTransport, UIMessage, UIMessageChunk } from 'ai';
import { CHAT_PORT_NAME, type ChatClientMessage, type ChatServerMessage } from '../messaging/chat-port';
import { errorInfo, type AssistantErrorInfo } from '../agent/errors';
import type { ChatMode } from '../db/database';
import { mergeDeltas } from './merge-deltas';
import { chunksOfMessage } from './message-chunks';

/** An error the panel knows how to explain and offer a fix for. */
export class AssistantError extends Error {
  constructor(readonly info: AssistantErrorInfo) {
    super(info.message);
    this.name = 'AssistantError';
  }
}

/**
 * useChat's transport over an extension Port: one Port per answer, carrying
 * the AI SDK's UI message chunks unchanged. A Port that closes before the
 * answer is done (the worker was stopped) becomes an "interrupted" error, so
 * the panel never waits forever.
 */
export class PortChatTransport implements ChatTransport<UIMessage> {
  /**
   * A followed answer is replayed from its start: the chat rebuilds the message from the chunks
   * instead of adding them to the copy it loaded from storage (which would show the text twice).
   */
  readonly resumeStreamIsReplay = true;
  /** Follows in progress, by conversation: leaving a conversation lets go of its follow without stopping the answer. */
  private readonly follows = new Map<string, () => void>();

  /** `mode` is read at each send: the conversation's mode as the panel shows it now. */
  constructor(private readonly options: { mode?: () => ChatMode } = {}) {}

  /** Stop following this conversation's answer (it goes on in the background, and is stored). */
  detachFollow(chatId: string): void {
    this.follows.get(chatId)?.();
  }

  async sendMessages({
    chatId,
    messages,
    trigger,
    abortSignal,
  }: Parameters<ChatTransport<UIMessage>['sendMessages']>[0]): Promise<ReadableStream<UIMessageChunk>> {
    const port = browser.runtime.connect({ name: CHAT_PORT_NAME });
    const mode = this.options.mode?.() ?? 'ask';
    const { stream } = portStream(port, [], abortSignal);
    // The stream listens from its construction on: the request goes after.
    post(port, { type: 'send', conversationId: chatId, trigger, messages, mode });
    return stream;
  }

  /**
   * Follow the answer the background is still writing for this conversation (the panel came back after
   * a reload): what was written so far, replayed, then the rest live. Null when none is running.
   */
  async reconnectToStream({ chatId, abortSignal }: Parameters<ChatTransport<UIMessage>['reconnectToStream']>[0]): Promise<ReadableStream<UIMessageChunk> | null> {
    const port = browser.runtime.connect({ name: CHAT_PORT_NAME });
    const first = await new Promise<ChatServerMessage | null>((resolve) => {
      const onMessage = (message: ChatServerMessage) => {
        port.onMessage.removeListener(onMessage);
        resolve(message);
      };
      port.onMessage.addListener(onMessage);
      port.onDisconnect.addListener(() => resolve(null));
      post(port, { type: 'follow', conversationId: chatId });
    });
    if (first?.type !== 'replay' || abortSignal?.aborted) {
      port.disconnect();
      return null;
    }
    // An answer carried on (Continue, an approval) is rebuilt on what it carries on from.
    const replay = [...(first.base ? chunksOfMessage(first.base) : []), ...first.chunks];
    this.follows.get(chatId)?.();
    const { stream, detach } = portStream(port, replay, abortSignal, () => {
      if (this.follows.get(chatId) === detach) this.follows.delete(chatId);
    });
    this.follows.set(chatId, detach);
    return stream;
  }
}

/**
 * The chunks of one answer as they arrive on `port` (after `initial`), ending with its done, its failure,
 * or "interrupted" if the Port closes first. `detach` ends the stream quietly: the Port closes, nothing
 * is stopped. `onEnd` runs once, however it ends.
 */
function portStream(
  port: ReturnType<typeof browser.runtime.connect>,
  initial: UIMessageChunk[],
  abortSignal: AbortSignal | undefined,
  onEnd?: () => void,
): { stream: ReadableStream<UIMessageChunk>; detach: () => void } {
  let settled = false;
  // Chunks wait here until the chat reads: a run of deltas that piled up meanwhile is handed over as one.
  let pending: UIMessageChunk[] = initial;
  let end: (() => void) | undefined;
  let wake: (() => void) | undefined;
  const arrived = () => {
    wake?.();
    wake = undefined;
  };
  let detach: () => void = () => undefined;
  const stream = new ReadableStream<UIMessageChunk>(
    {
      start(controller) {
        const settle = (finish: () => void) => {
          if (settled) return;
          settled = true;
          end = finish;
          port.disconnect();
          arrived();
          onEnd?.();
        };
        detach = () => settle(() => controller.close());
        port.onMessage.addListener((message: ChatServerMessage) => {
          if (settled) return;
          if (message.type === 'chunk' || message.type === 'chunks') {
            // Errors arrive as a typed failure message instead, with the action that fixes them.
            for (const chunk of message.type === 'chunk' ? [message.chunk] : message.chunks) if (chunk.type !== 'error') pending.push(chunk);
            arrived();
          } else if (message.type === 'done') settle(() => controller.close());
          else if (message.type === 'failure') settle(() => controller.error(new AssistantError(message.error)));
        });
        port.onDisconnect.addListener(() => {
          if (settled) return;
          settled = true;
          end = () => controller.error(new AssistantError(errorInfo('interrupted')));
          arrived();
          onEnd?.();
        });
        abortSignal?.addEventListener('abort', () => {
          if (settled) return;
          post(port, { type: 'abort' });
          settle(() => controller.close());
        });
      },
      async pull(controller) {
        while (!pending.length && !end) await new Promise<void>((resolve) => (wake = resolve));
        if (pending.length) {
          for (const chunk of mergeDeltas(pending)) controller.enqueue(chunk);
          pending = [];
          return;
        }
        end?.();
      },
      cancel() {
        if (!settled) post(port, { type: 'abort' });
        settled = true;
        end ??= () => undefined;
        port.disconnect();
        arrived();
      },
    },
    // Pull only when the chat is ready for more, so what arrives meanwhile can be merged.
    { highWaterMark: 0 },
  );
  return { stream, detach: () => detach() };
}

function post(port: ReturnType<typeof browser.runtime.connect>, message: ChatClientMessage): void {
  try {
    port.postMessage(message);
  } catch {
    // The port is already gone; onDisconnect reports it.
  }
}
