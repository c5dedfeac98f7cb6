import { readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import { chunksOfMessage } from './message-chunks';

/** What the AI SDK builds from the chunks: the same reader the panel's chat uses. */
async function rebuild(chunks: UIMessageChunk[]): Promise<UIMessage | undefined> {
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream })) last = message;
  return last;
}

describe('chunksOfMessage', () => {
  it('rebuilds an answer with steps, text, reasoning and tool calls in their final states', async () => {
    const answer: UIMessage = {
      id: 'answer-1',
      role: 'assistant',
      metadata: { usage: { inputTokens: 10 } },
      parts: [
        { type: 'step-start' },
        { type: 'reasoning', id: 'r-1', text: 'The user wants failed stacks.', state: 'done' } as UIMessage['parts'][number],
        { type: 'tool-query_graphql', toolCallId: 'call-1', state: 'output-available', input: { query: '{ stacks { id } }' }, output: { data: { stacks: [] } } },
        { type: 'tool-search_docs', toolCallId: 'call-2', state: 'output-error', input: { query: 'x' }, errorText: 'Docs unreachable' },
        { type: 'step-start' },
        { type: 'text', text: 'No stack has **failed**.', state: 'done' },
      ],
    };
    // (The reader spells out absent fields as undefined: compared as stored, through JSON.)
    expect(JSON.parse(JSON.stringify(await rebuild(chunksOfMessage(answer))))).toEqual(answer);
  });

  it('rebuilds a partial answer cut off mid-text', async () => {
    const partial: UIMessage = { id: 'answer-2', role: 'assistant', parts: [{ type: 'step-start' }, { type: 'text', text: 'Checking each st', state: 'done' }] };
    expect(JSON.parse(JSON.stringify(await rebuild(chunksOfMessage(partial))))).toEqual(partial);
  });

  it('and the chunks written since carry on from it, in the same message', async () => {
    const partial: UIMessage = { id: 'answer-3', role: 'assistant', parts: [{ type: 'step-start' }, { type: 'text', text: 'Checking each st', state: 'done' }] };
    const since: UIMessageChunk[] = [
      { type: 'start', messageId: 'answer-3' },
      { type: 'start-step' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'ack: all healthy.' },
      { type: 'text-end', id: 't' },
      { type: 'finish-step' },
      { type: 'finish' },
    ];
    const message = await rebuild([...chunksOfMessage(partial), ...since]);
    expect(message?.id).toBe('answer-3');
    expect(message?.parts.filter((p) => p.type === 'text').map((p) => (p as { text: string }).text)).toEqual(['Checking each st', 'ack: all healthy.']);
  });
});
