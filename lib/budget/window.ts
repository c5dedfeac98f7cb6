/**
 * The budget window: the last 30 days, rolling. It is measured in absolute
 * time (30 × 24 hours back from now), so it is the same in every time zone
 * and does not stretch or shrink across a daylight-saving change: a call
 * leaves the window exactly 720 hours after it was made. Only how a moment
 * is shown depends on the user's time zone (formatRollOff).
 */
export const WINDOW_DAYS = 30;
export const WINDOW_MS = WINDOW_DAYS * 24 * 3600 * 1000;

export interface UsageWindow {
  /** Exclusive: a call made exactly at `start` has already rolled off. */
  start: number;
  /** Inclusive: now. */
  end: number;
}

export function windowEndingAt(now: number): UsageWindow {
  return { start: now - WINDOW_MS, end: now };
}

export function inWindow(at: number, window: UsageWindow): boolean {
  return at > window.start && at <= window.end;
}

/** When a call made at `at` stops counting against the budget. */
export function rollsOffAt(at: number): number {
  return at + WINDOW_MS;
}

/**
 * When enough of the window's spending will have rolled off for the total
 * to drop below `limit` again (calls ordered oldest first), or null when it
 * already is below or nothing in the window could free it.
 */
export function availableAgainAt(calls: readonly { at: number; costMicros: number }[], limitMicros: number): number | null {
  let total = calls.reduce((sum, call) => sum + call.costMicros, 0);
  if (total < limitMicros) return null;
  for (const call of [...calls].sort((a, b) => a.at - b.at)) {
    total -= call.costMicros;
    if (total < limitMicros) return rollsOffAt(call.at);
  }
  return null;
}

/** A moment for the user, in their time zone (or the one given): "12 Mar, 14:05". */
export function formatMoment(at: number, options: { timeZone?: string; locale?: string } = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone,
  }).format(at);
}
