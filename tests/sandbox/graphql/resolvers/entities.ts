// Fields of spaces, policies, contexts, modules and worker pools that are not stored as-is.

import type { SeedContext, SeedModule, SeedSpace, SeedWorkerPool } from '../seed';
import { accessIn, canSee, canWrite, findVisible, type SandboxContext } from './context';

const spaceDetails = (entity: { space: string }, _: unknown, context: SandboxContext) =>
  context.store.spaces.find((space) => space.id === entity.space) ?? null;

export const spaceResolvers = {
  accessLevel: (space: SeedSpace, _: unknown, context: SandboxContext) => accessIn(context, space.id),
};

export const policyResolvers = { spaceDetails };

export const contextResolvers = {
  spaceDetails,
  config: (entity: SeedContext) => entity.config.map((element) => ({ ...element, runtime: false })),
  attachedStacks: (entity: SeedContext, _: unknown, context: SandboxContext) => attachedStacksOf(entity, context),
  hasAttachedStacks: (entity: SeedContext, _: unknown, context: SandboxContext) => attachedStacksOf(entity, context).length > 0,
};

/** Attachments to the stacks the caller can see. */
function attachedStacksOf(entity: SeedContext, context: SandboxContext) {
  return context.store.stacks
    .filter((stack) => canSee(context, stack))
    .flatMap((stack) =>
      stack.attachedContexts
        .filter((attachment) => attachment.contextId === entity.id)
        .map((attachment) => ({
          id: attachment.id,
          stackId: stack.id,
          stackName: stack.name,
          isModule: false,
          isAutoattached: attachment.isAutoattached,
          priority: attachment.priority,
        })),
    );
}

export const moduleResolvers = {
  spaceDetails,
  canWrite: (module: SeedModule, _: unknown, context: SandboxContext) => canWrite(context, module),
  localPreviewEnabled: () => false,
  starred: () => false,
  current: (module: SeedModule) => {
    const version = module.versions.find((candidate) => candidate.state === 'ACTIVE' && !candidate.yanked);
    return version ? { ...version, module: { id: module.id, name: module.name, owner: module.namespace } } : null;
  },
  workerPool: (module: SeedModule, _: unknown, context: SandboxContext) =>
    module.workerPoolId ? findVisible(context, context.store.workerPools, module.workerPoolId) : null,
};

export const workerPoolResolvers = {
  spaceDetails,
  deleted: () => false,
  workersCount: (pool: SeedWorkerPool) => pool.workers.length,
  busyWorkers: (pool: SeedWorkerPool) => pool.workers.filter((worker) => worker.busy).length,
  managedByK8sController: (pool: SeedWorkerPool) => pool.labels.includes('k8s-controller'),
};
