import type { UIMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { structureOf, throttleRenders, type ThrottleClock } from './render-throttle';

function fakeClock() {
  let time = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: ThrottleClock = {
    now: () => time,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: time + ms, callback, id });
      return id;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.id !== handle);
    },
  };
  const advance = (ms: number) => {
    time += ms;
    for (const timer of timers.filter((t) => t.at <= time)) {
      timers = timers.filter((t) => t !== timer);
      timer.callback();
    }
  };
  return { clock, advance };
}

const user: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Which stacks failed?' }] };
const answer = (text: string, extra: UIMessage['parts'] = []): UIMessage => ({ id: 'a1', role: 'assistant', parts: [{ type: 'text', text }, ...extra] });

describe('throttleRenders', () => {
  it('shows the first words of an answer at once, then renders deltas at most once per wait', () => {
    const { clock, advance } = fakeClock();
    let messages: UIMessage[] = [user];
    let renders = 0;
    const notify = throttleRenders(() => renders++, 16, () => messages, clock);

    messages = [user, answer('')]; // the answer starts (an empty text part)
    notify();
    expect(renders).toBe(1);
    advance(2);
    messages = [user, answer('Two')]; // its first words, 2 ms later: a plain throttle would wait 14 ms more
    notify();
    expect(renders).toBe(2);

    let text = 'Two';
    for (const word of [' stacks', ' failed', ':', ' dev-app']) {
      advance(1);
      text += word;
      messages = [user, answer(text)];
      notify();
    }
    expect(renders).toBe(2); // deltas inside text already shown wait for the trailing render
    advance(16);
    expect(renders).toBe(3);
  });

  it('shows a new tool card at once', () => {
    const { clock, advance } = fakeClock();
    let messages: UIMessage[] = [user, answer('Let me look.')];
    let renders = 0;
    const notify = throttleRenders(() => renders++, 16, () => messages, clock);
    notify();
    advance(1);
    messages = [user, answer('Let me look.', [{ type: 'dynamic-tool', toolName: 'query_graphql', toolCallId: 'c1', state: 'input-streaming', input: {} }])];
    notify();
    expect(renders).toBe(2);
  });
});

describe('structureOf', () => {
  it('changes with a new message, a new part or a part that gets its first text, not with more text', () => {
    expect(structureOf([user, answer('')])).not.toBe(structureOf([user, answer('a')]));
    expect(structureOf([user, answer('a')])).toBe(structureOf([user, answer('ab')]));
    expect(structureOf([user])).not.toBe(structureOf([user, answer('')]));
  });
});
