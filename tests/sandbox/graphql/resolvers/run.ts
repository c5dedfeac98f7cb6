// Run fields: derived flags and paginated per-state logs.

import { sandboxError } from '../errors';
import type { RunState, SeedRun, SeedRunTransition } from '../seed';
import { isTerminal, runsOfStack } from '../store-queries';
import { canWrite, type SandboxContext } from './context';

/** Lines per logs page: small enough that the longer seeded logs need a second page. */
export const LOG_PAGE_SIZE = 25;
/** Runs per page of Stack.runs / proposedRuns / tasks, as on Spacelift. */
export const RUNS_PAGE_SIZE = 50;

/** One page of runs, newest first, starting after the run `before`. */
export function runsPage(runs: SeedRun[], before: string | null | undefined): SeedRun[] {
  const start = before ? runs.findIndex((run) => run.id === before) + 1 : 0;
  if (before && start === 0) return [];
  return runs.slice(start, start + RUNS_PAGE_SIZE);
}

interface LogsArgs {
  state: RunState;
  token?: string | null;
  stateVersion?: number | null;
}

const encodeToken = (stateVersion: number, offset: number) => Buffer.from(`${stateVersion}:${offset}`).toString('base64url');

function decodeToken(token: string): { stateVersion: number; offset: number } {
  const [version, offset] = Buffer.from(token, 'base64url').toString().split(':').map(Number);
  if (!Number.isInteger(version) || !Number.isInteger(offset) || offset! < 0) throw sandboxError('invalid log token');
  return { stateVersion: version!, offset: offset! };
}

function transitionFor(run: SeedRun, state: RunState, stateVersion: number | null | undefined): SeedRunTransition | undefined {
  // history is newest first, so without a version the latest visit of the state wins.
  return run.history.find((transition) => transition.state === state && (stateVersion == null || transition.stateVersion === stateVersion));
}

export function runLogs(run: SeedRun, args: LogsArgs) {
  const fromToken = args.token ? decodeToken(args.token) : null;
  const transition = transitionFor(run, args.state, fromToken?.stateVersion ?? args.stateVersion);
  if (!transition) return { exists: false, finished: true, hasMore: false, messages: [], nextToken: null };
  const offset = fromToken?.offset ?? 0;
  const lines = transition.logs.slice(offset, offset + LOG_PAGE_SIZE);
  const end = offset + lines.length;
  const hasMore = end < transition.logs.length;
  // A state still in progress may print more, so its logs are never "finished".
  const stateOver = transition.until !== null || transition.terminal;
  const duration = Math.max(1, (transition.until ?? transition.timestamp + 1) - transition.timestamp);
  return {
    exists: transition.hasLogs,
    finished: stateOver && !hasMore,
    hasMore,
    messages: lines.map((line, index) => ({
      message: `${line}\n`,
      timestamp: transition.timestamp + Math.floor(((offset + index) * duration) / Math.max(1, transition.logs.length)),
    })),
    nextToken: hasMore || !stateOver ? encodeToken(transition.stateVersion, end) : null,
  };
}

export const runResolvers = {
  finished: (run: SeedRun) => isTerminal(run.state),
  canConfirm: (run: SeedRun, _: unknown, context: SandboxContext) =>
    run.state === 'UNCONFIRMED' && canWrite(context, stackSpaceOf(context, run)),
  canRetry: (run: SeedRun, _: unknown, context: SandboxContext) =>
    (run.state === 'FAILED' || run.state === 'STOPPED') && run.type !== 'TASK' && canWrite(context, stackSpaceOf(context, run)),
  canPromote: (run: SeedRun, _: unknown, context: SandboxContext) =>
    run.type === 'PROPOSED' && run.state === 'FINISHED' && canWrite(context, stackSpaceOf(context, run)),
  confirmBlocker: () => null,
  retryBlocker: () => null,
  promoteBlocker: () => null,
  needsApproval: () => false,
  expired: () => false,
  expectFailure: () => false,
  isMostRecent: (run: SeedRun, _: unknown, context: SandboxContext) => runsOfStack(context.store, run.stackId, run.type)[0]?.id === run.id,
  logs: (run: SeedRun, args: LogsArgs) => runLogs(run, args),
};

function stackSpaceOf(context: SandboxContext, run: SeedRun): { space: string } {
  const stack = context.store.stacks.find((candidate) => candidate.id === run.stackId);
  return { space: stack?.space ?? '' };
}
