// Stack fields: derived state, attachments, runs, resources and dependencies.

import type { SeedConfigElement, SeedContext, SeedStack, SeedVendorConfig } from '../seed';
import { blockerOf, runsOfStack, stackStateOf } from '../store-queries';
import { canSee, canWrite, findVisible, type SandboxContext } from './context';
import { runsPage } from './run';

const PROVIDER_SOURCES: Record<string, string> = { datadog: 'DataDog/datadog', spacelift: 'spacelift-io/spacelift' };

/** GraphQL's default type resolver reads __typename, so union members carry it. */
function vendorConfigOf(vendor: SeedVendorConfig) {
  switch (vendor.kind) {
    case 'TERRAFORM':
      return { __typename: 'StackConfigVendorTerraform', version: vendor.version, workspace: vendor.workspace, useSmartSanitization: true, externalStateAccessEnabled: false, workflowTool: 'TERRAFORM_FOSS' };
    case 'OPENTOFU':
      return { __typename: 'StackConfigVendorOpenTofu', version: vendor.version, workspace: vendor.workspace, useSmartSanitization: true, externalStateAccessEnabled: false, concise: false, workflowTool: 'OPEN_TOFU' };
    case 'PULUMI':
      return { __typename: 'StackConfigVendorPulumi', loginURL: vendor.loginURL, stackName: vendor.stackName };
    case 'KUBERNETES':
      return { __typename: 'StackConfigVendorKubernetes', namespace: vendor.namespace, kubectlVersion: vendor.kubectlVersion, kubernetesWorkflowTool: 'KUBERNETES' };
  }
}

const asConfig = (element: SeedConfigElement) => ({ ...element, runtime: false });

function contextAttachments(stack: SeedStack, context: SandboxContext) {
  return [...stack.attachedContexts]
    .sort((a, b) => a.priority - b.priority)
    .map((attachment) => ({ attachment, found: context.store.contexts.find((candidate) => candidate.id === attachment.contextId) }))
    .filter((entry): entry is { attachment: SeedStack['attachedContexts'][number]; found: SeedContext } => entry.found !== undefined)
    .map(({ attachment, found }) => ({
      id: attachment.id,
      contextId: found.id,
      contextName: found.name,
      priority: attachment.priority,
      isAutoattached: attachment.isAutoattached,
      config: found.config.map(asConfig),
    }));
}

function dependency(context: SandboxContext, stack: SeedStack, dependsOn: SeedStack, edge: SeedStack['dependsOn'][number]) {
  return { id: edge.id, stack, dependsOnStack: dependsOn, dependsOnStackId: dependsOn.id, referenceCount: edge.referenceCount, triggerAlways: edge.triggerAlways };
}

