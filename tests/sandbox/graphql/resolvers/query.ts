// Root query fields. All of them require a caller (see protectRootFields in resolvers/index.ts)
// and only return what the caller's spaces contain.

import type { SeedContext, SeedModule, SeedPolicy, SeedSpace, SeedStack, SeedStore, SeedWorkerPool } from '../seed';
import { stackStateOf } from '../store-queries';
import { accessIn, byName, findVisible, viewerOf, visible, type SandboxContext } from './context';
import { search, type SearchFields, type SearchInput } from './search';

type IdArgs = { id: string };
type SearchArgs = { input: SearchInput };

const commonFields = <T extends { id: string; name: string; space: string; labels: readonly string[]; createdAt: number }>(): SearchFields<T> => ({
  id: (entity) => entity.id,
  name: (entity) => entity.name,
  space: (entity) => entity.space,
  label: (entity) => entity.labels,
  labels: (entity) => entity.labels,
  createdAt: (entity) => entity.createdAt,
});

const textOf = (entity: { id: string; name: string; description: string; labels: readonly string[] }) => [
  entity.id,
  entity.name,
  entity.description,
  ...entity.labels,
];

function stackSearchFields(store: SeedStore): SearchFields<SeedStack> {
  return {
    ...commonFields<SeedStack>(),
    state: (stack) => stackStateOf(store, stack.id).state,
    branch: (stack) => stack.branch,
    repository: (stack) => stack.repository,
    namespace: (stack) => stack.namespace,
    projectRoot: (stack) => stack.projectRoot,
    administrative: (stack) => stack.administrative,
    autodeploy: (stack) => stack.autodeploy,
    starred: (stack) => stack.starred,
    locked: (stack) => stack.lock !== null,
    vendor: (stack) => stack.vendor.kind,
  };
}

const policyFields: SearchFields<SeedPolicy> = { ...commonFields<SeedPolicy>(), type: (policy) => policy.type, updatedAt: (policy) => policy.updatedAt };
const contextFields: SearchFields<SeedContext> = { ...commonFields<SeedContext>(), updatedAt: (entity) => entity.updatedAt };
const moduleFields: SearchFields<SeedModule> = { ...commonFields<SeedModule>(), terraformProvider: (module) => module.terraformProvider, repository: (module) => module.repository };
const workerPoolFields: SearchFields<SeedWorkerPool> = { ...commonFields<SeedWorkerPool>(), updatedAt: (pool) => pool.updatedAt };

/** Root first, then each level of the tree, alphabetically. */
function depthOf(space: SeedSpace, spaces: readonly SeedSpace[]): number {
  let depth = 0;
  for (let parent = space.parentSpace; parent !== null && depth < spaces.length; depth++) {
    const parentId: string = parent;
    parent = spaces.find((candidate) => candidate.id === parentId)?.parentSpace ?? null;
  }
  return depth;
}

export const queryResolvers = {
  viewer: (_: unknown, __: unknown, context: SandboxContext) => {
    const user = viewerOf(context);
    return { id: user.id, name: user.name, login: user.login, type: 'USER' };
  },

  stacks: (_: unknown, __: unknown, context: SandboxContext) => visible(context, context.store.stacks).sort(byName),
  stack: (_: unknown, { id }: IdArgs, context: SandboxContext) => findVisible(context, context.store.stacks, id),
  searchStacks: (_: unknown, { input }: SearchArgs, context: SandboxContext) =>
    search(visible(context, context.store.stacks), input, stackSearchFields(context.store), textOf),
  runStack: (_: unknown, { runId }: { runId: string }, context: SandboxContext) => {
    const run = context.store.runs.find((candidate) => candidate.id === runId);
    return run ? findVisible(context, context.store.stacks, run.stackId) : null;
  },

  spaces: (_: unknown, __: unknown, context: SandboxContext) => {
    const spaces = context.store.spaces;
    return spaces
      .filter((space) => accessIn(context, space.id) !== null)
      .sort((a, b) => depthOf(a, spaces) - depthOf(b, spaces) || byName(a, b));
  },
  space: (_: unknown, { id }: IdArgs, context: SandboxContext) => {
    const space = context.store.spaces.find((candidate) => candidate.id === id);
    return space && accessIn(context, space.id) !== null ? space : null;
  },

  policies: (_: unknown, __: unknown, context: SandboxContext) => visible(context, context.store.policies).sort(byName),
  policy: (_: unknown, { id }: IdArgs, context: SandboxContext) => findVisible(context, context.store.policies, id),
  searchPolicies: (_: unknown, { input }: SearchArgs, context: SandboxContext) =>
    search(visible(context, context.store.policies), input, policyFields, textOf),
  policyRuntime: () => ({ openPolicyAgentVersion: '1.0.1' }),

  contexts: (_: unknown, __: unknown, context: SandboxContext) => visible(context, context.store.contexts).sort(byName),
  context: (_: unknown, { id }: IdArgs, context: SandboxContext) => findVisible(context, context.store.contexts, id),
  searchContexts: (_: unknown, { input }: SearchArgs, context: SandboxContext) =>
    search(visible(context, context.store.contexts), input, contextFields, textOf),

  modules: (_: unknown, __: unknown, context: SandboxContext) => visible(context, context.store.modules).sort(byName),
  module: (_: unknown, { id }: IdArgs, context: SandboxContext) => findVisible(context, context.store.modules, id),
  searchModules: (_: unknown, { input }: SearchArgs, context: SandboxContext) =>
    search(visible(context, context.store.modules), input, moduleFields, textOf),

  workerPools: (_: unknown, __: unknown, context: SandboxContext) => visible(context, context.store.workerPools).sort(byName),
  workerPool: (_: unknown, { id }: IdArgs, context: SandboxContext) => findVisible(context, context.store.workerPools, id),
  searchWorkerPools: (_: unknown, { input }: SearchArgs, context: SandboxContext) =>
    search(visible(context, context.store.workerPools), input, workerPoolFields, textOf),
  publicWorkerPool: (_: unknown, __: unknown, context: SandboxContext) => {
    const onPublicWorkers = context.store.runs.filter((run) => {
      const stack = context.store.stacks.find((candidate) => candidate.id === run.stackId);
      return stack?.workerPoolId === null;
    });
    return {
      parallelism: 10,
      busyWorkers: onPublicWorkers.filter((run) => ['PREPARING', 'INITIALIZING', 'PLANNING', 'APPLYING', 'PERFORMING'].includes(run.state)).length,
      pendingRuns: onPublicWorkers.filter((run) => run.state === 'QUEUED' || run.state === 'READY').length,
      usersCount: 3,
      schedulableRunsCount: onPublicWorkers.filter((run) => run.state === 'READY').length,
    };
  },
};
