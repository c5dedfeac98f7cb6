import type { ChatTransport, UIMessage, UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import { PanelChat } from './panel-chat';
import { PortChatTransport } from './port-transport';
import { chunksOfMessage } from './message-chunks';

// A panel that comes back after a reload shows the stored copy of the answer, then follows it: the
// background replays the answer's chunks from its start. The chat must rebuild the answer from them,
// not add them to the stored copy.

const question: UIMessage = { id: 'q1', role: 'user', parts: [{ type: 'text', text: 'Retry prod-eks' }] };
/** As stored mid-answer: an approved call still running (the SDK then resumes on the stored copy). */
const storedPartial: UIMessage = {
  id: 'a1',
  role: 'assistant',
  parts: [
    { type: 'step-start' },
    { type: 'text', text: 'Triggering the run.', state: 'done' },
    { type: 'tool-trigger_run', toolCallId: 'call-1', state: 'approval-responded', input: { stack: 'prod-eks' }, approval: { id: 'ap-1', approved: true } } as never,
  ],
};

function replayingTransport(isReplay: boolean, chunks: UIMessageChunk[]): ChatTransport<UIMessage> & { resumeStreamIsReplay?: boolean } {
  return {
    resumeStreamIsReplay: isReplay,
    sendMessages: () => Promise.reject(new Error('not in this test')),
    reconnectToStream: async () =>
      new ReadableStream<UIMessageChunk>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      }),
  };
}

const texts = (message: UIMessage | undefined) => message?.parts.filter((p) => p.type === 'text').map((p) => (p as { text: string }).text);

describe('following an answer after a reload', () => {
  // What the background replays: the whole answer from its start, and what came since.
  const replay: UIMessageChunk[] = [
    ...chunksOfMessage({ ...storedPartial, parts: [storedPartial.parts[0]!, storedPartial.parts[1]!, { ...(storedPartial.parts[2] as object), state: 'input-available' } as never] }),
    { type: 'tool-output-available', toolCallId: 'call-1', output: { runId: '01HX' } },
    { type: 'text-start', id: 't2' },
    { type: 'text-delta', id: 't2', delta: 'Run 01HX is queued.' },
    { type: 'text-end', id: 't2' },
    { type: 'finish' },
  ];

  it('rebuilds the answer from the replay instead of adding it to the stored copy', async () => {
    const transport = replayingTransport(true, replay);
    const chat = new PanelChat({ id: 'c1', messages: [question, storedPartial], transport }, 0);
    await chat.resumeStream();
    expect(chat.messages).toHaveLength(2);
    expect(texts(chat.messages[1])).toEqual(['Triggering the run.', 'Run 01HX is queued.']);
    expect(chat.messages[1]!.parts.filter((p) => 'toolCallId' in p)).toHaveLength(1);
  });

  it('which is what the Port transport declares', () => {
    expect(new PortChatTransport().resumeStreamIsReplay).toBe(true);
  });
});
