import type { UIMessage } from 'ai';
import type { MessageRecord } from '../db/database';

type Save = (message: UIMessage, status: MessageRecord['status']) => Promise<void>;

/**
 * Writes the answer as it grows, so a worker stopped mid-sentence loses at most
 * the last `intervalMs` of text. Writes run one after another, and once the
 * final state is written no late partial write can overwrite it.
 */
export class AnswerWriter {
  private chain: Promise<void> = Promise.resolve();
  private ended = false;
  private lastPartialAt = -Infinity;
  private partialQueued = false;

  constructor(
    private readonly save: Save,
    private readonly intervalMs = 750,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A snapshot while streaming: written at most once per interval (the first words at
   * once), in a task of its own after the chunk at hand has gone to the panel: cloning
   * and indexing cost milliseconds the first words should not wait for.
   */
  partial(message: UIMessage): void {
    if (this.ended || this.partialQueued || this.now() - this.lastPartialAt < this.intervalMs) return;
    this.lastPartialAt = this.now();
    this.partialQueued = true;
    setTimeout(() => {
      this.partialQueued = false;
      // `message` is the live snapshot: it holds whatever arrived meanwhile.
      if (!this.ended) void this.enqueue(message, 'streaming');
    }, 0);
  }

  /** A finished step: always written. */
  step(message: UIMessage): Promise<void> {
    return this.ended ? this.chain : this.enqueue(message, 'streaming');
  }

  end(message: UIMessage, status: MessageRecord['status']): Promise<void> {
    this.ended = true;
    return this.enqueue(message, status);
  }

  /** Resolves when every write so far is done. */
  settled(): Promise<void> {
    return this.chain;
  }

  private enqueue(message: UIMessage, status: MessageRecord['status']): Promise<void> {
    // structuredClone: the snapshot object keeps changing while the write waits its turn.
    const snapshot = structuredClone(message);
    this.chain = this.chain.then(() => this.save(snapshot, status)).catch((error: unknown) => {
      console.warn('[infra-assistant] could not store the answer:', error instanceof Error ? error.message : String(error));
    });
    return this.chain;
  }
}
