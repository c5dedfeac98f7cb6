// Mutations: the API key exchange, and a synchronous take on the run lifecycle. There are no
// workers: a triggered run is planned at once (UNCONFIRMED, or FINISHED when the stack autodeploys
// or nothing changes) and a confirmed run is applied at once.

import { mintToken, userForApiKey } from '../auth';
import { invalidApiKeyError, notFoundError, sandboxError } from '../errors';
import { runEnvironmentOf, seedUlid, type RunType, type SeedPlannedChange, type SeedRun, type SeedRunTransition, type SeedStack } from '../seed';
import { applyingLogs } from '../seed/logs';
import { buildRun, type RunScenario } from '../seed/runs';
import { blockerOf } from '../store-queries';
import { viewerOf, writableStackOrThrow, type SandboxContext } from './context';

interface TriggerArgs {
  stack: string;
  commitSha?: string | null;
  runType?: RunType | null;
}

interface DecisionArgs {
  stack: string;
  run?: string | null;
  note?: string | null;
}

/** A small, believable plan for a freshly triggered run: re-tag the stack's first resource. */
function plannedChangesFor(stack: SeedStack, login: string): SeedPlannedChange[] {
  const first = stack.resources[0];
  return first ? [{ address: first.address, action: 'update', attributes: { 'tags.last_run_by': `null -> "${login}"` } }] : [];
}

/** Moves a new run's timeline so that its current state starts now instead of in the future. */
function endingNow(run: SeedRun, now: number): SeedRun {
  const shift = now - (run.history[0]?.timestamp ?? now);
  const moved = (time: number | null) => (time === null ? null : time + shift);
  return {
    ...run,
    createdAt: run.createdAt + shift,
    updatedAt: run.updatedAt + shift,
    history: run.history.map((transition) => ({ ...transition, timestamp: transition.timestamp + shift, until: moved(transition.until) })),
  };
}

function runAwaitingDecision(context: SandboxContext, stack: SeedStack, runId: string | null | undefined): SeedRun {
  const run = runId
    ? context.store.runs.find((candidate) => candidate.id === runId && candidate.stackId === stack.id)
    : (blockerOf(context.store, stack.id) ?? undefined);
  if (!run) throw runId ? notFoundError(`run ${runId} on stack ${stack.id}`) : sandboxError(`stack ${stack.id} has no run awaiting confirmation`);
  if (run.state !== 'UNCONFIRMED') throw sandboxError(`run ${run.id} is ${run.state}, not UNCONFIRMED`);
  return run;
}

/** Appends transitions (given oldest first) after the run's current state, ending at `now` when possible. */
function advance(run: SeedRun, steps: { state: SeedRunTransition['state']; seconds: number; logs?: string[]; username?: string; note?: string | null }[], now: number) {
  const current = run.history[0]!;
  const total = steps.reduce((sum, step) => sum + step.seconds, 0);
  let clock = Math.max(current.timestamp, now - total);
  current.until = clock;
  const added = steps.map((step, index) => {
    const transition: SeedRunTransition = {
      state: step.state,
      stateVersion: current.stateVersion + index + 1,
      timestamp: clock,
      until: index === steps.length - 1 ? null : clock + step.seconds,
      terminal: index === steps.length - 1,
      hasLogs: (step.logs?.length ?? 0) > 0,
      note: step.note ?? null,
      username: step.username ?? null,
      logs: step.logs ?? [],
    };
    clock += step.seconds;
    return transition;
  });
  run.history.unshift(...added.reverse());
  run.state = added[0]!.state;
  run.updatedAt = added[0]!.timestamp;
}

export const mutationResolvers = {
  apiKeyUser: async (_: unknown, args: { id: string; secret: string }, context: SandboxContext) => {
    const user = userForApiKey(args.id, args.secret);
    if (!user) throw invalidApiKeyError();
    const { jwt, validUntil } = await mintToken(user.id, { ttlSeconds: context.tokenTtlSeconds, now: context.now });
    return { id: user.id, jwt, validUntil };
  },

  runTrigger: (_: unknown, args: TriggerArgs, context: SandboxContext) => {
    const viewer = viewerOf(context);
    const stack = writableStackOrThrow(context, args.stack);
    const type = args.runType ?? 'TRACKED';
    if (type !== 'TRACKED' && type !== 'PROPOSED') throw sandboxError(`runTrigger cannot start ${type} runs`);
    if (stack.isDisabled) throw sandboxError(`stack ${stack.id} is disabled`);
    if (stack.lock && stack.lock.by !== viewer.id) throw sandboxError(`stack ${stack.id} is locked by ${stack.lock.by}`);
    const commit = args.commitSha
      ? { ...stack.trackedCommit, hash: args.commitSha, message: `Commit ${args.commitSha.slice(0, 7)}`, url: stack.trackedCommit.url.replace(/[0-9a-f]{40}$/, args.commitSha) }
      : stack.trackedCommit;
    const blocked = type === 'TRACKED' && blockerOf(context.store, stack.id) !== null;
    const scenario: RunScenario = blocked ? { kind: 'queued' } : stack.autodeploy || type === 'PROPOSED' ? { kind: 'finished' } : { kind: 'unconfirmed' };
    const now = context.now();
    const built = buildRun(
      {
        key: `triggered-${context.store.runs.length}`,
        stack,
        type,
        createdAt: now,
        commit,
        triggeredBy: viewer.id,
        changes: plannedChangesFor(stack, viewer.login),
        scenario,
      },
      runEnvironmentOf(stack, context.store),
    );
    const run = { ...endingNow(built, now), id: seedUlid(now, `run:${stack.id}:triggered:${context.store.runs.length}`) };
    context.store.runs.push(run);
    return run;
  },

  runConfirm: (_: unknown, args: DecisionArgs, context: SandboxContext) => {
    const viewer = viewerOf(context);
    const stack = writableStackOrThrow(context, args.stack);
    const run = runAwaitingDecision(context, stack, args.run);
    advance(
      run,
      [
        { state: 'CONFIRMED', seconds: 2, username: viewer.id, note: args.note },
        { state: 'APPLYING', seconds: 30 + run.changes.length * 9, logs: applyingLogs(stack, run.changes) },
        { state: 'FINISHED', seconds: 0 },
      ],
      context.now(),
    );
    return run;
  },

  runDiscard: (_: unknown, args: DecisionArgs, context: SandboxContext) => {
    const viewer = viewerOf(context);
    const stack = writableStackOrThrow(context, args.stack);
    const run = runAwaitingDecision(context, stack, args.run);
    advance(run, [{ state: 'DISCARDED', seconds: 0, username: viewer.id, note: args.note }], context.now());
    return run;
  },
};
