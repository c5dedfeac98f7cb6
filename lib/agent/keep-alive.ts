import { browser } from 'wxt/browser';

/**
 * Chrome stops an MV3 worker 30 s after its last extension API activity, even
 * with a fetch in flight. While an answer is being produced we make a cheap API
 * call every 20 s; when nothing runs, the worker may sleep.
 */
const INTERVAL_MS = 20_000;
let holders = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export function holdWorkerAwake(): () => void {
  holders++;
  timer ??= setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), INTERVAL_MS);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
