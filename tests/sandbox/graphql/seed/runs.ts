// Builds a run (state history, timestamps, logs, delta) from a short scenario description.

import { seedUlid } from './ids';
import { applyingLogs, deltaOf, errorBox, initializingLogs, planningLogs, preparingLogs, type PlannedChange } from './logs';
import { TERMINAL_RUN_STATES, type RunState, type RunType, type SeedCommit, type SeedRun, type SeedRunTransition, type SeedStack } from './types';

/** How a run went (or is going). */
export type RunScenario =
  /** Tracked: planned and applied (through confirmation unless the stack autodeploys). Proposed: planned only. */
  | { kind: 'finished'; confirmedBy?: string }
  | { kind: 'unconfirmed' }
  | { kind: 'discarded'; by: string; note?: string }
  /** planOutput (PLANNING only): how much of the plan was printed before the error (default: the refresh). */
  | { kind: 'failed'; phase: 'INITIALIZING' | 'PLANNING' | 'APPLYING'; error: string[]; note?: string; planOutput?: 'none' | 'refresh' | 'full' }
  | { kind: 'canceled'; by: string }
  | { kind: 'stopped'; by: string; note?: string }
  | { kind: 'queued' }
  | { kind: 'in-progress'; state: 'PLANNING' | 'APPLYING' }
  | { kind: 'task'; command: string; output: string[] };

export interface RunSpec {
  /** Unique within the stack; also names the run in SEED_RUN_IDS. */
  key: string;
  stack: SeedStack;
  type?: RunType;
  createdAt: number;
  commit: SeedCommit;
  branch?: string;
  triggeredBy: string | null;
  changes?: PlannedChange[];
  scenario: RunScenario;
  driftDetection?: boolean;
  comments?: SeedRun['comments'];
}

/** Where the run executes, for the PREPARING logs. */
export interface RunEnvironment {
  workerPoolName: string;
  contextNames: string[];
}

interface Step {
  state: RunState;
  seconds: number;
  logs?: string[];
  note?: string;
  username?: string;
}

const firstHalf = (lines: string[]) => lines.slice(0, Math.max(1, Math.ceil(lines.length / 2)));

function stepsFor(spec: RunSpec, environment: RunEnvironment): Step[] {
  const { stack, scenario } = spec;
  const changes = spec.changes ?? [];
  const start: Step[] = [
    { state: 'QUEUED', seconds: 4 },
    { state: 'READY', seconds: 1 },
    { state: 'PREPARING', seconds: 14, logs: preparingLogs(stack, spec.commit, environment.workerPoolName, environment.contextNames) },
    { state: 'INITIALIZING', seconds: 21, logs: initializingLogs(stack) },
  ];
  const planning: Step = { state: 'PLANNING', seconds: 38 + changes.length * 3, logs: planningLogs(stack, changes) };
  const applying: Step = { state: 'APPLYING', seconds: 30 + changes.length * 9, logs: applyingLogs(stack, changes) };
  const waitForConfirmation = (seconds: number): Step => ({ state: 'UNCONFIRMED', seconds });

  switch (scenario.kind) {
    case 'finished': {
      if (spec.type === 'PROPOSED' || changes.length === 0) return [...start, planning, { state: 'FINISHED', seconds: 0 }];
      const confirmation: Step[] = stack.autodeploy
        ? []
        : [waitForConfirmation(540), { state: 'CONFIRMED', seconds: 2, username: scenario.confirmedBy ?? 'ada.admin' }];
      return [...start, planning, ...confirmation, applying, { state: 'FINISHED', seconds: 0 }];
    }
    case 'unconfirmed':
      return [...start, planning, waitForConfirmation(0)];
    case 'discarded':
      return [...start, planning, waitForConfirmation(900), { state: 'DISCARDED', seconds: 0, username: scenario.by, note: scenario.note }];
    case 'failed': {
      const failedLogs = (lines: string[]) => [...lines, '', ...scenario.error];
      const failed: Step = { state: 'FAILED', seconds: 0, note: scenario.note };
      if (scenario.phase === 'INITIALIZING') {
        const [queued, ready, preparing, initializing] = start as [Step, Step, Step, Step];
        return [queued, ready, preparing, { ...initializing, logs: failedLogs(firstHalf(initializing.logs ?? [])) }, failed];
      }
      if (scenario.phase === 'PLANNING') {
        const planLines = planning.logs ?? [];
        const printed = { none: [], refresh: planLines.slice(0, Math.max(0, planLines.indexOf(''))), full: planLines }[scenario.planOutput ?? 'refresh'];
        const logs = printed.length > 0 ? failedLogs(printed) : scenario.error;
        return [...start, { ...planning, seconds: 12, logs }, failed];
      }
      const confirmation: Step[] = stack.autodeploy ? [] : [waitForConfirmation(300), { state: 'CONFIRMED', seconds: 2, username: 'ada.admin' }];
      const applyLines = (applying.logs ?? []).filter((line) => !line.startsWith('Apply complete') && !line.startsWith('Outputs'));
      return [...start, planning, ...confirmation, { ...applying, logs: failedLogs(firstHalf(applyLines)) }, failed];
    }
    case 'canceled':
      return [{ state: 'QUEUED', seconds: 75 }, { state: 'CANCELED', seconds: 0, username: scenario.by }];
    case 'stopped': {
      const stopping = { ...planning, logs: firstHalf(planning.logs ?? []) };
      return [...start, stopping, { state: 'STOPPED', seconds: 0, username: scenario.by, note: scenario.note }];
    }
    case 'queued':
      return [{ state: 'QUEUED', seconds: 0 }];
    case 'in-progress': {
      if (scenario.state === 'PLANNING') return [...start, { ...planning, logs: firstHalf(planning.logs ?? []) }];
      const confirmation: Step[] = stack.autodeploy ? [] : [waitForConfirmation(120), { state: 'CONFIRMED', seconds: 2, username: 'ada.admin' }];
      return [...start, planning, ...confirmation, { ...applying, logs: firstHalf(applying.logs ?? []) }];
    }
    case 'task':
      return [
        ...start,
        { state: 'PERFORMING', seconds: 8, logs: [`$ ${scenario.command}`, ...scenario.output] },
        { state: 'FINISHED', seconds: 0 },
      ];
  }
}

