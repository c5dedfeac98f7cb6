import { describe, expect, it } from 'vitest';
import { answerState } from './answer-state';

describe('answerState', () => {
  it('is running while the background still writes the answer', () => {
    expect(answerState([{ role: 'user', status: 'complete' }], true)).toBe('running');
  });
  it('is interrupted when the worker died mid-answer or no answer came', () => {
    expect(answerState([{ role: 'user', status: 'complete' }, { role: 'assistant', status: 'streaming' }], false)).toBe('interrupted');
    expect(answerState([{ role: 'user', status: 'complete' }, { role: 'assistant', status: 'interrupted' }], false)).toBe('interrupted');
    expect(answerState([{ role: 'user', status: 'complete' }], false)).toBe('interrupted');
  });
  it('is idle after a complete answer, or with nothing stored', () => {
    expect(answerState([{ role: 'user', status: 'complete' }, { role: 'assistant', status: 'complete' }], false)).toBe('idle');
    expect(answerState([], false)).toBe('idle');
  });
});
