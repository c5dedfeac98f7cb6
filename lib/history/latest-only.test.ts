import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestOnly } from './latest-only';

describe('LatestOnly (History search as the user types)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks at once for the first text after a pause, then waits while typing goes on and asks for the latest', async () => {
    const asked: string[] = [];
    const got: string[] = [];
    const runner = new LatestOnly(async (q: string) => (asked.push(q), q.toUpperCase()), (_q, out) => got.push(out), () => undefined, 100);
    runner.request('t');
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual(['t']);
    await vi.advanceTimersByTimeAsync(50);
    runner.request('te');
    await vi.advanceTimersByTimeAsync(50);
    runner.request('ter');
    await vi.advanceTimersByTimeAsync(99);
    expect(asked).toEqual(['t']);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toEqual(['t', 'ter']);
    expect(got).toEqual(['T', 'TER']);
    // A pause, then a paste: asked at once.
    await vi.advanceTimersByTimeAsync(500);
    runner.request('terraform state');
    await vi.advanceTimersByTimeAsync(0);
    expect(asked.at(-1)).toBe('terraform state');
  });

  it('drops an answer that arrives after a newer request was made', async () => {
    const pending = new Map<string, (value: string) => void>();
    const got: string[] = [];
    const runner = new LatestOnly((q: string) => new Promise<string>((resolve) => pending.set(q, resolve)), (q) => got.push(q), () => undefined, 10);
    runner.request('te');
    await vi.advanceTimersByTimeAsync(10);
    runner.request('terraform');
    await vi.advanceTimersByTimeAsync(10);
    pending.get('terraform')!('results for terraform');
    await vi.advanceTimersByTimeAsync(0);
    pending.get('te')!('late results for te');
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual(['terraform']);
    runner.cancel();
  });

  it('delivers nothing after cancel, and reports failures of the latest only', async () => {
    const failures: string[] = [];
    const got: string[] = [];
    const runner = new LatestOnly(async (q: string) => {
      if (q === 'bad') throw new Error('boom');
      return q;
    }, (q) => got.push(q), (q) => failures.push(q), 10);
    runner.request('bad');
    await vi.advanceTimersByTimeAsync(10);
    expect(failures).toEqual(['bad']);
    runner.request('fine');
    runner.cancel();
    await vi.advanceTimersByTimeAsync(50);
    expect(got).toEqual([]);
  });
});
