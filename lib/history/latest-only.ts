/**
 * Runs a request at once when it starts a burst (the first keystroke after a
 * pause, a paste), and while the input keeps changing only after it has been
 * still for `delayMs` (debounce). Only the answer to the latest input is
 * delivered: one that comes back after a newer request was made is dropped, so
 * a slow search for "te" never replaces the results for "terraform".
 */
export class LatestOnly<I, O> {
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRequestAt = -Infinity;

  constructor(
    private readonly run: (input: I) => Promise<O>,
    private readonly deliver: (input: I, output: O) => void,
    private readonly fail: (input: I, error: unknown) => void,
    private readonly delayMs = 120,
  ) {}

  /** Ask for `input`; `immediate` skips the wait (a refresh, not typing). */
  request(input: I, immediate = false): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    const now = Date.now();
    const typing = now - this.lastRequestAt < this.delayMs;
    this.lastRequestAt = now;
    const seq = ++this.seq;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.run(input).then(
          (output) => {
            if (seq === this.seq) this.deliver(input, output);
          },
          (error: unknown) => {
            if (seq === this.seq) this.fail(input, error);
          },
        );
      },
      immediate || !typing ? 0 : this.delayMs,
    );
  }

  /** Forget the pending and in-flight requests: nothing more is delivered until the next request. */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.seq++;
    // The box was cleared or closed: the next text starts a new search, asked at once.
    this.lastRequestAt = -Infinity;
  }
}
