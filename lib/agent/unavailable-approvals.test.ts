import type { UIMessage } from 'ai';
import { tool } from 'ai';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { settleUnavailableApprovals } from './unavailable-approvals';

const readTool = tool({ description: 'read', inputSchema: z.object({}), execute: async () => 'ok' });
const REASON = 'Not run: changes need Build mode.';

const answer = (state: string, toolName = 'trigger_run'): UIMessage => ({
  id: 'a1',
  role: 'assistant',
  parts: [
    { type: 'text', text: 'I can trigger a run.' },
    { type: `tool-${toolName}`, toolCallId: 'call-1', state, input: { stack: 'prod-eks' }, approval: { id: 'ap-1', approved: true } } as never,
  ],
});

describe('approvals for tools this answer cannot run', () => {
  it('are settled as not run, with the reason, so the model can say so', () => {
    const messages: UIMessage[] = [{ id: 'q1', role: 'user', parts: [{ type: 'text', text: 'Retry it' }] }, answer('approval-responded')];
    const settled = settleUnavailableApprovals(messages, { query_graphql: readTool }, REASON);
    const part = settled[1]!.parts[1] as { state: string; errorText: string };
    expect(part.state).toBe('output-error');
    expect(part.errorText).toBe(REASON);
    // The text is kept, and the caller's messages are not changed.
    expect(settled[1]!.parts[0]).toEqual({ type: 'text', text: 'I can trigger a run.' });
    expect((messages[1]!.parts[1] as { state: string }).state).toBe('approval-responded');
  });

  it('leave alone approvals for tools that can run, and calls in any other state', () => {
    const runnable = [answer('approval-responded', 'query_graphql')];
    expect(settleUnavailableApprovals(runnable, { query_graphql: readTool }, REASON)).toBe(runnable);
    const waiting = [answer('approval-requested')];
    expect(settleUnavailableApprovals(waiting, {}, REASON)).toBe(waiting);
    // A denial stays a denial: the model is told the user said no, not that the mode was wrong.
    const denied: UIMessage[] = [{ ...answer('approval-responded'), parts: [{ ...(answer('approval-responded').parts[1] as object), approval: { id: 'ap-1', approved: false, reason: 'not now' } } as never] }];
    expect(settleUnavailableApprovals(denied, {}, REASON)).toBe(denied);
  });
});
