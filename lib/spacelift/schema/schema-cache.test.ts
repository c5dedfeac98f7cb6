import { describe, expect, it } from 'vitest';
import { AssistantDatabase } from '../../db/database';
import { CacheStore } from '../../db/cache-store';
import { createGraphQLServer } from '../../../tests/sandbox/graphql/index';
import { SCHEMA_MAX_AGE_MS, schemaCacheKey, SchemaSource, SchemaUnavailableError, STALE_RETRY_MS, type IntrospectionClient } from './schema-cache';
import { sandboxClient } from './testing';

const ACCOUNT = 'https://acme.app.spacelift.io';
const HOUR = 60 * 60 * 1000;

/** A sandbox server, a clock shared by the source and the cache, and a fresh database. */
function setup() {
  const server = createGraphQLServer();
  const clock = { now: 1_700_000_000_000 };
  const now = () => clock.now;
  const cache = new CacheStore(new AssistantDatabase(`x-${Math.random()}`), now);
  const introspections = () => server.requests.filter((request) => request.operationName === 'IntrospectionQuery').length;
  const source = (client: IntrospectionClient = sandboxClient(server)) => new SchemaSource({ account: ACCOUNT, client, cache, now });
  return { server, clock, cache, introspections, source };
}

const failing = (message = 'network down'): IntrospectionClient => ({
  request: () => Promise.reject(new Error(message)),
});

describe('SchemaSource', () => {
  it('introspects once, stores the result and memoises the schema', async () => {
    const { cache, introspections, source } = setup();
    const schemas = source();
    const [first, concurrent] = await Promise.all([schemas.getSchema(), schemas.getSchema()]);
    expect(first.getQueryType()?.getFields().stacks).toBeDefined();
    expect(concurrent).toBe(first);
    expect(await schemas.getSchema()).toBe(first);
    expect(introspections()).toBe(1);
    expect((await cache.get<{ __schema: unknown }>(schemaCacheKey(ACCOUNT)))?.value.__schema).toBeDefined();
  });

  it('serves a second instance from the cache without asking the server', async () => {
    const { introspections, source } = setup();
    await source().getSchema();
    const schema = await source(failing()).getSchema();
    expect(schema.getType('Stack')).toBeDefined();
    expect(introspections()).toBe(1);
  });

  it('introspects again once the stored copy is older than a day', async () => {
    const { clock, introspections, source } = setup();
    const schemas = source();
    await schemas.getSchema();
    clock.now += SCHEMA_MAX_AGE_MS - HOUR;
    await source().getSchema();
    expect(introspections()).toBe(1);
    clock.now += 2 * HOUR;
    await schemas.getSchema(); // Even the memoised copy expires.
    expect(introspections()).toBe(2);
    await source().getSchema();
    expect(introspections()).toBe(2);
  });

  it('falls back to the stale copy when re-introspection fails, and retries later', async () => {
    const { clock, source } = setup();
    await source().getSchema();
    clock.now += SCHEMA_MAX_AGE_MS + HOUR;
    let calls = 0;
    const flaky = source({ request: () => (calls++, Promise.reject(new Error('offline'))) });
    expect((await flaky.getSchema()).getType('Run')).toBeDefined();
    await flaky.getSchema();
    expect(calls).toBe(1);
    clock.now += STALE_RETRY_MS + 1;
    await flaky.getSchema();
    expect(calls).toBe(2);
  });

  it('refresh() introspects even when the copy is fresh; a failed refresh keeps the copy in use', async () => {
    const { server, introspections, source } = setup();
    let fail = false;
    const live = sandboxClient(server);
    const schemas = source({ request: (query) => (fail ? Promise.reject(new Error('offline')) : live.request(query)) });
    const first = await schemas.getSchema();
    const refreshed = await schemas.refresh();
    expect(refreshed).not.toBe(first);
    expect(introspections()).toBe(2);
    fail = true;
    await expect(schemas.refresh()).rejects.toThrow('Could not read the GraphQL schema of https://acme.app.spacelift.io: offline');
    expect(await schemas.getSchema()).toBe(refreshed);
  });

  it('explains a failure when there is no stored copy', async () => {
    const { source } = setup();
    const error = await source(failing('fetch failed')).getSchema().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaUnavailableError);
    expect((error as Error).message).toBe('Could not read the GraphQL schema of https://acme.app.spacelift.io: fetch failed');
    const refused = source({ request: async () => ({ errors: [{ message: 'GraphQL introspection is not allowed' }] }) });
    await expect(refused.getSchema()).rejects.toThrow(': GraphQL introspection is not allowed');
    const empty = source({ request: async () => ({ data: { viewer: null } }) });
    await expect(empty.getSchema()).rejects.toThrow(': the answer has no __schema');
  });

  it('tries again after a failure instead of remembering it', async () => {
    const { server, source } = setup();
    let fail = true;
    const live = sandboxClient(server);
    const schemas = source({ request: (query) => (fail ? Promise.reject(new Error('offline')) : live.request(query)) });
    await expect(schemas.getSchema()).rejects.toThrow('offline');
    fail = false;
    expect((await schemas.getSchema()).getType('Stack')).toBeDefined();
  });

  it('re-introspects over an unreadable stored copy', async () => {
    const { cache, introspections, source } = setup();
    await cache.put(schemaCacheKey(ACCOUNT), { __schema: { types: [{ kind: 'NOPE' }] } });
    expect((await source().getSchema()).getType('Stack')).toBeDefined();
    expect(introspections()).toBe(1);
  });
});
