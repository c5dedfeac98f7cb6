// Credentials (API key exchange, Bearer JWT, session cookie, expiry) and per-space visibility.

import { describe, expect, it } from 'vitest';
import { mintSessionToken, SANDBOX_API_KEYS } from './auth';
import { createGraphQLServer, SEED_RUN_IDS, SEED_SPACE_IDS } from './index';
import { API_KEY_LOGIN, CONTEXT_DETAILS, LIST_STACKS, RUN_STACK, SPACES_WITH_ACCESS, STACK_DETAILS, VIEWER } from './operations';
import { execute, loginWithApiKey } from './testing';

const PLATFORM_STACKS = ['prod-app', 'prod-dns', 'prod-eks', 'prod-monitoring', 'prod-network', 'prod-rds', 'staging-app', 'staging-eks', 'staging-network'];
const DEV_STACKS = ['dev-app', 'dev-lambda-playground', 'dev-preview-envs', 'dev-sandbox'];

const stackIds = (data: Record<string, any> | null | undefined) => data?.stacks.map((stack: { id: string }) => stack.id);

describe('authentication', () => {
  it('exchanges an API key for a JWT that authorizes later requests', async () => {
    const clock = { now: 1_800_000_000 };
    const server = createGraphQLServer({ now: () => clock.now, tokenTtlSeconds: 600 });
    const login = await loginWithApiKey(server, 'writer');
    expect(login.validUntil).toBe(clock.now + 600);
    expect(login.jwt.split('.')).toHaveLength(3);
    const result = await execute(server, VIEWER, { token: login.jwt });
    expect(result.data).toEqual({ viewer: { id: 'walt.writer', login: 'walt.writer', name: 'Walt Writer' } });
  });

  it('rejects a wrong API key secret or id', async () => {
    const server = createGraphQLServer();
    for (const variables of [
      { id: SANDBOX_API_KEYS.admin.id, secret: 'wrong' },
      { id: '01ZZZZZZZZZZZZZZZZZZZZZZZZ', secret: SANDBOX_API_KEYS.admin.secret },
    ]) {
      const result = await execute(server, API_KEY_LOGIN, { variables });
      expect(result.data?.apiKeyUser).toBeNull();
      expect(result.errors?.[0]?.message).toBe('invalid API key');
    }
  });

  it('answers "unauthorized" without a token or with a bad one', async () => {
    const server = createGraphQLServer();
    const [header, payload, signature] = (await mintSessionToken('ada.admin')).split('.') as [string, string, string];
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const attempts = [{}, { token: 'not-a-jwt' }, { token: forged }, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }, { token: await mintSessionToken('nobody') }];
    for (const options of attempts) {
      const result = await execute(server, LIST_STACKS, options);
      expect(result.status).toBe(200);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ message: 'unauthorized', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('answers "token expired" once validUntil has passed, so the client can re-exchange its key', async () => {
    const clock = { now: 1_800_000_000 };
    const server = createGraphQLServer({ now: () => clock.now, tokenTtlSeconds: 60 });
    const { jwt, validUntil } = await loginWithApiKey(server, 'admin');
    expect((await execute(server, VIEWER, { token: jwt })).errors).toBeUndefined();
    clock.now = validUntil + 1;
    const expired = await execute(server, VIEWER, { token: jwt });
    expect(expired.errors?.[0]).toMatchObject({ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } });
    const fresh = await loginWithApiKey(server, 'admin');
    expect((await execute(server, VIEWER, { token: fresh.jwt })).data).toMatchObject({ viewer: { id: 'ada.admin' } });
  });

  it('accepts the web app session cookie', async () => {
    const server = createGraphQLServer();
    const result = await execute(server, VIEWER, {
      headers: { cookie: `theme=dark; spacelift_session=${await mintSessionToken()}; other=1` },
    });
    expect(result.data).toMatchObject({ viewer: { id: 'ada.admin' } });
    expect(server.requests.at(-1)?.userId).toBe('ada.admin');
  });

  it('prefers the Bearer token over the session cookie', async () => {
    const server = createGraphQLServer();
    const { jwt } = await loginWithApiKey(server, 'reader');
    const result = await execute(server, VIEWER, { token: jwt, sessionCookie: await mintSessionToken() });
    expect(result.data).toMatchObject({ viewer: { id: 'rita.reader' } });
  });
});

describe('visibility by space', () => {
  it('shows the admin everything, with ADMIN access everywhere', async () => {
    const server = createGraphQLServer();
    const { jwt } = await loginWithApiKey(server, 'admin');
    const stacks = await execute(server, LIST_STACKS, { token: jwt });
    expect(stackIds(stacks.data)).toEqual(expect.arrayContaining([...PLATFORM_STACKS, ...DEV_STACKS, 'spacelift-admin', 'account-baseline']));
  });

  it("limits the reader to platform and the spaces below it", async () => {
    const server = createGraphQLServer();
    const { jwt } = await loginWithApiKey(server, 'reader');
    expect(stackIds((await execute(server, LIST_STACKS, { token: jwt })).data)).toEqual(PLATFORM_STACKS);

    const spaces = await execute(server, SPACES_WITH_ACCESS, { token: jwt });
    expect(spaces.data?.spaces.map((space: { id: string; accessLevel: string }) => [space.id, space.accessLevel])).toEqual([
      [SEED_SPACE_IDS.platform, 'READ'],
      [SEED_SPACE_IDS.networking, 'READ'],
    ]);

    expect((await execute(server, STACK_DETAILS, { token: jwt, variables: { id: 'dev-app' } })).data).toEqual({ stack: null });
    const readable = await execute(server, STACK_DETAILS, { token: jwt, variables: { id: 'prod-eks' } });
    expect(readable.data?.stack).toMatchObject({ id: 'prod-eks', canWrite: false });
    expect((await execute(server, RUN_STACK, { token: jwt, variables: { runId: SEED_RUN_IDS.devAppMissingVariable } })).data).toEqual({ runStack: null });
    expect((await execute(server, CONTEXT_DETAILS, { token: jwt, variables: { id: 'dev-defaults' } })).data).toEqual({ context: null });
  });

  it('limits the writer to dev, where they can write', async () => {
    const server = createGraphQLServer();
    const { jwt } = await loginWithApiKey(server, 'writer');
    expect(stackIds((await execute(server, LIST_STACKS, { token: jwt })).data)).toEqual(DEV_STACKS);
    const spaces = await execute(server, SPACES_WITH_ACCESS, { token: jwt });
    expect(spaces.data?.spaces).toEqual([expect.objectContaining({ id: SEED_SPACE_IDS.dev, accessLevel: 'WRITE' })]);
    expect((await execute(server, STACK_DETAILS, { token: jwt, variables: { id: 'prod-eks' } })).data).toEqual({ stack: null });
    const own = await execute(server, STACK_DETAILS, { token: jwt, variables: { id: 'dev-app' } });
    expect(own.data?.stack).toMatchObject({ canWrite: true });
  });
});
