// The questions a user asks the assistant, as GraphQL operations against the sandbox: each one
// returns the seeded data a real Spacelift account would.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLServer, SEED_RUN_IDS, SEED_SPACE_IDS, type GraphQLServer } from './index';
import {
  CONTEXTS_OF_SPACE,
  LIST_STACKS,
  MODULES,
  POLICIES_BY_TYPE,
  RUN_HISTORY,
  RUN_STACK,
  RUN_STATE_LOGS,
  SEARCH_STACKS,
  SPACES_WITH_ACCESS,
  STACK_DETAILS,
  STACK_LAST_RUNS,
  WORKER_POOLS,
} from './operations';
import { execute, loginWithApiKey } from './testing';

let server: GraphQLServer;
let adminToken: string;

beforeAll(async () => {
  server = createGraphQLServer();
  adminToken = (await loginWithApiKey(server, 'admin')).jwt;
});

async function asAdmin<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) {
  const result = await execute<T>(server, query, { token: adminToken, variables });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

interface LogsPage {
  exists: boolean;
  finished: boolean;
  hasMore: boolean;
  nextToken: string | null;
  messages: { message: string; timestamp: number }[];
}

/** Reads one state's logs the way spacectl does: follow nextToken while hasMore. */
async function readStateLogs(stackId: string, runId: string, state: string, stateVersion?: number) {
  const pages: LogsPage[] = [];
  let token: string | null = null;
  do {
    const data: { stack: { run: { logs: LogsPage } } } = await asAdmin(RUN_STATE_LOGS, { stackId, runId, state, stateVersion, token });
    pages.push(data.stack.run.logs);
    token = data.stack.run.logs.hasMore ? data.stack.run.logs.nextToken : null;
  } while (token);
  return { pages, text: pages.flatMap((page) => page.messages.map((message) => message.message)).join('') };
}

describe('what the assistant can ask the sandbox', () => {
  it('lists stacks with their states', async () => {
    const { stacks } = await asAdmin<{ stacks: { id: string; state: string; spaceDetails: { name: string } }[] }>(LIST_STACKS);
    const stateOf = Object.fromEntries(stacks.map((stack) => [stack.id, stack.state]));
    expect(stacks.length).toBeGreaterThanOrEqual(12);
    expect(stateOf).toMatchObject({
      'prod-eks': 'FAILED',
      'prod-app': 'UNCONFIRMED',
      'staging-app': 'APPLYING',
      'prod-monitoring': 'PLANNING',
      'prod-network': 'FINISHED',
      'dev-preview-envs': 'DISCARDED',
      'dev-lambda-playground': 'NONE',
    });
  });

  it('shows a stack with its wiring', async () => {
    const { stack } = await asAdmin(STACK_DETAILS, { id: 'prod-eks' });
    expect(stack).toMatchObject({
      id: 'prod-eks',
      space: SEED_SPACE_IDS.platform,
      terraformVersion: '1.5.7',
      vendorConfig: { __typename: 'StackConfigVendorTerraform', version: '1.5.7' },
      workerPool: { name: 'prod-private-workers' },
      dependsOn: [{ dependsOnStack: { id: 'prod-network', state: 'FINISHED' }, referenceCount: 2 }],
      isDependedOnBy: [{ stack: { id: 'prod-app' } }],
      moduleVersionsUsed: [{ number: '3.4.0', module: { id: 'terraform-aws-eks-cluster' } }],
    });
    expect(stack.attachedPolicies.map((policy: { policyType: string }) => policy.policyType)).toEqual(expect.arrayContaining(['PLAN', 'APPROVAL', 'GIT_PUSH']));
    expect(stack.outputs).toContainEqual({ id: 'cluster_ca_certificate', value: null, sensitive: true });
    const secret = stack.attachedContexts.flatMap((context: { config: object[] }) => context.config).find((element: { id: string }) => element.id === 'TF_VAR_db_password');
    expect(secret).toEqual({ id: 'TF_VAR_db_password', value: null, writeOnly: true });
    const locked = (await asAdmin(STACK_DETAILS, { id: 'prod-dns' })).stack;
    expect(locked.lockedBy).toBe('ada.admin');
  });

  it("shows a stack's last runs, newest first, without tasks or proposed runs", async () => {
    const { stack } = await asAdmin(STACK_LAST_RUNS, { stackId: 'prod-eks' });
    const runs = stack.runs as { id: string; state: string; type: string; createdAt: number; isMostRecent: boolean }[];
    expect(runs[0]).toMatchObject({ id: SEED_RUN_IDS.prodEksAccessDenied, state: 'FAILED', isMostRecent: true });
    expect(runs.every((run) => run.type === 'TRACKED')).toBe(true);
    expect(runs.map((run) => run.createdAt)).toEqual([...runs.map((run) => run.createdAt)].sort((a, b) => b - a));
    const older = await asAdmin(STACK_LAST_RUNS, { stackId: 'prod-eks', before: runs[0]!.id });
    expect(older.stack.runs[0].id).toBe(runs[1]!.id);
  });

  it("explains a failed run from its history and logs", async () => {
    const { stack } = await asAdmin(RUN_HISTORY, { stackId: 'prod-eks', runId: SEED_RUN_IDS.prodEksAccessDenied });
    const history = stack.run.history as { state: string; stateVersion: number; hasLogs: boolean; terminal: boolean }[];
    expect(history.map((transition) => transition.state)).toEqual(['FAILED', 'PLANNING', 'INITIALIZING', 'PREPARING', 'READY', 'QUEUED']);
    expect(history[0]!.terminal).toBe(true);
    const planning = history.find((transition) => transition.state === 'PLANNING')!;
    expect(planning.hasLogs).toBe(true);
    const { pages, text } = await readStateLogs('prod-eks', SEED_RUN_IDS.prodEksAccessDenied, 'PLANNING', planning.stateVersion);
    expect(text).toContain('AccessDeniedException');
    expect(text).toContain('eks:DescribeNodegroup');
    expect(pages[pages.length - 1]!.finished).toBe(true);

    const devApp = await readStateLogs('dev-app', SEED_RUN_IDS.devAppMissingVariable, 'PLANNING');
    expect(devApp.text).toContain('No value for required variable');
  });

  it('pages through a long plan log of an unconfirmed run', async () => {
    const { stack } = await asAdmin(STACK_LAST_RUNS, { stackId: 'prod-app' });
    expect(stack.runs[0]).toMatchObject({ id: SEED_RUN_IDS.prodAppUnconfirmed, state: 'UNCONFIRMED', delta: { addCount: 2, changeCount: 1, deleteCount: 0 } });
    const { pages, text } = await readStateLogs('prod-app', SEED_RUN_IDS.prodAppUnconfirmed, 'PLANNING');
    expect(pages.length).toBeGreaterThan(1);
    expect(text).toContain('Plan: 2 to add, 1 to change, 0 to destroy.');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps the logs of a state in progress open', async () => {
    const { pages } = await readStateLogs('staging-app', SEED_RUN_IDS.stagingAppApplying, 'APPLYING');
    const last = pages[pages.length - 1]!;
    expect(last).toMatchObject({ exists: true, finished: false, hasMore: false });
    expect(last.nextToken).not.toBeNull();
  });

  it('finds the stack of a run', async () => {
    const { runStack } = await asAdmin(RUN_STACK, { runId: SEED_RUN_IDS.devAppMissingVariable });
    expect(runStack).toEqual({ id: 'dev-app', name: 'dev-app', state: 'FAILED' });
  });

  it('searches stacks page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { searchStacks }: { searchStacks: any } = await asAdmin(SEARCH_STACKS, { input: { first: 4, after } });
      seen.push(...searchStacks.edges.map((edge: { node: { id: string } }) => edge.node.id));
      expect(searchStacks.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!searchStacks.pageInfo.hasNextPage) break;
      after = searchStacks.pageInfo.endCursor;
    }
    const { stacks } = await asAdmin<{ stacks: { id: string }[] }>(LIST_STACKS);
    expect(seen).toEqual(stacks.map((stack) => stack.id));

    const prodFailures = await asAdmin(SEARCH_STACKS, {
      input: {
        predicates: [
          { field: 'label', constraint: { stringMatches: ['env:prod'] } },
          { field: 'state', constraint: { enumEquals: ['FAILED'] } },
        ],
      },
    });
    expect(prodFailures.searchStacks.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(['prod-eks']);
    const eks = await asAdmin(SEARCH_STACKS, { input: { fullTextSearch: 'eks', orderBy: { field: 'name', direction: 'DESC' } } });
    expect(eks.searchStacks.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(['staging-eks', 'prod-eks', 'prod-app']);
  });

  it('lists spaces with access levels', async () => {
    const { spaces } = await asAdmin(SPACES_WITH_ACCESS);
    expect(spaces.map((space: { name: string }) => space.name)).toEqual(['root', 'dev', 'platform', 'networking']);
    expect(spaces.every((space: { accessLevel: string }) => space.accessLevel === 'ADMIN')).toBe(true);
    expect(spaces.find((space: { name: string }) => space.name === 'networking').parentSpace).toBe(SEED_SPACE_IDS.platform);
  });

  it('finds policies by type', async () => {
    const { searchPolicies } = await asAdmin(POLICIES_BY_TYPE, { input: { predicates: [{ field: 'type', constraint: { enumEquals: ['PLAN'] } }] } });
    const plans = searchPolicies.edges.map((edge: { node: { id: string; type: string; body: string } }) => edge.node);
    expect(plans.map((policy: { id: string }) => policy.id)).toEqual(['dev-cost-warning', 'prod-plan-guardrails']);
    expect(plans.every((policy: { body: string }) => policy.body.startsWith('package spacelift'))).toBe(true);
  });

  it("lists a space's contexts without revealing secrets", async () => {
    const { searchContexts } = await asAdmin(CONTEXTS_OF_SPACE, {
      input: { predicates: [{ field: 'space', constraint: { stringMatches: [SEED_SPACE_IDS.platform] } }] },
    });
    const contexts = searchContexts.edges.map((edge: { node: unknown }) => edge.node) as {
      id: string;
      config: { id: string; value: string | null; writeOnly: boolean }[];
      attachedStacks: { stackId: string }[];
    }[];
    expect(contexts.map((context) => context.id)).toEqual(['prod-aws', 'staging-aws']);
    const prod = contexts[0]!;
    expect(prod.config).toContainEqual(expect.objectContaining({ id: 'TF_VAR_environment', value: 'prod', writeOnly: false }));
    expect(prod.config).toContainEqual(expect.objectContaining({ id: 'TF_VAR_db_password', value: null, writeOnly: true }));
    expect(prod.attachedStacks.map((attachment) => attachment.stackId)).toContain('prod-eks');
  });

  it('lists worker pools and modules', async () => {
    const { workerPools, publicWorkerPool } = await asAdmin(WORKER_POOLS);
    expect(workerPools.map((pool: { name: string }) => pool.name)).toEqual(['dev-workers', 'prod-private-workers']);
    expect(workerPools[1]).toMatchObject({ workersCount: 3, busyWorkers: 2 });
    expect(publicWorkerPool.parallelism).toBeGreaterThan(0);

    const { modules } = await asAdmin(MODULES);
    expect(modules.length).toBeGreaterThanOrEqual(3);
    expect(modules.find((module: { id: string }) => module.id === 'terraform-aws-vpc').current.number).toBe('5.1.2');
    expect(modules.find((module: { id: string }) => module.id === 'terraform-aws-eks-cluster').current.number).toBe('3.4.0');
  });
});

describe('the GraphQL server as infrastructure', () => {
  it('logs every received operation with its caller', async () => {
    const local = createGraphQLServer();
    const { jwt } = await loginWithApiKey(local, 'reader');
    await execute(local, LIST_STACKS, { token: jwt });
    expect(local.requests.map((request) => [request.operationName, request.userId])).toEqual([
      ['ApiKeyLogin', null],
      ['ListStacks', 'rita.reader'],
    ]);
    expect(local.requests[1]!.query).toContain('query ListStacks');
  });

  it('allows cross-origin calls with credentials', async () => {
    const response = await server.yoga.fetch('http://sandbox/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abcdefghijklmnop',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('works as a node:http request listener', async () => {
    const http = createServer(server.yoga);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = http.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: 'query Who { viewer { id } }', operationName: 'Who' }),
      });
      expect(await response.json()).toEqual({ data: { viewer: { id: 'ada.admin' } } });
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
