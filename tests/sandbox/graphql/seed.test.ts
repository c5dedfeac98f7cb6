// The seed is deterministic, well-formed and copied, never shared, between servers.

import { describe, expect, it } from 'vitest';
import { createSeedStore, SEED, SEED_RUN_IDS, SEED_SPACE_IDS } from './seed';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('seed', () => {
  it('uses Spacelift-shaped ids', () => {
    expect(SEED.runs.every((run) => ULID.test(run.id))).toBe(true);
    expect(new Set(SEED.runs.map((run) => run.id)).size).toBe(SEED.runs.length);
    expect(SEED_SPACE_IDS.root).toBe('root');
    expect(SEED_SPACE_IDS.platform).toMatch(/^platform-[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('has a realistic spread of data', () => {
    expect(SEED.stacks.length).toBeGreaterThanOrEqual(12);
    expect(SEED.spaces.length).toBeGreaterThanOrEqual(3);
    expect(new Set(SEED.policies.map((policy) => policy.type))).toEqual(new Set(['LOGIN', 'NOTIFICATION', 'PLAN', 'APPROVAL', 'GIT_PUSH', 'TRIGGER']));
    const runStates = new Set(SEED.runs.map((run) => run.state));
    for (const state of ['FINISHED', 'FAILED', 'UNCONFIRMED', 'DISCARDED', 'CANCELED', 'QUEUED', 'PLANNING', 'APPLYING', 'STOPPED']) {
      expect(runStates, state).toContain(state);
    }
    expect(SEED.contexts.flatMap((context) => context.config).filter((element) => element.writeOnly).every((element) => element.value === null)).toBe(true);
  });

  it('names runs whose states demos rely on', () => {
    const stateOf = (id: string) => SEED.runs.find((run) => run.id === id)?.state;
    expect(stateOf(SEED_RUN_IDS.prodEksAccessDenied)).toBe('FAILED');
    expect(stateOf(SEED_RUN_IDS.prodAppUnconfirmed)).toBe('UNCONFIRMED');
    expect(stateOf(SEED_RUN_IDS.stagingAppApplying)).toBe('APPLYING');
    expect(stateOf(SEED_RUN_IDS.prodMonitoringQueued)).toBe('QUEUED');
  });

  it('gives every store its own copy', () => {
    const first = createSeedStore();
    const second = createSeedStore();
    expect(first).toEqual(second);
    first.stacks[0]!.name = 'changed';
    first.runs.pop();
    expect(second.stacks[0]!.name).not.toBe('changed');
    expect(second.runs).toHaveLength(SEED.runs.length);
  });
});
