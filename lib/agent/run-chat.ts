import {
  convertToModelMessages,
  isStepCount,
  isToolUIPart,
  readUIMessageStream,
  streamText,
  toUIMessageStream,
  type ToolSet,
  type UIMessage,
  type UIMessageChunk,
} from 'ai';
import type { ConversationStore } from '../db/conversation-store';
import type { ChatMode } from '../db/database';
import type { ChatSendRequest } from '../messaging/chat-port';
import { classifyError, errorInfo, redactSecrets, type AssistantErrorInfo } from './errors';
import { budgetExhaustedError, type ModelChoice } from '../models/model-choice';
import type { CallToRecord } from '../budget/usage-ledger';
import { costMicros, tokenUsageOf } from '../budget/pricing';
import { answerUsage, type AnswerMetadata } from '../budget/answer-usage';
import { buildInstructions } from './instructions';
import { hasContent } from '../chat/message-content';
import { isRepeatingToolCalls } from './loop-guard';
import { AnswerWriter } from './answer-writer';
import { settleUnavailableApprovals } from './unavailable-approvals';

/** Hard cap on model steps per answer: a runaway tool loop ends here. */
export const MAX_STEPS = 8;

export interface ChatSink {
  chunk(chunk: UIMessageChunk): void;
  done(): void;
  failure(error: AssistantErrorInfo): void;
}

export interface RunChatDeps {
  store: ConversationStore;
  /** The integration and model this conversation uses (its own choice, or the default), or null when none is set up. */
  chooseModel: (conversationId: string) => Promise<ModelChoice | null>;
  /**
   * Whether the extension lacks the host permission for the endpoint the choice calls.
   * Asked only after a network failure, to say why instead of "could not be reached".
   */
  lacksHostPermission?: (choice: ModelChoice) => Promise<boolean>;
  /** Write one model call's usage to the ledger. */
  recordUsage?: (call: CallToRecord) => Promise<unknown>;
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
  const choice = await deps.chooseModel(request.conversationId);
  const mode = deps.mode ?? 'ask';
  // A model without tool calling chats without tools (the panel says so).
  const tools: ToolSet = choice?.info.toolCalling ? deps.tools : {};
  // An approval answered for a tool this answer cannot run: not run, and so stored; the model and the
  // panel are told (the panel only for the answer being carried on, the one its stream writes into).
  const messages = choice ? settleUnavailableApprovals(request.messages, tools, notRunReason(mode)) : request.messages;
  if (messages !== request.messages) for (const chunk of settledChunks(request.messages, messages)) sink.chunk(chunk);
  await deps.store.saveHistory(
    {
      id: request.conversationId,
      account: deps.account,
      mode,
      model: choice?.modelId ?? '',
      ...(choice ? { integrationId: choice.integration.id } : {}),
    },
    messages,
  );
  if (!choice) {
    sink.failure(errorInfo('no-model'));
    return;
  }
  // The question is stored above, so nothing is lost: the panel offers another integration.
  if (choice.budget.exhausted) {
    sink.failure(budgetExhaustedError(choice.integration.name, choice.budget));
    return;
  }

  const secrets = [choice.integration.apiKey];
  const price = choice.info.price;
  const limit = choice.budget.limitMicros;
  let spentInAnswer = 0;
  const recording: Promise<unknown>[] = [];
  let calls = 0;
  let lastFinish: string | undefined;
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
      model: choice.model,
      instructions: buildInstructions({ pageUrl: deps.pageUrl, mode, toolsAvailable: choice.info.toolCalling }),
      messages: await convertToModelMessages(messages, { tools, ignoreIncompleteToolCalls: true }),
      tools,
      stopWhen: [
        isStepCount(MAX_STEPS),
        // A budget that runs out mid-answer ends it after the step that used it up: what was written stays.
        ({ steps }) => {
          if (limit === null || !price) return false;
          spentInAnswer = steps.reduce((sum, step) => sum + costMicros(tokenUsageOf(step.usage), price), 0);
          return choice.budget.usedMicros + spentInAnswer >= limit;
        },
      ],
      onStepEnd: (step) => {
        calls++;
        lastFinish = step.finishReason;
        const record = deps.recordUsage?.({
          integrationId: choice.integration.id,
          integrationName: choice.integration.name,
          provider: choice.integration.provider,
          model: choice.modelId,
          kind: 'chat',
          conversationId: request.conversationId,
          usage: tokenUsageOf(step.usage),
          price,
        });
        if (record) {
          recording.push(
            record.catch((error: unknown) => console.warn('[infra-assistant] could not record usage:', error instanceof Error ? error.message : String(error))),
          );
        }
      },
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
      // Each answer carries what it used, shown under it in the panel.
      messageMetadata: ({ part }): AnswerMetadata | undefined =>
        part.type === 'finish'
          ? { usage: answerUsage(part.totalUsage, calls, { integrationName: choice.integration.name, model: choice.modelId, price }) }
          : undefined,
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
  if (failure?.code === 'network' && (await deps.lacksHostPermission?.(choice).catch(() => false))) failure = errorInfo('host-permission');
  await writer.settled();
  // The panel refreshes its budget meter when the answer ends: the ledger must be written by then.
  await Promise.all(recording);
  // Stopped by the budget while the model still wanted to go on (it had called tools): say so; what was written is kept.
  const budgetUsedUp = limit !== null && choice.budget.usedMicros + spentInAnswer >= limit;
  if (!failure && budgetUsedUp && lastFinish === 'tool-calls' && calls < MAX_STEPS) {
    failure = budgetExhaustedError(choice.integration.name, { ...choice.budget, usedMicros: choice.budget.usedMicros + spentInAnswer, exhausted: true });
  }
  if (failure) sink.failure(failure);
  else sink.done();
}

function notRunReason(mode: ChatMode): string {
  return mode === 'build'
    ? 'Not run: this tool is not available to this answer.'
    : 'Not run: the conversation is in Ask mode, which cannot change anything. Switch to Build mode to make changes.';
}

/**
 * The chunks that tell the panel which approved calls of the answer being carried on (the last
 * message) were settled as not run. Earlier answers are not in the panel's stream: they show as
 * stored from their next load.
 */
function settledChunks(before: UIMessage[], after: UIMessage[]): UIMessageChunk[] {
  const last = after.at(-1);
  const was = before.at(-1);
  if (!last || !was || last === was || last.role !== 'assistant') return [];
  const approved = new Set(was.parts.filter((p) => isToolUIPart(p) && p.state === 'approval-responded').map((p) => (p as { toolCallId: string }).toolCallId));
  return last.parts.flatMap((part): UIMessageChunk[] =>
    isToolUIPart(part) && part.state === 'output-error' && approved.has(part.toolCallId)
      ? [{ type: 'tool-output-error', toolCallId: part.toolCallId, errorText: part.errorText ?? '' }]
      : [],
  );
}
