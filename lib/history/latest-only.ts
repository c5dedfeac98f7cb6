/**
 * Runs a request after the input has been still for `delayMs` (debounce) and
 * delivers only the answer to the latest input: an answer that comes back
 * after a newer request was made is dropped, so a slow search for "te" never
 * replaces the results for "terraform".
 */
export class LatestOnly<I, O> {
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly run: (input: I) => Promise<O>,
    private readonly deliver: (input: I, output: O) => void,
    private readonly fail: (input: I, error: unknown) => void,
    private readonly delayMs = 120,
  ) {}

  /** Ask for `input`; `immediate` skips the wait (a refresh, not typing). */
  request(input: I, immediate = false): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
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
      immediate ? 0 : this.delayMs,
    );
  }

  /** Forget the pending and in-flight requests: nothing more is delivered until the next request. */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.seq++;
  }
}
