import {
  convertToModelMessages,
  isStepCount,
  readUIMessageStream,
  streamText,
  toUIMessageStream,
  type LanguageModel,
  type ToolSet,
  type UIMessage,
  type UIMessageChunk,
} from 'ai';
import type { ConversationStore } from '../db/conversation-store';
import type { ChatMode } from '../db/database';
import type { ChatSendRequest } from '../messaging/chat-port';
import type { ModelSettings } from '../settings/model-settings';
import { classifyError, errorInfo, redactSecrets, type AssistantErrorInfo } from './errors';
import { buildInstructions } from './instructions';
import { hasContent } from '../chat/message-content';
import { isRepeatingToolCalls } from './loop-guard';
import { AnswerWriter } from './answer-writer';

/** Hard cap on model steps per answer: a runaway tool loop ends here. */
export const MAX_STEPS = 8;

export interface ChatSink {
  chunk(chunk: UIMessageChunk): void;
  done(): void;
  failure(error: AssistantErrorInfo): void;
}

export interface RunChatDeps {
  store: ConversationStore;
  loadSettings: () => Promise<ModelSettings | null>;
  createModel: (settings: ModelSettings) => LanguageModel;
  tools: ToolSet;
  account: string;
  pageUrl?: string;
  mode?: ChatMode;
  generateId?: () => string;
  /** How often the growing answer is written while it streams (ms). */
  partialSaveIntervalMs?: number;
}

/**
 * One answer: store the history first (write-ahead), call the model with the
 * tools, stream UI chunks to the sink, and store the answer after every step
 * and when it ends. The sink may go away (tab closed): the answer is still
 * produced and stored.
 */
export async function runChat(request: ChatSendRequest, deps: RunChatDeps, sink: ChatSink, abortSignal?: AbortSignal): Promise<void> {
  const settings = await deps.loadSettings();
  const mode = deps.mode ?? 'ask';
  const messages = request.messages;
  await deps.store.saveHistory(
    { id: request.conversationId, account: deps.account, mode, model: settings?.model ?? '' },
    messages,
  );
  if (!settings) {
    sink.failure(errorInfo('no-model'));
    return;
  }

  const secrets = [settings.apiKey];
  let failure: AssistantErrorInfo | undefined;
  const answerSeq = (message: UIMessage) => {
    const index = messages.findIndex((m) => m.id === message.id);
    return index >= 0 ? index : messages.length;
  };
  const writer = new AnswerWriter(
    (message, status) => deps.store.saveAnswer(request.conversationId, answerSeq(message), message, status),
    deps.partialSaveIntervalMs,
  );

  try {
    const result = streamText({
      model: deps.createModel(settings),
      instructions: buildInstructions({ pageUrl: deps.pageUrl, mode }),
      messages: await convertToModelMessages(messages, { tools: deps.tools, ignoreIncompleteToolCalls: true }),
      tools: deps.tools,
      stopWhen: isStepCount(MAX_STEPS),
      // A stuck model (identical calls again) or the last allowed step: no more tools, answer with what you have.
      prepareStep: ({ steps, stepNumber }) =>
        stepNumber >= MAX_STEPS - 1 || isRepeatingToolCalls(steps) ? { toolChoice: 'none' as const } : undefined,
      abortSignal,
      maxRetries: 1,
      // The SDK's default logs the raw error, and providers echo keys back in theirs.
      onError: ({ error }) => {
        console.warn('[infra-assistant] model call failed:', redactSecrets(error instanceof Error ? error.message : String(error), secrets));
      },
    });
    const stream = toUIMessageStream({
      stream: result.stream,
      tools: deps.tools,
      originalMessages: messages,
      generateMessageId: deps.generateId ?? (() => crypto.randomUUID()),
      // Tool errors are our own messages (refusals, "add an API key"): they go to the card and the
      // model as they are, and do not fail the answer. onError then sees only stream failures.
      redactToolErrors: false,
      onError: (error) => {
        // The first error is the cause; later ones are its echoes.
        failure ??= classifyError(error, secrets);
        return failure.message;
      },
      onStepEnd: ({ responseMessage }) => writer.step(responseMessage),
      // An answer that failed before saying anything is not kept: the question stays, ready to retry.
      onEnd: ({ responseMessage, isAborted }) =>
        hasContent(responseMessage) ? writer.end(responseMessage, isAborted || failure ? 'interrupted' : 'complete') : undefined,
    });
    // One copy of the stream goes to the panel, the other is folded into the growing answer and stored.
    const [toPanel, toStore] = stream.tee();
    const continued = messages.at(-1)?.role === 'assistant' ? structuredClone(messages.at(-1)) : undefined;
    const storing = (async () => {
      for await (const snapshot of readUIMessageStream({ message: continued, stream: toStore })) {
        if (hasContent(snapshot)) writer.partial(snapshot);
      }
    })().catch(() => undefined);
    for await (const chunk of toPanel) sink.chunk(chunk);
    await storing;
  } catch (error) {
    failure ??= classifyError(error, secrets);
  }
  await writer.settled();
  if (failure) sink.failure(failure);
  else sink.done();
}
