import { describe, expect, it } from 'vitest';
import { createGraphQLServer, mintToken, SANDBOX_API_KEYS } from '../../tests/sandbox/graphql/index';
import { SpaceliftClient, SpaceliftError } from './graphql-client';
import type { CachedToken, SpaceliftCredential } from './credentials';

const ORIGIN = 'http://sandbox';
const STACKS = 'query Stacks { stacks { id } }';

/** A client wired to the real sandbox GraphQL server, with a clock both sides share. */
function setup(credential: SpaceliftCredential | undefined, options: { ttl?: number } = {}) {
  let nowSeconds = 1_800_000_000;
  const server = createGraphQLServer({ tokenTtlSeconds: options.ttl ?? 3600, now: () => nowSeconds });
  const tokens = new Map<string, CachedToken>();
  const client = new SpaceliftClient({
    origin: ORIGIN,
    credential: async () => credential,
    tokens: {
      get: async (o) => tokens.get(o),
      set: async (o, t) => void tokens.set(o, t),
      clear: async (o) => void tokens.delete(o),
    },
    fetch: async (url, init) => server.yoga.fetch(String(url), init as RequestInit),
    now: () => nowSeconds * 1000,
  });
  const exchanges = () => server.requests.filter((r) => r.operationName === 'ApiKeyUser').length;
  return { server, client, tokens, exchanges, advance: (s: number) => (nowSeconds += s) };
}

const adminKey: SpaceliftCredential = { kind: 'api-key', keyId: SANDBOX_API_KEYS.admin.id, keySecret: SANDBOX_API_KEYS.admin.secret };

describe('SpaceliftClient', () => {
  it('exchanges an API key once and reuses the JWT until shortly before validUntil', async () => {
    const { client, exchanges, advance } = setup(adminKey, { ttl: 3600 });
    const first = await client.request<{ stacks: { id: string }[] }>(STACKS);
    expect(first.data?.stacks.length).toBeGreaterThan(10);
    await client.request(STACKS);
    expect(exchanges()).toBe(1);
    advance(3600 - 60); // inside the refresh margin
    await client.request(STACKS);
    expect(exchanges()).toBe(2);
  });

  it('re-exchanges once when the server says the token expired, then succeeds', async () => {
    const { client, tokens, exchanges } = setup(adminKey);
    await client.request(STACKS);
    // The cached JWT is replaced by one the server sees as expired (revoked or clock skew).
    const stale = await mintToken('ada.admin', { ttlSeconds: -10, now: () => 1_800_000_000 });
    tokens.set(ORIGIN, { jwt: stale.jwt, validUntil: 1_900_000_000 });
    const result = await client.request<{ stacks: unknown[] }>(STACKS);
    expect(result.data?.stacks.length).toBeGreaterThan(0);
    expect(exchanges()).toBe(2);
  });

  it('sees only what the key\'s user may see', async () => {
    const reader: SpaceliftCredential = { kind: 'api-key', keyId: SANDBOX_API_KEYS.reader.id, keySecret: SANDBOX_API_KEYS.reader.secret };
    const { client } = setup(reader);
    const stacks = (await client.request<{ stacks: { id: string }[] }>(STACKS)).data!.stacks.map((s) => s.id);
    expect(stacks).toContain('prod-network');
    expect(stacks).not.toContain('dev-app');
  });

  it('says clearly when the key is wrong, without echoing the secret', async () => {
    const { client } = setup({ kind: 'api-key', keyId: SANDBOX_API_KEYS.admin.id, keySecret: 'wrong-secret-value' });
    const error = await client.request(STACKS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpaceliftError);
    expect((error as SpaceliftError).code).toBe('invalid-credentials');
    expect((error as SpaceliftError).message).toMatch(/refused the API key .* Check the key id and secret/);
    expect((error as SpaceliftError).message).not.toContain('wrong-secret-value');
  });

  it('with no credential, falls back to the session and explains what to set up when that fails', async () => {
    const { client } = setup(undefined);
    const error = (await client.request(STACKS).catch((e: unknown) => e)) as SpaceliftError;
    expect(error.code).toBe('no-credentials');
    expect(error.message).toMatch(/Add an API key/);
  });

  it('reports a rejected token as such', async () => {
    const { client } = setup({ kind: 'token', token: 'aaa.bbb.ccc' });
    const error = (await client.request(STACKS).catch((e: unknown) => e)) as SpaceliftError;
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/token/);
  });

  it('reports an unreachable endpoint', async () => {
    const client = new SpaceliftClient({
      origin: 'http://127.0.0.1:9',
      credential: async () => undefined,
      tokens: { get: async () => undefined, set: async () => undefined, clear: async () => undefined },
      timeoutMs: 2_000,
    });
    const error = (await client.request(STACKS).catch((e: unknown) => e)) as SpaceliftError;
    expect(['unreachable', 'timeout']).toContain(error.code);
    expect(error.message).toMatch(/127\.0\.0\.1:9/);
  });
});
