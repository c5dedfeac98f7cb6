import type { UIMessage, UIMessageChunk } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { RunningAnswers, type AnswerEnd } from './running-answers';
import type { ChatSink } from '../agent/run-chat';

const delta = (text: string): UIMessageChunk => ({ type: 'text-delta', id: 't', delta: text });
const sink = (): ChatSink & { got: UIMessageChunk[] } => {
  const got: UIMessageChunk[] = [];
  return { got, chunk: (c) => got.push(c), done: vi.fn(), failure: vi.fn() };
};
const follower = () => {
  const seen = { replayed: [] as UIMessageChunk[], base: undefined as UIMessage | undefined, live: [] as UIMessageChunk[], ended: undefined as AnswerEnd | undefined };
  return {
    seen,
    replay: (base: UIMessage | undefined, chunks: readonly UIMessageChunk[]) => {
      seen.base = base;
      seen.replayed = [...chunks];
    },
    chunk: (c: UIMessageChunk) => seen.live.push(c),
    end: (outcome: AnswerEnd) => (seen.ended = outcome),
  };
};

describe('running answers', () => {
  it("passes chunks to the answer's own panel and to a panel that attached late: what came before, then the rest", () => {
    const answers = new RunningAnswers();
    const answer = answers.begin('c1', 'https://acme.app.spacelift.io', undefined);
    const own = sink();
    const tee = answer.tee(own);
    tee.chunk({ type: 'start', messageId: 'a1' });
    tee.chunk(delta('Checking '));
    const late = follower();
    const detach = answer.follow(late)!;
    expect(late.seen.replayed).toEqual([{ type: 'start', messageId: 'a1' }, delta('Checking ')]);
    tee.chunk(delta('each stack.'));
    tee.done();
    expect(own.got).toHaveLength(3);
    expect(own.done).toHaveBeenCalledOnce();
    expect(late.seen.live).toEqual([delta('each stack.')]);
    expect(late.seen.ended).toEqual({ type: 'done' });
    expect(answer.canFollow).toBe(false);
    detach();
  });

  it('tells followers of a failure, and stops the answer for whoever asks', () => {
    const answers = new RunningAnswers();
    const answer = answers.begin('c1', 'https://acme.app.spacelift.io', undefined);
    const late = follower();
    answer.follow(late);
    expect(answer.canFollow).toBe(true);
    answers.stop('c1');
    expect(answer.stop.signal.aborted).toBe(true);
    // Stopping: a panel that comes back now reads it from storage rather than following it again.
    expect(answer.canFollow).toBe(false);
    answer.tee(sink()).failure({ code: 'rate-limit', message: 'Slow down', action: 'retry' });
    expect(late.seen.ended).toEqual({ type: 'failure', error: { code: 'rate-limit', message: 'Slow down', action: 'retry' } });
  });

  it('hands a follower the answer being carried on, so the replay builds on it', () => {
    const base: UIMessage = { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Checking each st' }] };
    const answer = new RunningAnswers().begin('c1', 'https://acme.app.spacelift.io', base);
    const late = follower();
    answer.follow(late);
    expect(late.seen.base).toEqual(base);
  });

  it('a detached follower gets nothing more; a finished run is forgotten, a newer one for the same conversation stays', () => {
    const answers = new RunningAnswers();
    const first = answers.begin('c1', 'https://acme.app.spacelift.io', undefined);
    const late = follower();
    const detach = first.follow(late)!;
    detach();
    first.tee(sink()).chunk(delta('more'));
    expect(late.seen.live).toEqual([]);
    const second = answers.begin('c1', 'https://acme.app.spacelift.io', undefined);
    answers.finish('c1', first);
    expect(answers.get('c1')).toBe(second);
    answers.finish('c1', second);
    expect(answers.has('c1')).toBe(false);
  });

  it('an answer too long to replay is not offered for following (the late panel reads storage instead)', () => {
    const answer = new RunningAnswers().begin('c1', 'https://acme.app.spacelift.io', undefined);
    const tee = answer.tee(sink());
    for (let i = 0; i < 50_001; i++) tee.chunk(delta('x'));
    expect(answer.canFollow).toBe(false);
    expect(answer.follow(follower())).toBeUndefined();
  });
});
