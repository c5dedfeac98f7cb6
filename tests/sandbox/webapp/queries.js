// Every GraphQL document the sandbox web app sends, in one place, so the sandbox's
// GraphQL server can be checked against them. Field names follow Spacelift's API
// (/work/shared/spacelift/schema.graphql); timestamps are Unix seconds.

const STACK_HEADER_FIELDS = `
  id
  name
  description
  state
  stateSetAt
  space
  branch
  repository
  provider
  labels
  autodeploy
  administrative
  lockedBy
  terraformVersion
  trackedCommit { hash message authorName timestamp }
`;

const RUN_ROW_FIELDS = `
  id
  type
  state
  title
  branch
  createdAt
  triggeredBy
  commit { hash message authorName }
  delta { addCount changeCount deleteCount }
`;

const CONFIG_FIELDS = `id type value writeOnly description`;

export const SPACES = `
query Spaces {
  spaces { id name description parentSpace inheritEntities labels accessLevel }
}`;

export const STACKS = `
query Stacks {
  stacks {
    id
    name
    description
    state
    stateSetAt
    space
    branch
    repository
    labels
    trackedCommit { hash }
  }
}`;

export const STACK = `
query Stack($id: ID!) {
  stack(id: $id) { ${STACK_HEADER_FIELDS} }
}`;

export const STACK_RUNS = `
query StackRuns($id: ID!) {
  stack(id: $id) { id runs { ${RUN_ROW_FIELDS} } }
}`;

export const STACK_PROPOSED_RUNS = `
query StackProposedRuns($id: ID!) {
  stack(id: $id) { id proposedRuns { ${RUN_ROW_FIELDS} } }
}`;

export const STACK_ENVIRONMENT = `
query StackEnvironment($id: ID!) {
  stack(id: $id) { id config { ${CONFIG_FIELDS} } }
}`;

export const STACK_CONTEXTS = `
query StackContexts($id: ID!) {
  stack(id: $id) {
    id
    attachedContexts { id contextId contextName priority isAutoattached config { ${CONFIG_FIELDS} } }
  }
}`;

export const STACK_POLICIES = `
query StackPolicies($id: ID!) {
  stack(id: $id) { id attachedPolicies { id policyId policyName policyType } }
}`;

export const STACK_DEPENDENCIES = `
query StackDependencies($id: ID!) {
  stack(id: $id) {
    id
    dependsOn { id dependsOnStack { id name state } }
    isDependedOnBy { id stack { id name state } }
  }
}`;

export const STACK_OUTPUTS = `
query StackOutputs($id: ID!) {
  stack(id: $id) { id outputs { id value sensitive description } }
}`;

export const STACK_RESOURCES = `
query StackResources($id: ID!) {
  stack(id: $id) { id entities { id address name type drifted } }
}`;

export const RUN = `
query Run($stackId: ID!, $runId: ID!) {
  stack(id: $stackId) {
    ${STACK_HEADER_FIELDS}
    run(id: $runId) {
      id
      type
      state
      title
      branch
      createdAt
      updatedAt
      triggeredBy
      finished
      commit { hash message authorName authorLogin timestamp }
      delta { addCount changeCount deleteCount }
      history { state stateVersion hasLogs note terminal timestamp until username }
    }
  }
}`;

export const RUN_LOGS = `
query RunLogs($stackId: ID!, $runId: ID!, $state: RunState!, $stateVersion: Int, $token: String) {
  stack(id: $stackId) {
    id
    run(id: $runId) {
      id
      logs(state: $state, stateVersion: $stateVersion, token: $token) {
        exists
        finished
        hasMore
        nextToken
        messages { message timestamp }
      }
    }
  }
}`;

export const MODULES = `
query Modules {
  modules { id name description terraformProvider repository branch space labels current { number state } }
}`;

export const MODULE = `
query Module($id: ID!) {
  module(id: $id) {
    id
    name
    description
    terraformProvider
    repository
    provider
    branch
    projectRoot
    space
    labels
    administrative
    createdAt
    current { id number state yanked }
  }
}`;

export const POLICIES = `
query Policies {
  policies { id name description type labels space engineType updatedAt }
}`;

export const POLICY = `
query Policy($id: ID!) {
  policy(id: $id) { id name description type labels space engineType body createdAt updatedAt }
}`;

export const CONTEXTS = `
query Contexts {
  contexts { id name description labels space createdAt }
}`;

export const CONTEXT = `
query Context($id: ID!) {
  context(id: $id) {
    id
    name
    description
    labels
    space
    createdAt
    config { ${CONFIG_FIELDS} }
    attachedStacks { id stackId stackName priority isAutoattached }
  }
}`;

export const WORKER_POOLS = `
query WorkerPools {
  workerPools { id name description labels space workersCount busyWorkers pendingRuns createdAt }
}`;

export const WORKER_POOL = `
query WorkerPool($id: ID!) {
  workerPool(id: $id) {
    id
    name
    description
    labels
    space
    workersCount
    busyWorkers
    pendingRuns
    createdAt
    workers { id busy drained }
  }
}`;

export const RUN_TRIGGER = `
mutation RunTrigger($stack: ID!) {
  runTrigger(stack: $stack) { id state }
}`;

export const RUN_CONFIRM = `
mutation RunConfirm($stack: ID!, $run: ID) {
  runConfirm(stack: $stack, run: $run) { id state }
}`;

export const RUN_DISCARD = `
mutation RunDiscard($stack: ID!, $run: ID) {
  runDiscard(stack: $stack, run: $run) { id state }
}`;

/** All documents by operation name (used by the tests and by the GraphQL server's author). */
export const QUERIES = {
  Spaces: SPACES,
  Stacks: STACKS,
  Stack: STACK,
  StackRuns: STACK_RUNS,
  StackProposedRuns: STACK_PROPOSED_RUNS,
  StackEnvironment: STACK_ENVIRONMENT,
  StackContexts: STACK_CONTEXTS,
  StackPolicies: STACK_POLICIES,
  StackDependencies: STACK_DEPENDENCIES,
  StackOutputs: STACK_OUTPUTS,
  StackResources: STACK_RESOURCES,
  Run: RUN,
  RunLogs: RUN_LOGS,
  Modules: MODULES,
  Module: MODULE,
  Policies: POLICIES,
  Policy: POLICY,
  Contexts: CONTEXTS,
  Context: CONTEXT,
  WorkerPools: WORKER_POOLS,
  WorkerPool: WORKER_POOL,
  RunTrigger: RUN_TRIGGER,
  RunConfirm: RUN_CONFIRM,
  RunDiscard: RUN_DISCARD,
};
