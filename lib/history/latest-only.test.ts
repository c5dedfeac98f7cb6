import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestOnly } from './latest-only';

describe('LatestOnly (History search as the user types)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits until typing pauses, then asks once for the latest text', async () => {
    const asked: string[] = [];
    const got: string[] = [];
    const runner = new LatestOnly(async (q: string) => (asked.push(q), q.toUpperCase()), (_q, out) => got.push(out), () => undefined, 100);
    runner.request('t');
    await vi.advanceTimersByTimeAsync(50);
    runner.request('te');
    await vi.advanceTimersByTimeAsync(50);
    runner.request('ter');
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toEqual(['ter']);
    expect(got).toEqual(['TER']);
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
