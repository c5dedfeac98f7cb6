import type { MessageRecord } from '../db/database';
import type { AnswerState } from '../messaging/protocol';

/**
 * Where a stored conversation's latest answer stands. A record still marked
 * `streaming` while no run is alive means the worker died mid-answer; a
 * question with no answer after it means the answer never came. Both are
 * interrupted: the panel offers to retry, nothing is lost.
 */
export function answerState(records: readonly Pick<MessageRecord, 'role' | 'status'>[], running: boolean): AnswerState {
  if (running) return 'running';
  const last = records.at(-1);
  if (!last) return 'idle';
  if (last.role === 'user') return 'interrupted';
  return last.status === 'complete' ? 'idle' : 'interrupted';
}
