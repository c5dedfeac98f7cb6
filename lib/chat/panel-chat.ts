import { Chat } from '@ai-sdk/react';
import type { UIMessage } from 'ai';
import { throttleRenders } from './render-throttle';

type ChatInit = ConstructorParameters<typeof Chat<UIMessage>>[0];

/**
 * The AI SDK's React Chat, with a render throttle that lets the first words of an
 * answer (and each new tool card) through at once. useChat's own `throttle` is a plain
 * throttle: the first text delta, which follows the message's start within a few ms,
 * waited for the trailing edge (measured: 17 ms median from the model's first text to
 * the panel; bench/first-text.ts).
 */
export class PanelChat extends Chat<UIMessage> {
  constructor(init: ChatInit, renderWaitMs = 16) {
    super(init);
    const register = this['~registerMessagesCallback'];
    this['~registerMessagesCallback'] = (onChange: () => void) => register(throttleRenders(onChange, renderWaitMs, () => this.messages));
  }
}
