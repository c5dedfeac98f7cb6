// Shapes of the sandbox's data. They follow the GraphQL types closely (same field names, Unix
// seconds) so the sandbox's web app can render them directly, but references between entities
// are ids, and derived fields (a stack's state, access levels, ...) are computed by resolvers.

export type RunState =
  | 'QUEUED'
  | 'READY'
  | 'PREPARING'
  | 'INITIALIZING'
  | 'PLANNING'
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'PENDING_REVIEW'
  | 'PREPARING_APPLY'
  | 'APPLYING'
  | 'PERFORMING'
  | 'DESTROYING'
  | 'REPLAN_REQUESTED'
  | 'FINISHED'
  | 'FAILED'
  | 'DISCARDED'
  | 'STOPPED'
  | 'CANCELED'
  | 'SKIPPED'
  | 'PENDING';

/** States a run never leaves. */
export const TERMINAL_RUN_STATES: readonly RunState[] = ['FINISHED', 'FAILED', 'DISCARDED', 'STOPPED', 'CANCELED', 'SKIPPED'];

export type RunType = 'PROPOSED' | 'TRACKED' | 'TASK' | 'TESTING';

export type PolicyType =
  | 'ACCESS'
  | 'APPROVAL'
  | 'GIT_PUSH'
  | 'INITIALIZATION'
  | 'INTENT'
  | 'LOGIN'
  | 'NOTIFICATION'
  | 'PLAN'
  | 'TASK'
  | 'TRIGGER';

export type SpaceAccessLevel = 'READ' | 'WRITE' | 'ADMIN';
export type ConfigType = 'ENVIRONMENT_VARIABLE' | 'FILE_MOUNT';
export type VcsProvider = 'GITHUB' | 'GITLAB';

export interface SeedSpace {
  id: string;
  name: string;
  description: string;
  /** null only for `root`. */
  parentSpace: string | null;
  inheritEntities: boolean;
  labels: string[];
  createdAt: number;
}

export interface SeedCommit {
  hash: string;
  message: string;
  authorLogin: string;
  authorName: string;
  timestamp: number;
  url: string;
}

export interface SeedConfigElement {
  /** The variable name or the file's path relative to /mnt/workspace. */
  id: string;
  type: ConfigType;
  /** Always null for secrets: like the real API, the sandbox never reveals them. */
  value: string | null;
  writeOnly: boolean;
  description: string | null;
  checksum: string;
  createdAt: number;
}

export type SeedVendorConfig =
  | { kind: 'TERRAFORM'; version: string; workspace: string | null }
  | { kind: 'OPENTOFU'; version: string; workspace: string | null }
  | { kind: 'PULUMI'; loginURL: string; stackName: string }
  | { kind: 'KUBERNETES'; namespace: string; kubectlVersion: string };

export interface SeedStackOutput {
  id: string;
  description: string | null;
  sensitive: boolean;
  /** null when sensitive. */
  value: string | null;
}

/** A resource in the stack's state. */
export interface SeedResource {
  address: string;
  type: string;
  name: string;
  provider: string;
  /** e.g. "module.vpc"; empty for the root module. */
  module: string;
}

export interface SeedStack {
  id: string;
  name: string;
  description: string;
  space: string;
  labels: string[];
  administrative: boolean;
  autodeploy: boolean;
  autoretry: boolean;
  provider: VcsProvider;
  namespace: string;
  repository: string;
  branch: string;
  projectRoot: string;
  createdAt: number;
  vendor: SeedVendorConfig;
  workerPoolId: string | null;
  runnerImage: string | null;
  isDisabled: boolean;
  protectFromDeletion: boolean;
  starred: boolean;
  lock: { by: string; at: number; note: string | null } | null;
  trackedCommit: SeedCommit;
  hooks: { beforeInit: string[]; beforePlan: string[]; afterApply: string[] };
  config: SeedConfigElement[];
  attachedContexts: { id: string; contextId: string; priority: number; isAutoattached: boolean }[];
  attachedPolicies: { id: string; policyId: string }[];
  dependsOn: { id: string; dependsOnStackId: string; referenceCount: number; triggerAlways: boolean }[];
  outputs: SeedStackOutput[];
  resources: SeedResource[];
  moduleVersionsUsed: { moduleId: string; number: string }[];
}

export interface SeedRunTransition {
  state: RunState;
  stateVersion: number;
  timestamp: number;
  /** When the run left this state; null for the current state. */
  until: number | null;
  terminal: boolean;
  hasLogs: boolean;
  note: string | null;
  username: string | null;
  /** Log lines without trailing newlines; [] when the state has none. */
  logs: string[];
}

export type ChangeAction = 'create' | 'update' | 'delete' | 'replace';

/** One resource change in a plan; attributes are already formatted (`"a" -> "b"` for updates). */
export interface SeedPlannedChange {
  address: string;
  action: ChangeAction;
  attributes: Record<string, string>;
}

export interface SeedDelta {
  addCount: number;
  changeCount: number;
  deleteCount: number;
  resources: number;
}

export interface SeedRun {
  /** A ULID. */
  id: string;
  stackId: string;
  type: RunType;
  state: RunState;
  title: string;
  branch: string;
  commit: SeedCommit;
  createdAt: number;
  updatedAt: number;
  triggeredBy: string | null;
  command: string | null;
  delta: SeedDelta | null;
  /** What the plan proposed; [] when there was no plan or it had no changes. */
  changes: SeedPlannedChange[];
  /** Newest first, as the API returns it. */
  history: SeedRunTransition[];
  comments: { body: string; createdAt: number; username: string }[];
  driftDetection: boolean;
}

export interface SeedPolicy {
  id: string;
  name: string;
  description: string;
  body: string;
  type: PolicyType;
  labels: string[];
  space: string;
  engineType: 'REGO_V0' | 'REGO_V1';
  createdAt: number;
  updatedAt: number;
}

export interface SeedContext {
  id: string;
  name: string;
  description: string;
  labels: string[];
  space: string;
  createdAt: number;
  updatedAt: number;
  config: SeedConfigElement[];
}

export interface SeedModule {
  id: string;
  name: string;
  namespace: string;
  repository: string;
  provider: VcsProvider;
  terraformProvider: string;
  branch: string;
  projectRoot: string;
  space: string;
  description: string;
  labels: string[];
  administrative: boolean;
  isDisabled: boolean;
  createdAt: number;
  workerPoolId: string | null;
  /** Published versions, newest first. */
  versions: { id: string; number: string; state: 'ACTIVE' | 'FAILED'; yanked: boolean }[];
}

export interface SeedWorker {
  id: string;
  busy: boolean;
  drained: boolean;
}

export interface SeedWorkerPool {
  id: string;
  name: string;
  description: string;
  labels: string[];
  space: string;
  createdAt: number;
  updatedAt: number;
  workers: SeedWorker[];
  pendingRuns: number;
  driftDetectionRunLimit: number | null;
}

/** Everything the GraphQL server serves. Mutations change it in place. */
export interface SeedStore {
  spaces: SeedSpace[];
  stacks: SeedStack[];
  runs: SeedRun[];
  policies: SeedPolicy[];
  contexts: SeedContext[];
  modules: SeedModule[];
  workerPools: SeedWorkerPool[];
}
