import { MockLanguageModelV4, simulateReadableStream } from 'ai/test';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

export function textStep(text: string, id = 't1'): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id },
    ...[...text.matchAll(/.{1,6}/gs)].map((m): LanguageModelV4StreamPart => ({ type: 'text-delta', id, delta: m[0] })),
    { type: 'text-end', id },
    { type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } },
  ];
}

export function toolCallStep(toolName: string, input: object, toolCallId = 'call-1'): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'tool-call', toolCallId, toolName, input: JSON.stringify(input) },
    { type: 'finish', usage, finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
  ];
}

/**
 * A mock model that answers each call with the next scripted step. Like real
 * providers, it makes no tool call when the request says `toolChoice: none`.
 */
export function scriptedMockModel(steps: LanguageModelV4StreamPart[][]): MockLanguageModelV4 {
  let call = 0;
  return new MockLanguageModelV4({
    doStream: async (options) => {
      const chunks = steps[call++];
      if (!chunks) throw new Error('The mock model ran out of scripted steps');
      const noTools = options.toolChoice?.type === 'none' && chunks.some((c) => c.type === 'tool-call');
      return { stream: simulateReadableStream({ chunks: noTools ? textStep('(answered without tools)') : chunks }) };
    },
  });
}
