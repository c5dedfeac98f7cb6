// Facts derived from the store that both the GraphQL resolvers and the sandbox's web app need,
// so that both show the same stack states.

import { TERMINAL_RUN_STATES, type RunState, type RunType, type SeedRun, type SeedStore } from './seed';

const newestFirst = (a: SeedRun, b: SeedRun) => b.createdAt - a.createdAt || b.id.localeCompare(a.id);

export function runsOfStack(store: SeedStore, stackId: string, type?: RunType): SeedRun[] {
  return store.runs.filter((run) => run.stackId === stackId && (type === undefined || run.type === type)).sort(newestFirst);
}

export const isTerminal = (state: RunState) => TERMINAL_RUN_STATES.includes(state);

/** The tracked run holding the stack: the newest one that is active and past the queue. */
export function blockerOf(store: SeedStore, stackId: string): SeedRun | null {
  return runsOfStack(store, stackId, 'TRACKED').find((run) => !isTerminal(run.state) && run.state !== 'QUEUED') ?? null;
}

/** NONE before any tracked run, else the blocking run's state, else the newest tracked run's. */
export function stackStateOf(store: SeedStore, stackId: string): { state: string; setAt: number | null } {
  const current = blockerOf(store, stackId) ?? runsOfStack(store, stackId, 'TRACKED')[0];
  return current ? { state: current.state, setAt: current.updatedAt } : { state: 'NONE', setAt: null };
}
