// Run lifecycle mutations on the seed: trigger, confirm, discard, with write access enforced.

import { describe, expect, it } from 'vitest';
import { createGraphQLServer, SEED_RUN_IDS } from './index';
import { CONFIRM_RUN, DISCARD_RUN, LIST_STACKS, TRIGGER_RUN } from './operations';
import { execute, loginWithApiKey } from './testing';

async function serverAs(who: 'admin' | 'reader' | 'writer') {
  const server = createGraphQLServer();
  const { jwt } = await loginWithApiKey(server, who);
  return { server, run: (query: string, variables: Record<string, unknown>) => execute(server, query, { token: jwt, variables }) };
}

const stateOf = async (server: ReturnType<typeof createGraphQLServer>, token: string, stackId: string) => {
  const result = await execute<{ stacks: { id: string; state: string }[] }>(server, LIST_STACKS, { token });
  return result.data?.stacks.find((stack) => stack.id === stackId)?.state;
};

describe('run mutations', () => {
  it('triggers a run that waits for confirmation, then applies it on confirm', async () => {
    const server = createGraphQLServer();
    const { jwt } = await loginWithApiKey(server, 'writer');
    const triggered = await execute(server, TRIGGER_RUN, { token: jwt, variables: { stack: 'dev-app' } });
    expect(triggered.errors).toBeUndefined();
    expect(triggered.data?.runTrigger).toMatchObject({ type: 'TRACKED', state: 'UNCONFIRMED', triggeredBy: 'walt.writer', delta: { changeCount: 1 } });
    expect(triggered.data?.runTrigger.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await stateOf(server, jwt, 'dev-app')).toBe('UNCONFIRMED');

    const confirmed = await execute(server, CONFIRM_RUN, { token: jwt, variables: { stack: 'dev-app', note: 'looks good' } });
    expect(confirmed.data?.runConfirm.state).toBe('FINISHED');
    expect(confirmed.data?.runConfirm.history.slice(0, 4).map((transition: { state: string }) => transition.state)).toEqual(['FINISHED', 'APPLYING', 'CONFIRMED', 'UNCONFIRMED']);
    expect(confirmed.data?.runConfirm.history[2]).toMatchObject({ username: 'walt.writer', note: 'looks good' });
    expect(await stateOf(server, jwt, 'dev-app')).toBe('FINISHED');
  });

  it('finishes at once on an autodeploy stack', async () => {
    const { run } = await serverAs('writer');
    const triggered = await run(TRIGGER_RUN, { stack: 'dev-sandbox' });
    expect(triggered.data?.runTrigger.state).toBe('FINISHED');
  });

  it('queues behind the run holding the stack', async () => {
    const { run } = await serverAs('admin');
    const triggered = await run(TRIGGER_RUN, { stack: 'prod-monitoring' });
    expect(triggered.data?.runTrigger.state).toBe('QUEUED');
  });

  it('discards the unconfirmed seeded run', async () => {
    const { run } = await serverAs('admin');
    const discarded = await run(DISCARD_RUN, { stack: 'prod-app', run: SEED_RUN_IDS.prodAppUnconfirmed, note: 'not today' });
    expect(discarded.data?.runDiscard).toMatchObject({ id: SEED_RUN_IDS.prodAppUnconfirmed, state: 'DISCARDED' });
    const again = await run(CONFIRM_RUN, { stack: 'prod-app', run: SEED_RUN_IDS.prodAppUnconfirmed });
    expect(again.errors?.[0]?.message).toContain('not UNCONFIRMED');
  });

  it('refuses readers and hides other spaces', async () => {
    const { run } = await serverAs('reader');
    const forbidden = await run(CONFIRM_RUN, { stack: 'prod-app' });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hidden = await run(TRIGGER_RUN, { stack: 'dev-app' });
    expect(hidden.errors?.[0]).toMatchObject({ message: 'stack dev-app not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('respects stack locks held by someone else', async () => {
    const server = createGraphQLServer();
    server.store.stacks.find((stack) => stack.id === 'dev-app')!.lock = { by: 'ada.admin', at: 0, note: null };
    const { jwt } = await loginWithApiKey(server, 'writer');
    const result = await execute(server, TRIGGER_RUN, { token: jwt, variables: { stack: 'dev-app' } });
    expect(result.errors?.[0]?.message).toBe('stack dev-app is locked by ada.admin');
  });
});
