import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant, openStoredConversation, type AssistantSession } from './harness/assistant-session';
import type { MessageRecord } from './harness/extension';
import { ANCHOR_MARGIN, WINDOW_INITIAL as FIRST, WINDOW_STEP as STEP } from '../../lib/chat/thread-window';

const IN_PANEL = 'infra-assistant-panel >>> ';
const COUNT = 300;
const CONVERSATION = 'long-thread';

/** A long conversation: short questions, markdown answers of varied length. */
function records(): MessageRecord[] {
  const start = Date.now() - 3_600_000;
  return Array.from({ length: COUNT }, (_, seq) => {
    const role = seq % 2 === 0 ? 'user' : 'assistant';
    const id = `m${seq}`;
    const text =
      role === 'user'
        ? `Question ${seq / 2 + 1}: what changed on prod-eks-${seq}?`
        : `Answer ${seq}. ${'The stack **prod-eks** applied cleanly. '.repeat(1 + (seq % 5))}\n\n| run | state |\n|---|---|\n| r${seq} | FINISHED |`;
    // The last answer looked something up: a tool card with a large result, above its text.
    const tool =
      seq === COUNT - 1
        ? [{ type: 'tool-query_graphql', toolCallId: 'call-last', state: 'output-available', input: { query: '{ stacks { id state } }' }, output: { data: { stacks: Array.from({ length: 60 }, (_, i) => ({ id: `stack-${i}`, state: 'FINISHED' })) } } }]
        : [];
    return { id, conversationId: CONVERSATION, seq, role, createdAt: start + seq, status: 'complete', message: { id, role, parts: [...tool, { type: 'text', text, ...(role === 'assistant' ? { state: 'done' } : {}) }] } };
  });
}

/** The thread as the reader sees it: which messages are rendered, what the "earlier" button says, where it is scrolled. */
function threadState(s: AssistantSession) {
  return s.page.evaluate(() => {
    const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-testid="ia-thread"]')!;
    const ids = [...thread.querySelectorAll<HTMLElement>('[data-message-id]')].map((m) => m.dataset.messageId!);
    return {
      ids,
      more: thread.querySelector('[data-testid="ia-thread-more"]')?.textContent ?? null,
      fromEnd: Math.round(thread.scrollHeight - thread.scrollTop - thread.clientHeight),
      scrollTop: Math.round(thread.scrollTop),
    };
  });
}

/** Where a message's top is, relative to the thread's top edge. */
function topOf(s: AssistantSession, id: string) {
  return s.page.evaluate((messageId) => {
    const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-testid="ia-thread"]')!;
    const message = thread.querySelector(`[data-message-id="${messageId}"]`)!;
    return Math.round(message.getBoundingClientRect().top - thread.getBoundingClientRect().top);
  }, id);
}

