import { describe, expect, it } from 'vitest';
import { createGraphQLServer, SANDBOX_API_KEYS } from '../../tests/sandbox/graphql/index';
import { SEED_SPACE_IDS } from '../../tests/sandbox/graphql/seed';
import { SpaceliftClient } from '../spacelift/graphql-client';
import type { CachedToken, SpaceliftCredential } from '../spacelift/credentials';
import { fetchAccessibleSpaces, isAccountAdmin, isIntegrationAvailable, SpaceAccessCache, type SpaceAccess } from './scoping';

const ACCOUNT = 'http://sandbox';

/** A Spacelift client signed in as one of the sandbox's users, against the real sandbox GraphQL server. */
function clientAs(who: keyof typeof SANDBOX_API_KEYS | 'nobody') {
  const server = createGraphQLServer();
  const credential: SpaceliftCredential | undefined =
    who === 'nobody' ? undefined : { kind: 'api-key', keyId: SANDBOX_API_KEYS[who].id, keySecret: SANDBOX_API_KEYS[who].secret };
  const tokens = new Map<string, CachedToken>();
  return new SpaceliftClient({
    origin: ACCOUNT,
    credential: async () => credential,
    tokens: { get: async (o) => tokens.get(o), set: async (o, t) => void tokens.set(o, t), clear: async (o) => void tokens.delete(o) },
    fetch: async (url, init) => server.yoga.fetch(String(url), init as RequestInit),
  });
}

const scope = (...spaceIds: string[]) => ({ account: ACCOUNT, spaceIds });

describe('integrations scoped to Spacelift spaces', () => {
  it('reads the spaces the identity can access from the `spaces` query', async () => {
    const reader = await fetchAccessibleSpaces(clientAs('reader'));
    expect(reader.known && reader.spaces.map((s) => s.id).sort()).toEqual([SEED_SPACE_IDS.networking, SEED_SPACE_IDS.platform].sort());
    const admin = await fetchAccessibleSpaces(clientAs('admin'));
    expect(admin.known && admin.spaces.length).toBe(4);
    expect(isAccountAdmin(admin)).toBe(true);
    expect(isAccountAdmin(reader)).toBe(false);
    expect(isAccountAdmin(await fetchAccessibleSpaces(clientAs('writer')))).toBe(false);
    const nobody = await fetchAccessibleSpaces(clientAs('nobody'));
    expect(nobody.known).toBe(false);
  });

  it('lists a scoped integration only for identities that reach one of its spaces, on its own account', async () => {
    const reader = await fetchAccessibleSpaces(clientAs('reader'));
    const writer = await fetchAccessibleSpaces(clientAs('writer'));
    const platformOnly = scope(SEED_SPACE_IDS.platform);
    expect(isIntegrationAvailable(platformOnly, ACCOUNT, reader)).toBe(true);
    expect(isIntegrationAvailable(platformOnly, ACCOUNT, writer)).toBe(false);
    expect(isIntegrationAvailable(scope('no-such-space', SEED_SPACE_IDS.dev), ACCOUNT, writer)).toBe(true);
    // Another account's panel never lists it, even with the same space ids.
    expect(isIntegrationAvailable(platformOnly, 'https://other.app.spacelift.io', reader)).toBe(false);
    // Access unknown (not signed in, Spacelift down): fail closed.
    expect(isIntegrationAvailable(platformOnly, ACCOUNT, { known: false, reason: 'not signed in' })).toBe(false);
    expect(isIntegrationAvailable(platformOnly, ACCOUNT, undefined)).toBe(false);
    // Unscoped: everyone.
    expect(isIntegrationAvailable(undefined, ACCOUNT, undefined)).toBe(true);
  });

  it('asks Spacelift at most once a minute per account, and again at once after a failure', async () => {
    let now = 0;
    let asked = 0;
    let answer: SpaceAccess = { known: false, reason: 'down' };
    const cache = new SpaceAccessCache(async () => (asked++, answer), 60_000, () => now);
    expect((await cache.get(ACCOUNT)).known).toBe(false);
    answer = { known: true, spaces: [] };
    await Promise.resolve();
    expect((await cache.get(ACCOUNT)).known).toBe(true);
    await cache.get(ACCOUNT);
    expect(asked).toBe(2);
    now += 60_000;
    await cache.get(ACCOUNT);
    expect(asked).toBe(3);
  });
});
