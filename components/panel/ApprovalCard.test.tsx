// @vitest-environment happy-dom
import { act, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatTransport, UIMessage, UIMessageChunk } from 'ai';
import { ApprovalCard, type ApprovalResponder } from './ApprovalCard';
import { Thread } from './Thread';
import { usePanelChat } from '../hooks/usePanelChat';
import { ARM_DELAY_MS, checkActivation } from '../../lib/panel/genuine-activation';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The panel's situation: a host element on the page with an open shadow root holding the UI. */
function mountInShadow(node: ReactNode) {
  const host = document.createElement('infra-assistant-panel');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  shadow.append(container);
  const root = createRoot(container);
  mounted.push(root);
  act(() => root.render(node));
  return { host, shadow, container };
}
const mounted: Root[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) act(() => root.unmount());
  document.body.innerHTML = '';
  sessionStorage.clear();
  vi.restoreAllMocks();
});

/** What the browser does for a real click: a trusted event (no script can make one, so the test forges the flag). */
function userClick(target: Element, init: MouseEventInit = { detail: 1, clientX: 40, clientY: 30 }) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0, ...init });
  Object.defineProperty(event, 'isTrusted', { value: true });
  act(() => target.dispatchEvent(event));
}

/** Hit-testing as a browser would answer it (happy-dom does not lay out): the page sees `pageHit`, our root `rootHit`. */
function hitTest(shadow: ShadowRoot, pageHit: Element | null, rootHit: Element | null) {
  vi.spyOn(document, 'elementFromPoint').mockReturnValue(pageHit);
  (shadow as unknown as { elementFromPoint: (x: number, y: number) => Element | null }).elementFromPoint = () => rootHit;
}

const request = (id = 'approval-1') =>
  ({
    type: 'tool-trigger_run',
    toolCallId: 'call-1',
    state: 'approval-requested',
    input: { stack: 'prod-eks' },
    approval: { id, requestReason: 'Triggers a tracked run on prod-eks' },
  }) as const;

let clock = 0;
const now = () => clock;

function renderCard(onRespond: ApprovalResponder) {
  clock = 1_000;
  const view = mountInShadow(<ApprovalCard part={request()} onRespond={onRespond} now={now} />);
  clock += ARM_DELAY_MS + 1;
  const q = (testId: string) => view.shadow.querySelector(`[data-testid="${testId}"]`) as HTMLElement;
  return { ...view, q };
}

describe('approval card', () => {
  it('shows what will run and why', () => {
    const { q, shadow } = renderCard(vi.fn());
    expect(q('ia-approval-card').textContent).toContain('trigger run');
    expect(q('ia-approval-card').textContent).toContain('Triggers a tracked run on prod-eks');
    expect(shadow.querySelector('pre')?.textContent).toContain('"stack": "prod-eks"');
  });

  it("approves on a person's click on the button", () => {
    const onRespond = vi.fn();
    const { q, host, shadow } = renderCard(onRespond);
    hitTest(shadow, host, q('ia-approve'));
    userClick(q('ia-approve'));
    expect(onRespond).toHaveBeenCalledExactlyOnceWith('approval-1', true);
  });

  it("ignores a page script's click() and says so", () => {
    const onRespond = vi.fn();
    const { q, host, shadow } = renderCard(onRespond);
    hitTest(shadow, host, q('ia-approve'));
    act(() => q('ia-approve').click());
    act(() => q('ia-approve').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 })));
    expect(onRespond).not.toHaveBeenCalled();
    expect(q('ia-approval-refused').textContent).toContain('A script on this page tried to answer this approval');
  });

  it('ignores a click when something of the page covers the card', () => {
    const onRespond = vi.fn();
    const { q, shadow } = renderCard(onRespond);
    const overlay = document.createElement('div');
    document.body.append(overlay);
    hitTest(shadow, overlay, null);
    userClick(q('ia-approve'));
    expect(onRespond).not.toHaveBeenCalled();
    expect(q('ia-approval-refused').textContent).toContain('covering this card');
  });

  it('ignores a click that lands in the first moments after the card appears, then accepts one', () => {
    const onRespond = vi.fn();
    const { q, host, shadow } = renderCard(onRespond);
    hitTest(shadow, host, q('ia-approve'));
    clock -= 2; // still within the arming delay
    userClick(q('ia-approve'));
    expect(onRespond).not.toHaveBeenCalled();
    expect(shadow.querySelector('[data-testid="ia-approval-refused"]')).toBeNull();
    clock += 2;
    userClick(q('ia-approve'));
    expect(onRespond).toHaveBeenCalledOnce();
  });

  it('accepts the keyboard (Enter or Space on the focused button), which has no point to hit-test', () => {
    const onRespond = vi.fn();
    const { q, shadow } = renderCard(onRespond);
    hitTest(shadow, null, null);
    userClick(q('ia-approve'), { detail: 0 });
    expect(onRespond).toHaveBeenCalledExactlyOnceWith('approval-1', true);
  });

  it('denies with the reason given, also only on a genuine click', () => {
    const onRespond = vi.fn();
    const { q, host, shadow } = renderCard(onRespond);
    act(() => q('ia-deny').click()); // opening the reason field is harmless: a script may do it
    const reason = q('ia-deny-reason') as HTMLTextAreaElement;
    act(() => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setValue.call(reason, '  Not during the freeze ');
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => q('ia-deny-confirm').click());
    expect(onRespond).not.toHaveBeenCalled();
    hitTest(shadow, host, q('ia-deny-confirm'));
    userClick(q('ia-deny-confirm'));
    expect(onRespond).toHaveBeenCalledExactlyOnceWith('approval-1', false, 'Not during the freeze');
  });
});

