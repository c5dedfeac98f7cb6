// The sandbox's data: a small but realistic Spacelift account ("acme-corp"). Deterministic:
// no randomness, timestamps relative to SEED_EPOCH, so tests and demos can rely on exact values.

import { SEED_CONTEXTS, SEED_MODULES, SEED_POLICIES, SEED_SPACE_IDS, SEED_SPACES, SEED_WORKER_POOL_IDS, SEED_WORKER_POOLS } from './seed/catalog';
import { buildRun, type RunEnvironment } from './seed/runs';
import { SEED_RUN_SPECS } from './seed/run-specs';
import { SEED_STACKS } from './seed/stacks';
import type { SeedRun, SeedStack, SeedStore } from './seed/types';

export * from './seed/types';
export { SEED_EPOCH, seedUlid } from './seed/ids';
export { SEED_SPACE_IDS, SEED_WORKER_POOL_IDS };

/** Where a stack's runs execute and which contexts they load, for the logs. */
export function runEnvironmentOf(stack: SeedStack, store: Pick<SeedStore, 'workerPools' | 'contexts'>): RunEnvironment {
  const pool = store.workerPools.find((candidate) => candidate.id === stack.workerPoolId);
  const contextNames = stack.attachedContexts
    .map((attachment) => store.contexts.find((context) => context.id === attachment.contextId)?.name)
    .filter((name): name is string => name !== undefined);
  return { workerPoolName: pool?.name ?? 'public', contextNames };
}

const builtRuns: { key: string; run: SeedRun }[] = SEED_RUN_SPECS.map((spec) => ({
  key: spec.key,
  run: buildRun(spec, runEnvironmentOf(spec.stack, { workerPools: SEED_WORKER_POOLS, contexts: SEED_CONTEXTS })),
}));

// A stack tracks the commit of its newest tracked run.
for (const stack of SEED_STACKS) {
  const newestTracked = builtRuns
    .map(({ run }) => run)
    .filter((run) => run.stackId === stack.id && run.type === 'TRACKED')
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (newestTracked) stack.trackedCommit = newestTracked.commit;
}

function runId(key: string): string {
  const found = builtRuns.find((entry) => entry.key === key);
  if (!found) throw new Error(`seed: no run named ${key}`);
  return found.run.id;
}

/** Runs that tests and demos refer to, by what makes them interesting. */
export const SEED_RUN_IDS = {
  /** prod-eks, TRACKED, FAILED in PLANNING: AWS AccessDenied on eks:DescribeNodegroup. The stack's latest run. */
  prodEksAccessDenied: runId('prodEksAccessDenied'),
  /** prod-eks, TASK, FINISHED: `terraform state list`. */
  prodEksStateList: runId('prodEksStateList'),
  /** prod-eks, TRACKED, FINISHED: upgrade to Kubernetes 1.30 (0 add, 3 change). */
  prodEksUpgrade: runId('prodEksUpgrade130'),
  /** prod-app, TRACKED, UNCONFIRMED: "Plan: 2 to add, 1 to change, 0 to destroy." */
  prodAppUnconfirmed: runId('prodAppCheckoutUnconfirmed'),
  /** prod-app, PROPOSED, FINISHED on branch feat/checkout-v2. */
  prodAppProposed: runId('prodAppCheckoutProposed'),
  /** prod-rds, TRACKED, FAILED: denied by the plan policy prod-plan-guardrails. */
  prodRdsDeniedByPolicy: runId('prodRdsDeniedByPolicy'),
  /** prod-rds, TRACKED, DISCARDED. */
  prodRdsDiscarded: runId('prodRdsDiscarded'),
  /** prod-rds, TRACKED, FINISHED (1 change). */
  prodRdsFinished: runId('prodRdsMaxConnections'),
  /** staging-eks, TRACKED, CANCELED while queued. */
  stagingEksCanceled: runId('stagingEksCanceled'),
  /** staging-app, TRACKED, FAILED in APPLYING (Helm timeout). */
  stagingAppFailedApply: runId('stagingAppHelmTimeout'),
  /** staging-app, TRACKED, APPLYING right now. */
  stagingAppApplying: runId('stagingAppApplying'),
  /** prod-monitoring, TRACKED, STOPPED during planning. */
  prodMonitoringStopped: runId('prodMonitoringStopped'),
  /** prod-monitoring, TRACKED, PLANNING right now (blocks the stack). */
  prodMonitoringPlanning: runId('prodMonitoringPlanning'),
  /** prod-monitoring, TRACKED, QUEUED behind the planning run. */
  prodMonitoringQueued: runId('prodMonitoringQueued'),
  /** staging-network, PROPOSED drift detection, FINISHED with no changes. */
  stagingNetworkDriftCheck: runId('stagingNetworkDriftCheck'),
  /** dev-app, TRACKED, FAILED in PLANNING: no value for required variable "db_password". */
  devAppMissingVariable: runId('devAppMissingVariable'),
  /** dev-preview-envs, TRACKED, DISCARDED (the stack's latest run). */
  devPreviewDiscarded: runId('devPreviewDiscarded'),
  /** dev-sandbox, TRACKED, FINISHED. */
  devSandboxFinished: runId('devSandboxBastionResize'),
} as const;

/** The pristine seed. Do not mutate it: use createSeedStore() for a working copy. */
export const SEED: Readonly<SeedStore> = Object.freeze({
  spaces: SEED_SPACES,
  stacks: SEED_STACKS,
  runs: builtRuns.map(({ run }) => run),
  policies: SEED_POLICIES,
  contexts: SEED_CONTEXTS,
  modules: SEED_MODULES,
  workerPools: SEED_WORKER_POOLS,
});

/** A fresh, independent, mutable copy of the seed (one per server or test). */
export function createSeedStore(): SeedStore {
  return structuredClone({ ...SEED }) as SeedStore;
}
