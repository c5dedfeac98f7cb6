// Formatting of Spacelift values: Unix-second timestamps, states, commits, deltas.

export function toDate(unixSeconds) {
  return typeof unixSeconds === 'number' ? new Date(unixSeconds * 1000) : null;
}

/** "3 hours ago", like the real app's lists. */
export function relativeTime(unixSeconds, now = Date.now()) {
  const date = toDate(unixSeconds);
  if (!date) return '';
  const seconds = Math.round((now - date.getTime()) / 1000);
  const future = seconds < 0;
  const abs = Math.abs(seconds);
  const units = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return future ? `in ${text}` : `${text} ago`;
    }
  }
  return 'a few seconds ago';
}

/** "Mar 21, 2024, 14:42:43", used in the run timeline. */
export function absoluteTime(unixSeconds) {
  const date = toDate(unixSeconds);
  if (!date) return '';
  return date.toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

export function isoTime(unixSeconds) {
  return toDate(unixSeconds)?.toISOString() ?? '';
}

/** "02:55" (mm:ss), "1:02:55", or "3d 4h" for a span of seconds. */
export function duration(seconds) {
  if (typeof seconds !== 'number' || seconds < 0) return '';
  if (seconds >= 86400) return `${Math.floor(seconds / 86400)}d ${Math.floor((seconds % 86400) / 3600)}h`;
  const s = Math.floor(seconds % 60);
  const m = Math.floor((seconds / 60) % 60);
  const hours = Math.floor(seconds / 3600);
  const pad = (n) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** "UNCONFIRMED" → "Unconfirmed", "PREPARING_APPLY" → "Preparing apply". */
export function humanize(constant) {
  if (!constant) return '';
  const words = String(constant).toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const STATE_TONES = {
  FINISHED: 'success',
  FAILED: 'danger',
  STOPPED: 'danger',
  UNCONFIRMED: 'warning',
  PENDING_REVIEW: 'warning',
  CONFIRMED: 'info',
  PREPARING: 'info',
  INITIALIZING: 'info',
  PLANNING: 'info',
  PREPARING_APPLY: 'info',
  APPLYING: 'info',
  PERFORMING: 'info',
  DESTROYING: 'info',
};

/** success | danger | warning | info | neutral: the badge color of a run or stack state. */
export function stateTone(state) {
  return STATE_TONES[state] ?? 'neutral';
}

const TERMINAL_STATES = new Set(['FINISHED', 'FAILED', 'DISCARDED', 'STOPPED', 'CANCELED', 'SKIPPED']);

/** A run in a terminal state will not change any more (no need to keep polling it). */
export function isTerminal(state) {
  return TERMINAL_STATES.has(state);
}

export function shortSha(hash) {
  return hash ? String(hash).slice(0, 7) : '';
}

/** First line of a commit message. */
export function firstLine(text) {
  return text ? String(text).split('\n')[0] : '';
}

export function deltaText(delta) {
  if (!delta) return '';
  const { addCount = 0, changeCount = 0, deleteCount = 0 } = delta;
  if (!addCount && !changeCount && !deleteCount) return 'no changes';
  return `+${addCount} ~${changeCount} -${deleteCount}`;
}

/** Terraform logs carry ANSI color codes; a <pre> can't show them. */
export function stripAnsi(text) {
  // eslint-disable-next-line no-control-regex
  return String(text).replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

export const RUN_TYPE_LABELS = {
  TRACKED: 'Tracked',
  PROPOSED: 'Proposed',
  TASK: 'Task',
  TESTING: 'Testing',
};