describe('genuine activation', () => {
  it('needs the event to start at the button, inside our shadow root', () => {
    const { shadow } = mountInShadow(<button type="button">Approve</button>);
    const button = shadow.querySelector('button')!;
    const elsewhere = document.createElement('button');
    const event = (first: EventTarget, path: EventTarget[]) => ({ isTrusted: true, detail: 0, clientX: 0, clientY: 0, composedPath: () => [first, ...path] });
    const options = { shownAt: 0, now: ARM_DELAY_MS };
    expect(checkActivation(event(button, [shadow, shadow.host, document]), button, shadow, options)).toBe('ok');
    expect(checkActivation(event(elsewhere, [document.body, document]), button, shadow, options)).toBe('elsewhere');
    // Retargeted to our host from outside (a re-dispatch at the host): the path never enters the root.
    expect(checkActivation(event(shadow.host, [document.body, document]), button, shadow, options)).toBe('elsewhere');
    expect(checkActivation({ ...event(button, [shadow]), isTrusted: false }, button, shadow, options)).toBe('untrusted');
  });
});

/** A transport that answers the first request with a tool call waiting for approval, and records every request. */
class ApprovalTransport implements ChatTransport<UIMessage> {
  readonly requests: { messages: UIMessage[]; trigger: string }[] = [];
  async sendMessages({ messages, trigger }: Parameters<ChatTransport<UIMessage>['sendMessages']>[0]) {
    this.requests.push({ messages: structuredClone(messages), trigger });
    const chunks: UIMessageChunk[] =
      this.requests.length === 1
        ? [
            { type: 'start', messageId: 'answer-1' },
            { type: 'start-step' },
            { type: 'tool-input-available', toolCallId: 'call-1', toolName: 'trigger_run', input: { stack: 'prod-eks' } },
            { type: 'tool-approval-request', approvalId: 'approval-1', toolCallId: 'call-1' },
            { type: 'finish-step' },
            { type: 'finish' },
          ]
        : // The tool ran (approved) and the model went on: a new step after the approved call.
          [{ type: 'start' }, { type: 'start-step' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Run triggered.' }, { type: 'text-end', id: 't' }, { type: 'finish-step' }, { type: 'finish' }];
    return new ReadableStream<UIMessageChunk>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
  }
  async reconnectToStream() {
    return null;
  }
}

function ChatHarness({ transport }: { transport: ChatTransport<UIMessage> }) {
  const chat = usePanelChat(undefined, { transport });
  const [asked, setAsked] = useState(false);
  return (
    <>
      <button type="button" data-testid="ask" onClick={() => (setAsked(true), chat.send('Trigger a run on prod-eks'))} disabled={asked} />
      <Thread conversationId={chat.conversationId} messages={chat.messages} status={chat.status} onApproval={chat.respondToApproval} />
    </>
  );
}

describe('approval wired to the chat', () => {
  it('an approval answers the tool call and the answer carries on by itself', async () => {
    vi.spyOn(performance, 'now').mockReturnValue(0);
    const transport = new ApprovalTransport();
    const { shadow, host } = mountInShadow(<ChatHarness transport={transport} />);
    await act(async () => (shadow.querySelector('[data-testid="ask"]') as HTMLElement).click());
    await vi.waitFor(() => expect(shadow.querySelector('[data-testid="ia-approve"]')).not.toBeNull());
    expect(transport.requests).toHaveLength(1);

    const approve = shadow.querySelector('[data-testid="ia-approve"]')!;
    vi.spyOn(performance, 'now').mockReturnValue(ARM_DELAY_MS + 1);
    hitTest(shadow, host, approve);
    await act(async () => userClick(approve));

    await vi.waitFor(() => expect(transport.requests).toHaveLength(2));
    const answered = transport.requests[1]!.messages.at(-1)!;
    expect(answered.role).toBe('assistant');
    expect(answered.parts.find((p) => p.type === 'tool-trigger_run')).toMatchObject({
      state: 'approval-responded',
      approval: { id: 'approval-1', approved: true },
    });
    await vi.waitFor(() => expect(shadow.textContent).toContain('Run triggered.'));
    expect(transport.requests).toHaveLength(2);
  });
});