/** Whether the run got as far as having a plan, so its delta is known. */
function hasPlan(steps: Step[], spec: RunSpec): boolean {
  const planned = steps.some((step, index) => step.state === 'PLANNING' && index < steps.length - 1);
  const failedInPlan = spec.scenario.kind === 'failed' && spec.scenario.phase === 'PLANNING' && spec.scenario.planOutput !== 'full';
  return planned && !failedInPlan && spec.scenario.kind !== 'stopped';
}

export function buildRun(spec: RunSpec, environment: RunEnvironment): SeedRun {
  const type: RunType = spec.scenario.kind === 'task' ? 'TASK' : (spec.type ?? 'TRACKED');
  const steps = stepsFor({ ...spec, type }, environment);
  let clock = spec.createdAt;
  const chronological: SeedRunTransition[] = steps.map((step, index) => {
    const isCurrent = index === steps.length - 1;
    const transition: SeedRunTransition = {
      state: step.state,
      stateVersion: index,
      timestamp: clock,
      until: isCurrent ? null : clock + step.seconds,
      terminal: TERMINAL_RUN_STATES.includes(step.state),
      hasLogs: (step.logs?.length ?? 0) > 0,
      note: step.note ?? null,
      username: step.username ?? null,
      logs: step.logs ?? [],
    };
    clock += step.seconds;
    return transition;
  });
  const current = chronological[chronological.length - 1]!;
  return {
    id: seedUlid(spec.createdAt, `run:${spec.stack.id}:${spec.key}`),
    stackId: spec.stack.id,
    type,
    state: current.state,
    title: spec.commit.message.split('\n')[0] ?? '',
    branch: spec.branch ?? spec.stack.branch,
    commit: spec.commit,
    createdAt: spec.createdAt,
    updatedAt: current.timestamp,
    triggeredBy: spec.triggeredBy,
    command: spec.scenario.kind === 'task' ? spec.scenario.command : null,
    delta: hasPlan(steps, spec) ? deltaOf(spec.changes ?? []) : null,
    changes: hasPlan(steps, spec) ? (spec.changes ?? []) : [],
    history: chronological.reverse(),
    comments: spec.comments ?? [],
    driftDetection: spec.driftDetection ?? false,
  };
}

export { errorBox };