describe('a long conversation opens fast at its end and loads older messages as the reader scrolls up', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks');
    await openStoredConversation(s, { id: CONVERSATION, title: 'A long conversation' }, records());
    await s.page.waitForSelector(`${IN_PANEL}[data-message-id="m${COUNT - 1}"]`);
  });
  afterAll(() => s?.close());

  it('renders only the last messages, scrolled to the end, and says how many are earlier', async () => {
    const state = await threadState(s);
    expect(state.ids).toHaveLength(FIRST);
    expect(state.ids[0]).toBe(`m${COUNT - FIRST}`);
    expect(state.ids.at(-1)).toBe(`m${COUNT - 1}`);
    expect(state.more).toBe(`Show ${COUNT - FIRST} earlier messages`);
    expect(state.fromEnd).toBeLessThanOrEqual(2);
  });

  it('a tool card opened at the end of the thread stays where the reader clicked it', async () => {
    expect((await threadState(s)).fromEnd).toBeLessThanOrEqual(2);
    const summary = `${IN_PANEL}[data-message-id="m${COUNT - 1}"] [data-testid="ia-tool-card"] summary`;
    // Messages above still taking their real heights move the thread for a few frames after it opens: wait until it is still.
    await s.page.evaluate(async () => {
      const card = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector('[data-testid="ia-tool-card"] summary')!;
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let still = 0, last = NaN; still < 5; ) {
        await frame();
        const top = Math.round(card.getBoundingClientRect().top);
        still = top === last ? still + 1 : 0;
        last = top;
      }
    });
    const topBefore = await s.page.$eval(summary, (el) => Math.round(el.getBoundingClientRect().top));
    await s.page.click(summary);
    await s.page.waitForSelector(`${IN_PANEL}[data-message-id="m${COUNT - 1}"] [data-testid="ia-tool-output"]`);
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(Math.abs((await s.page.$eval(summary, (el) => Math.round(el.getBoundingClientRect().top))) - topBefore)).toBeLessThanOrEqual(2);
    await s.page.click(summary); // closed again
  });

  it('adds the previous messages as the reader nears the top, without moving what is on screen', async () => {
    const first = `m${COUNT - FIRST}`;
    // The reader scrolls up to the first rendered message (a wheel turn, then the scroll it makes).
    await s.page.evaluate(() => {
      const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-testid="ia-thread"]')!;
      thread.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true }));
      thread.scrollTop = 0;
    });
    const before = await topOf(s, first);
    await s.page.waitForFunction(
      (count) => (document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-message-id]').length ?? 0) >= count,
      {},
      FIRST + STEP,
    );
    const state = await threadState(s);
    expect(state.ids[0]).toBe(`m${COUNT - FIRST - STEP}`);
    expect(state.more).toBe(`Show ${COUNT - FIRST - STEP} earlier messages`);
    // Older messages went in above: the message the reader was looking at stayed where it was.
    expect(state.scrollTop).toBeGreaterThan(0);
    expect(Math.abs((await topOf(s, first)) - before)).toBeLessThanOrEqual(2);
  });

  it('loads earlier messages from the keyboard too', async () => {
    const count = (await threadState(s)).ids.length;
    await s.page.focus(`${IN_PANEL}[data-testid="ia-thread-more"]`);
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(
      (n) => (document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-message-id]').length ?? 0) >= n,
      {},
      count + STEP,
    );
    expect((await threadState(s)).ids.length).toBeGreaterThanOrEqual(count + STEP);
  });

  it('comes back after a reload on the old message the reader was reading', async () => {
    // Scroll so an old message (well before the first window) is at the top, a little way into it.
    const anchor = `m${COUNT - FIRST - STEP - 10}`;
    // Messages coming into view take their real height a frame later: scroll there, let them settle, scroll again.
    await s.page.evaluate(async (id) => {
      const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-testid="ia-thread"]')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const message = thread.querySelector(`[data-message-id="${id}"]`)!;
      for (let i = 0; i < 3; i++) {
        thread.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true }));
        thread.scrollTop += message.getBoundingClientRect().top - thread.getBoundingClientRect().top + 10;
        await frame();
      }
    }, anchor);
    const before = await topOf(s, anchor);
    expect(Math.abs(before + 10)).toBeLessThanOrEqual(1);
    // The place is saved once per frame after a scroll.
    await s.page.waitForFunction(
      (id, offset) => {
        const scroll = JSON.parse(sessionStorage.getItem('infra-assistant:panel') ?? '{}').scroll;
        return scroll?.anchorId === id && scroll.offset === offset;
      },
      {},
      anchor,
      -before,
    );

    await s.page.reload({ waitUntil: 'domcontentloaded' });
    await s.panel.waitUntilOpen();
    await s.page.waitForSelector(`${IN_PANEL}[data-message-id="${anchor}"]`);
    await s.page
      .waitForFunction(
        (id, expected) => {
          const thread = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-testid="ia-thread"]')!;
          const message = thread.querySelector(`[data-message-id="${id}"]`)!;
          return Math.round(message.getBoundingClientRect().top - thread.getBoundingClientRect().top) === expected;
        },
        { timeout: 5_000 },
        anchor,
        before,
      )
      .catch(() => undefined);
    expect(await topOf(s, anchor)).toBe(before);
    // Rendered from a few messages above the anchor to the end, not the whole conversation.
    const state = await threadState(s);
    expect(state.ids[0]).toBe(`m${COUNT - FIRST - STEP - 10 - ANCHOR_MARGIN}`);
    expect(state.ids.at(-1)).toBe(`m${COUNT - 1}`);
  });

  it('a new answer in the long conversation is followed to the end', async () => {
    s.sandbox.model.queue({ text: 'All 150 stacks are healthy.' });
    await s.panel.send('Anything else?');
    await s.panel.waitForAnswer('All 150 stacks are healthy.');
    await s.panel.waitForIdle();
    expect((await threadState(s)).fromEnd).toBeLessThanOrEqual(2);
  });
});
