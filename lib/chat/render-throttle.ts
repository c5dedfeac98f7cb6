import type { UIMessage } from 'ai';

export interface ThrottleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * What the user sees change at once: a new message, a new part (the first words of an
 * answer, a tool card), the first text of a part. Deltas inside a part that already
 * shows text do not change it.
 */
export function structureOf(messages: readonly UIMessage[]): string {
  const last = messages.at(-1);
  if (!last) return '0';
  const parts = last.parts.map((part) => {
    if (part.type === 'text' || part.type === 'reasoning') return part.text.length > 0 ? 'T' : 't';
    return 'state' in part ? `${part.type}:${String(part.state)}` : part.type;
  });
  return `${messages.length}|${last.id}|${parts.join(',')}`;
}

/**
 * A throttle for the panel's message renders. A steady stream of deltas renders at
 * most once per `waitMs` (a long answer into a long thread stays smooth), but a change
 * of structure renders at once: the first words of an answer appear the moment they
 * arrive instead of up to `waitMs` later, as a plain throttle would make them.
 */
export function throttleRenders(
  onChange: () => void,
  waitMs: number,
  messages: () => readonly UIMessage[],
  clock: ThrottleClock = realClock,
): () => void {
  let lastRun = -Infinity;
  let pending: unknown;
  let shown = structureOf(messages());
  const run = () => {
    pending = undefined;
    lastRun = clock.now();
    shown = structureOf(messages());
    onChange();
  };
  return () => {
    const wait = waitMs - (clock.now() - lastRun);
    if (wait <= 0 || structureOf(messages()) !== shown) {
      if (pending !== undefined) clock.clearTimeout(pending);
      run();
    } else if (pending === undefined) {
      pending = clock.setTimeout(run, wait);
    }
  };
}
