// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatTransport, UIMessage } from 'ai';
import { HistoryEvents } from '../../lib/history/history-events';
import { usePanelChat } from './usePanelChat';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The background, as the panel sees it: `conversations.get` answers when the test says so.
const pending: { id: string; resolve: (value: unknown) => void }[] = [];
vi.mock('../../lib/messaging/requests', () => ({
  requestBackground: (name: string, input: { id: string }) => {
    if (name !== 'conversations.get') return Promise.resolve(undefined);
    return new Promise((resolve) => pending.push({ id: input.id, resolve }));
  },
}));

const stored = (id: string, text: string) => ({
  conversation: { id, title: text, mode: 'ask' },
  messages: [
    { id: `${id}-q`, role: 'user', parts: [{ type: 'text', text }] },
    { id: `${id}-a`, role: 'assistant', parts: [{ type: 'text', text: `answer to ${text}` }] },
  ] as UIMessage[],
  answer: 'idle',
});

/** Answer the oldest waiting `conversations.get` for `id`. */
async function answer(id: string, value: unknown) {
  const at = pending.findIndex((p) => p.id === id);
  expect(at, `a request for ${id} is waiting`).toBeGreaterThanOrEqual(0);
  const [request] = pending.splice(at, 1);
  await act(async () => request!.resolve(value));
}

const unusedTransport: ChatTransport<UIMessage> = {
  sendMessages: () => Promise.reject(new Error('not in this test')),
  reconnectToStream: () => Promise.resolve(null),
};

let chat: ReturnType<typeof usePanelChat>;
function Probe({ events }: { events: HistoryEvents }) {
  chat = usePanelChat(events, { transport: unusedTransport });
  return null;
}

let root: Root;
const events = new HistoryEvents();
const shownText = () => chat.messages.map((m) => (m.parts[0] as { text: string }).text);

beforeEach(async () => {
  pending.length = 0;
  sessionStorage.setItem('infra-assistant:panel', JSON.stringify({ conversationId: 'A' }));
  root = createRoot(document.createElement('div'));
  await act(async () => root.render(<Probe events={events} />));
  await answer('A', stored('A', 'first'));
  expect(shownText()).toEqual(['first', 'answer to first']);
});
afterEach(() => {
  act(() => root.unmount());
  sessionStorage.clear();
});

describe('usePanelChat: switching conversations while another tab writes to the one shown', () => {
  it('a refresh of the shown conversation that starts during a switch does not cancel it', async () => {
    let opened: Promise<string> | undefined;
    act(() => void (opened = chat.openConversation('B')));
    // Another tab wrote to A: the panel asks for A again, while B is still on its way.
    act(() => events.emit({ ids: ['A'] } as never));
    await answer('A', stored('A', 'first, edited elsewhere'));
    await answer('B', stored('B', 'second'));
    expect(await opened).toBe('shown');
    expect(chat.conversationId).toBe('B');
    expect(shownText()).toEqual(['second', 'answer to second']);
  });

  it("a refresh that answers after the switch does not bring the old conversation back", async () => {
    act(() => events.emit({ ids: ['A'] } as never));
    let opened: Promise<string> | undefined;
    act(() => void (opened = chat.openConversation('B')));
    await answer('B', stored('B', 'second'));
    await answer('A', stored('A', 'first, edited elsewhere'));
    expect(await opened).toBe('shown');
    expect(chat.conversationId).toBe('B');
    expect(shownText()).toEqual(['second', 'answer to second']);
  });

  it('a refresh shows what another tab wrote when nothing else happened', async () => {
    act(() => events.emit({ ids: ['A'] } as never));
    await answer('A', stored('A', 'first, edited elsewhere'));
    expect(chat.conversationId).toBe('A');
    expect(shownText()).toEqual(['first, edited elsewhere', 'answer to first, edited elsewhere']);
  });

  it('a newer switch supersedes an older one, which then reports so', async () => {
    let first: Promise<string> | undefined;
    let second: Promise<string> | undefined;
    act(() => void (first = chat.openConversation('B')));
    act(() => void (second = chat.openConversation('C')));
    await answer('C', stored('C', 'third'));
    await answer('B', stored('B', 'second'));
    expect(await first).toBe('superseded');
    expect(await second).toBe('shown');
    expect(shownText()).toEqual(['third', 'answer to third']);
  });

  it('a conversation that is gone is reported missing, and the shown one stays', async () => {
    let opened: Promise<string> | undefined;
    act(() => void (opened = chat.openConversation('gone')));
    await answer('gone', null);
    expect(await opened).toBe('missing');
    expect(chat.conversationId).toBe('A');
  });

  it('an error on screen stays when another tab writes to the conversation', async () => {
    await act(async () => chat.send('Hello?'));
    expect(chat.error).toBeDefined();
    act(() => events.emit({ ids: ['A'] } as never));
    // No refresh is asked for, and nothing replaces the chat that holds the error and its action.
    expect(pending).toHaveLength(0);
    expect(chat.error).toBeDefined();
  });
});
