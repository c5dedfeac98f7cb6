import type { UIMessage, UIMessageChunk } from 'ai';
import type { ChatSink } from '../agent/run-chat';
import type { AssistantErrorInfo } from '../agent/errors';

/**
 * Chunks kept per answer for panels that attach late (a reload mid-answer). A 20,000-token answer is
 * ~5,000 chunks; past this the answer is still stored and shown, but a late panel reads it from
 * storage instead of following it live.
 */
const MAX_REPLAY_CHUNKS = 50_000;

export type AnswerEnd = { type: 'done' } | { type: 'failure'; error: AssistantErrorInfo };

/** A panel following an answer it did not start: everything so far at once, then each chunk as it comes. */
export interface AnswerFollower {
  replay(base: UIMessage | undefined, chunks: readonly UIMessageChunk[]): void;
  chunk(chunk: UIMessageChunk): void;
  end(outcome: AnswerEnd): void;
}

/** One answer this worker is writing now. */
export class RunningAnswer {
  /** Stops it, whoever asks: its own panel, or one that attached after a reload. */
  readonly stop = new AbortController();
  private readonly chunks: UIMessageChunk[] = [];
  private readonly followers = new Set<AnswerFollower>();
  private replayable = true;
  private ended: AnswerEnd | undefined;

  constructor(
    /** The account (origin) whose conversation this is: only its panels may follow. */
    readonly account: string,
    /** The answer this one carries on (Continue, an approval), as it was before: the chunks build on it. */
    readonly base: UIMessage | undefined,
  ) {}

  /** Whether a late panel can rebuild the answer from what was kept. */
  get canFollow(): boolean {
    // A stopped answer is ending: a panel that comes back reads it from storage instead.
    return this.replayable && !this.ended && !this.stop.signal.aborted;
  }

  /** The sink to give the agent loop: what it sends goes to `inner` (the panel that asked) and to followers. */
  tee(inner: ChatSink): ChatSink {
    return {
      chunk: (chunk) => {
        inner.chunk(chunk);
        this.push(chunk);
      },
      done: () => {
        inner.done();
        this.end({ type: 'done' });
      },
      failure: (error) => {
        inner.failure(error);
        this.end({ type: 'failure', error });
      },
    };
  }

  /** Attach a late panel; returns its detach, or undefined if the answer cannot be followed (it then reads storage). */
  follow(follower: AnswerFollower): (() => void) | undefined {
    if (!this.canFollow) return undefined;
    follower.replay(this.base, this.chunks);
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** The answer is over (or the worker's run ended without saying so). */
  end(outcome: AnswerEnd): void {
    if (this.ended) return;
    this.ended = outcome;
    this.chunks.length = 0;
    for (const follower of this.followers) follower.end(outcome);
    this.followers.clear();
  }

  private push(chunk: UIMessageChunk): void {
    if (this.ended) return;
    if (this.replayable) {
      if (this.chunks.length < MAX_REPLAY_CHUNKS) this.chunks.push(chunk);
      else {
        this.replayable = false;
        this.chunks.length = 0;
      }
    }
    for (const follower of this.followers) follower.chunk(chunk);
  }
}

/** The answers this worker is writing now, by conversation (gone if the worker dies: that is the point). */
export class RunningAnswers {
  private readonly answers = new Map<string, RunningAnswer>();

  begin(conversationId: string, account: string, base: UIMessage | undefined): RunningAnswer {
    const answer = new RunningAnswer(account, base);
    this.answers.set(conversationId, answer);
    return answer;
  }

  /** The run is over: forget it (a newer answer for the same conversation stays). */
  finish(conversationId: string, answer: RunningAnswer, outcome: AnswerEnd = { type: 'done' }): void {
    answer.end(outcome);
    if (this.answers.get(conversationId) === answer) this.answers.delete(conversationId);
  }

  get(conversationId: string): RunningAnswer | undefined {
    return this.answers.get(conversationId);
  }

  has(conversationId: string): boolean {
    return this.answers.has(conversationId);
  }

  stop(conversationId: string): void {
    this.answers.get(conversationId)?.stop.abort();
  }
}
