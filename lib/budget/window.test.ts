import { afterEach, describe, expect, it } from 'vitest';
import { availableAgainAt, formatMoment, inWindow, rollsOffAt, windowEndingAt, WINDOW_MS } from './window';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const originalTz = process.env.TZ;

describe('the rolling 30-day window', () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('is exactly 720 hours back from now: the start is out, the end is in', () => {
    const now = Date.UTC(2026, 5, 15, 12, 0, 0);
    const window = windowEndingAt(now);
    expect(window.end - window.start).toBe(720 * HOUR);
    expect(inWindow(now, window)).toBe(true);
    expect(inWindow(now - WINDOW_MS + 1, window)).toBe(true);
    expect(inWindow(now - WINDOW_MS, window)).toBe(false);
    expect(inWindow(now + 1, window)).toBe(false);
  });

  it('lets a call roll off exactly 30 × 24 h after it was made, across a daylight-saving change', () => {
    // Europe/Berlin moves its clocks forward on 2026-03-29: 30 calendar days there are 719 hours.
    process.env.TZ = 'Europe/Berlin';
    const madeAt = new Date('2026-03-15T10:00:00+01:00').getTime();
    const sameWallClock30DaysLater = new Date('2026-04-14T10:00:00+02:00').getTime();
    expect(sameWallClock30DaysLater - madeAt).toBe(719 * HOUR);
    // The window is in absolute time: at the same wall-clock time 30 days on, the call still counts for an hour.
    expect(inWindow(madeAt, windowEndingAt(sameWallClock30DaysLater))).toBe(true);
    expect(rollsOffAt(madeAt) - madeAt).toBe(720 * HOUR);
    expect(inWindow(madeAt, windowEndingAt(rollsOffAt(madeAt) - 1))).toBe(true);
    expect(inWindow(madeAt, windowEndingAt(rollsOffAt(madeAt)))).toBe(false);
  });

  it('is the same instant range whatever the time zone of the machine', () => {
    const now = Date.UTC(2026, 10, 1, 0, 30);
    const windows = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham'].map((tz) => {
      process.env.TZ = tz;
      return windowEndingAt(now);
    });
    for (const w of windows) expect(w).toEqual(windows[0]);
  });

  it('says when spending falls below the budget again as the oldest calls roll off', () => {
    const now = Date.UTC(2026, 5, 30);
    const calls = [
      { at: now - 20 * DAY, costMicros: 4_000_000 },
      { at: now - 25 * DAY, costMicros: 3_000_000 },
      { at: now - 1 * DAY, costMicros: 3_500_000 },
    ];
    // $10.50 of $10: dropping the oldest ($3) leaves $7.50, under the budget.
    expect(availableAgainAt(calls, 10_000_000)).toBe(now - 25 * DAY + WINDOW_MS);
    // $10.50 of $5: the two oldest must go ($3.50 left).
    expect(availableAgainAt(calls, 5_000_000)).toBe(now - 20 * DAY + WINDOW_MS);
    expect(availableAgainAt(calls, 20_000_000)).toBeNull();
    // Exactly at the budget is used up; it frees when any call rolls off.
    expect(availableAgainAt([{ at: now, costMicros: 1_000_000 }], 1_000_000)).toBe(now + WINDOW_MS);
  });

  it('shows the moment in the user\'s time zone', () => {
    const at = Date.UTC(2026, 2, 12, 13, 5);
    expect(formatMoment(at, { timeZone: 'UTC' })).toBe('12 Mar, 13:05');
    expect(formatMoment(at, { timeZone: 'America/New_York' })).toBe('12 Mar, 09:05');
    expect(formatMoment(at, { timeZone: 'Asia/Kolkata' })).toBe('12 Mar, 18:35');
    // Past midnight in Auckland: the date moves too.
    expect(formatMoment(at, { timeZone: 'Pacific/Auckland' })).toBe('13 Mar, 02:05');
  });
});