export const stackResolvers = {
  spaceDetails: (stack: SeedStack, _: unknown, context: SandboxContext) => context.store.spaces.find((space) => space.id === stack.space),
  repositoryURL: () => null,
  additionalProjectGlobs: () => [],
  gitSparseCheckoutPaths: () => [],
  trackedCommitSetBy: () => null,
  state: (stack: SeedStack, _: unknown, context: SandboxContext) => stackStateOf(context.store, stack.id).state,
  stateSetAt: (stack: SeedStack, _: unknown, context: SandboxContext) => stackStateOf(context.store, stack.id).setAt,
  canWrite: (stack: SeedStack, _: unknown, context: SandboxContext) => canWrite(context, stack),
  deleted: () => false,
  deleting: () => false,
  managesStateFile: () => true,
  localPreviewEnabled: () => false,
  terraformVersion: (stack: SeedStack) => (stack.vendor.kind === 'TERRAFORM' || stack.vendor.kind === 'OPENTOFU' ? stack.vendor.version : null),
  lockedBy: (stack: SeedStack) => stack.lock?.by ?? null,
  lockedAt: (stack: SeedStack) => stack.lock?.at ?? null,
  lockNote: (stack: SeedStack) => stack.lock?.note ?? null,
  blocked: (stack: SeedStack, _: unknown, context: SandboxContext) => blockerOf(context.store, stack.id) !== null,
  blocker: (stack: SeedStack, _: unknown, context: SandboxContext) => blockerOf(context.store, stack.id),
  blockerRun: (stack: SeedStack, _: unknown, context: SandboxContext) => blockerOf(context.store, stack.id),
  workerPool: (stack: SeedStack, _: unknown, context: SandboxContext) =>
    stack.workerPoolId ? findVisible(context, context.store.workerPools, stack.workerPoolId) : null,
  vendorConfig: (stack: SeedStack) => vendorConfigOf(stack.vendor),
  beforeInit: (stack: SeedStack) => stack.hooks.beforeInit,
  afterInit: () => [],
  beforePlan: (stack: SeedStack) => stack.hooks.beforePlan,
  afterPlan: () => [],
  beforeApply: () => [],
  afterApply: (stack: SeedStack) => stack.hooks.afterApply,
  beforePerform: () => [],
  afterPerform: () => [],
  beforeDestroy: () => [],
  afterDestroy: () => [],
  afterRun: () => [],
  attachedContexts: (stack: SeedStack, _: unknown, context: SandboxContext) => contextAttachments(stack, context),
  attachedPolicies: (stack: SeedStack, _: unknown, context: SandboxContext) =>
    stack.attachedPolicies.flatMap((attachment) => {
      const policy = context.store.policies.find((candidate) => candidate.id === attachment.policyId);
      return policy ? [{ id: attachment.id, policyId: policy.id, policyName: policy.name, policyType: policy.type }] : [];
    }),
  config: (stack: SeedStack) => stack.config.map(asConfig),
  runtimeConfig: (stack: SeedStack, _: unknown, context: SandboxContext) => [
    ...contextAttachments(stack, context).flatMap((attachment) => attachment.config.map((element) => ({ context: attachment, element }))),
    ...stack.config.map((element) => ({ context: null, element: asConfig(element) })),
  ],
  runs: (stack: SeedStack, args: { before?: string | null }, context: SandboxContext) =>
    runsPage(runsOfStack(context.store, stack.id, 'TRACKED'), args.before),
  proposedRuns: (stack: SeedStack, args: { before?: string | null }, context: SandboxContext) =>
    runsPage(runsOfStack(context.store, stack.id, 'PROPOSED'), args.before),
  tasks: (stack: SeedStack, args: { before?: string | null }, context: SandboxContext) =>
    runsPage(runsOfStack(context.store, stack.id, 'TASK'), args.before),
  run: (stack: SeedStack, args: { id: string }, context: SandboxContext) =>
    context.store.runs.find((run) => run.id === args.id && run.stackId === stack.id) ?? null,
  entities: (stack: SeedStack) =>
    stack.resources.map((resource) => ({
      id: resource.address,
      address: resource.address,
      name: resource.name,
      type: resource.type,
      parent: resource.module || null,
      drifted: null,
      thirdPartyMetadata: null,
      creator: null,
      updater: null,
      vendor: {
        __typename: 'EntityVendorTerraform',
        terraform: {
          __typename: 'TerraformResource',
          address: resource.address,
          mode: 'managed',
          module: resource.module,
          provider: `registry.terraform.io/${PROVIDER_SOURCES[resource.provider] ?? `hashicorp/${resource.provider}`}`,
          tainted: false,
          values: JSON.stringify({ name: resource.name }),
        },
      },
    })),
  outputs: (stack: SeedStack) => stack.outputs.map((output) => ({ ...output, value: output.sensitive ? null : output.value })),
  dependsOn: (stack: SeedStack, _: unknown, context: SandboxContext) =>
    stack.dependsOn.flatMap((edge) => {
      const target = findVisible(context, context.store.stacks, edge.dependsOnStackId);
      return target ? [dependency(context, stack, target, edge)] : [];
    }),
  isDependedOnBy: (stack: SeedStack, _: unknown, context: SandboxContext) =>
    context.store.stacks
      .filter((other) => canSee(context, other))
      .flatMap((other) => other.dependsOn.filter((edge) => edge.dependsOnStackId === stack.id).map((edge) => dependency(context, other, stack, edge))),
  moduleVersionsUsed: (stack: SeedStack, _: unknown, context: SandboxContext) =>
    stack.moduleVersionsUsed.flatMap(({ moduleId, number }) => {
      const module = context.store.modules.find((candidate) => candidate.id === moduleId);
      const version = module?.versions.find((candidate) => candidate.number === number);
      return module && version ? [{ ...version, module: { id: module.id, name: module.name, owner: module.namespace } }] : [];
    }),
};
