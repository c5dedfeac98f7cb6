import type { SpaceliftClient } from '../spacelift/graphql-client';
import type { SpaceScope } from '../settings/model-integrations';

export interface AccessibleSpace {
  id: string;
  name: string;
  parentSpace: string | null;
  accessLevel: 'READ' | 'WRITE' | 'ADMIN' | null;
}

/** What the user's Spacelift identity can reach on one account, or why we do not know. */
export type SpaceAccess = { known: true; spaces: AccessibleSpace[] } | { known: false; reason: string };

export const SPACES_QUERY = 'query InfraAssistantSpaces { spaces { id name parentSpace accessLevel } }';

/** The spaces the user's own Spacelift identity can access (the `spaces` query answers only those). */
export async function fetchAccessibleSpaces(client: Pick<SpaceliftClient, 'request'>): Promise<SpaceAccess> {
  try {
    const response = await client.request<{ spaces: AccessibleSpace[] | null }>(SPACES_QUERY, undefined, 'InfraAssistantSpaces');
    if (!response.data?.spaces) return { known: false, reason: response.errors?.[0]?.message ?? 'Spacelift returned no spaces.' };
    return { known: true, spaces: response.data.spaces };
  } catch (error) {
    return { known: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A scoped integration is for the people who can access one of its spaces:
 * it is listed only on its own Spacelift account, and only when the user's
 * identity there reaches at least one of them. When access is unknown
 * (not signed in, Spacelift unreachable) it is not listed: fail closed.
 * An integration without a scope is for everyone.
 */
export function isIntegrationAvailable(scope: SpaceScope | undefined, account: string, access: SpaceAccess | undefined): boolean {
  if (!scope) return true;
  if (scope.account !== account || !access?.known) return false;
  const reachable = new Set(access.spaces.map((s) => s.id));
  return scope.spaceIds.some((id) => reachable.has(id));
}

/** A Spacelift admin of the account: ADMIN on its root space (which administers everything below). */
export function isAccountAdmin(access: SpaceAccess): boolean {
  return access.known && access.spaces.some((s) => s.parentSpace === null && s.accessLevel === 'ADMIN');
}

/** Space access per account, fetched at most once per `ttlMs` (the panel asks on every open). */
export class SpaceAccessCache {
  private readonly entries = new Map<string, { at: number; access: Promise<SpaceAccess> }>();

  constructor(
    private readonly fetchFor: (account: string) => Promise<SpaceAccess>,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(account: string): Promise<SpaceAccess> {
    const entry = this.entries.get(account);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.access;
    const access = this.fetchFor(account);
    this.entries.set(account, { at: this.now(), access });
    // An unknown answer is not kept: the next ask tries again (the user may have just signed in).
    void access.then((a) => {
      if (!a.known && this.entries.get(account)?.access === access) this.entries.delete(account);
    });
    return access;
  }

  forget(account?: string): void {
    if (account) this.entries.delete(account);
    else this.entries.clear();
  }
}
