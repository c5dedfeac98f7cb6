// GraphQL operations a user of the extension typically causes, written as a Spacelift client would
// send them. The tests run each one against the sandbox and validate it against the reference
// schema, so they double as known-good examples for the extension's own queries.

export const VIEWER = /* GraphQL */ `
  query Viewer {
    viewer { id login name }
  }
`;

export const API_KEY_LOGIN = /* GraphQL */ `
  mutation ApiKeyLogin($id: ID!, $secret: String!) {
    apiKeyUser(id: $id, secret: $secret) { id jwt validUntil }
  }
`;

export const LIST_STACKS = /* GraphQL */ `
  query ListStacks {
    stacks {
      id name state stateSetAt space branch labels repository namespace projectRoot
      administrative autodeploy lockedBy
      spaceDetails { id name }
    }
  }
`;

export const STACK_DETAILS = /* GraphQL */ `
  query StackDetails($id: ID!) {
    stack(id: $id) {
      id name description state space canWrite createdAt
      provider repository namespace branch projectRoot terraformVersion
      lockedBy lockedAt lockNote protectFromDeletion
      trackedCommit { hash message authorName timestamp url }
      vendorConfig {
        __typename
        ... on StackConfigVendorTerraform { version workspace }
        ... on StackConfigVendorOpenTofu { version workspace }
        ... on StackConfigVendorPulumi { loginURL stackName }
      }
      workerPool { id name }
      blocker { id state }
      attachedPolicies { policyId policyName policyType }
      attachedContexts { contextId contextName priority config { id value writeOnly } }
      dependsOn { dependsOnStack { id state } referenceCount }
      isDependedOnBy { stack { id state } }
      outputs { id value sensitive }
      moduleVersionsUsed { number module { id name } }
      entities {
        address type
        vendor { ... on EntityVendorTerraform { terraform { ... on TerraformResource { provider module } } } }
      }
    }
  }
`;

export const STACK_LAST_RUNS = /* GraphQL */ `
  query StackLastRuns($stackId: ID!, $before: ID) {
    stack(id: $stackId) {
      id state
      runs(before: $before) {
        id type state title branch createdAt updatedAt triggeredBy finished isMostRecent
        commit { hash message authorLogin authorName }
        delta { addCount changeCount deleteCount resources }
      }
    }
  }
`;

export const RUN_HISTORY = /* GraphQL */ `
  query RunHistory($stackId: ID!, $runId: ID!) {
    stack(id: $stackId) {
      run(id: $runId) {
        id state type title canConfirm
        history { state stateVersion hasLogs timestamp until terminal note username }
      }
    }
  }
`;

export const RUN_STATE_LOGS = /* GraphQL */ `
  query RunStateLogs($stackId: ID!, $runId: ID!, $state: RunState!, $token: String, $stateVersion: Int) {
    stack(id: $stackId) {
      run(id: $runId) {
        logs(state: $state, token: $token, stateVersion: $stateVersion) {
          exists finished hasMore nextToken
          messages { message timestamp }
        }
      }
    }
  }
`;

export const RUN_STACK = /* GraphQL */ `
  query RunStack($runId: ID!) {
    runStack(runId: $runId) { id name state }
  }
`;

export const SEARCH_STACKS = /* GraphQL */ `
  query SearchStacks($input: SearchInput!) {
    searchStacks(input: $input) {
      edges { cursor node { id name state space labels } }
      pageInfo { endCursor hasNextPage hasPreviousPage }
    }
  }
`;

export const SPACES_WITH_ACCESS = /* GraphQL */ `
  query SpacesWithAccess {
    spaces { id name description parentSpace inheritEntities labels accessLevel }
  }
`;

export const POLICIES_BY_TYPE = /* GraphQL */ `
  query PoliciesByType($input: SearchInput!) {
    searchPolicies(input: $input) {
      edges { node { id name type body labels space createdAt spaceDetails { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const LIST_POLICIES = /* GraphQL */ `
  query ListPolicies {
    policies { id name type labels space engineType updatedAt }
  }
`;

export const CONTEXTS_OF_SPACE = /* GraphQL */ `
  query ContextsOfSpace($input: SearchInput!) {
    searchContexts(input: $input) {
      edges {
        node {
          id name description labels space
          config { id type value writeOnly description checksum }
          attachedStacks { stackId stackName priority }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const CONTEXT_DETAILS = /* GraphQL */ `
  query ContextDetails($id: ID!) {
    context(id: $id) { id name space hasAttachedStacks config { id type value writeOnly } }
  }
`;

export const WORKER_POOLS = /* GraphQL */ `
  query WorkerPools {
    workerPools {
      id name description space labels workersCount busyWorkers pendingRuns
      workers { id busy drained }
    }
    publicWorkerPool { parallelism busyWorkers pendingRuns }
  }
`;

export const MODULES = /* GraphQL */ `
  query Modules {
    modules {
      id name terraformProvider repository namespace branch space labels
      current { id number state }
      spaceDetails { name }
    }
  }
`;

export const TRIGGER_RUN = /* GraphQL */ `
  mutation TriggerRun($stack: ID!, $runType: RunType) {
    runTrigger(stack: $stack, runType: $runType) { id type state triggeredBy delta { addCount changeCount deleteCount } }
  }
`;

export const CONFIRM_RUN = /* GraphQL */ `
  mutation ConfirmRun($stack: ID!, $run: ID, $note: String) {
    runConfirm(stack: $stack, run: $run, note: $note) { id state history { state username note } }
  }
`;

export const DISCARD_RUN = /* GraphQL */ `
  mutation DiscardRun($stack: ID!, $run: ID, $note: String) {
    runDiscard(stack: $stack, run: $run, note: $note) { id state history { state username note } }
  }
`;

export const ALL_OPERATIONS = {
  VIEWER,
  API_KEY_LOGIN,
  LIST_STACKS,
  STACK_DETAILS,
  STACK_LAST_RUNS,
  RUN_HISTORY,
  RUN_STATE_LOGS,
  RUN_STACK,
  SEARCH_STACKS,
  SPACES_WITH_ACCESS,
  POLICIES_BY_TYPE,
  LIST_POLICIES,
  CONTEXTS_OF_SPACE,
  CONTEXT_DETAILS,
  WORKER_POOLS,
  MODULES,
  TRIGGER_RUN,
  CONFIRM_RUN,
  DISCARD_RUN,
} as const;
