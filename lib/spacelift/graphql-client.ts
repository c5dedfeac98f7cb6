import { redactSecrets } from '../agent/errors';
import type { CachedToken, SpaceliftCredential } from './credentials';

export interface GraphQLErrorLike {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T = unknown> {
  data?: T | null;
  errors?: GraphQLErrorLike[];
}

export type SpaceliftErrorCode = 'no-credentials' | 'invalid-credentials' | 'unauthorized' | 'unreachable' | 'timeout' | 'http';

/** A failure talking to Spacelift, phrased for the user (the model relays it and the tool card shows it). */
export class SpaceliftError extends Error {
  constructor(
    readonly code: SpaceliftErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SpaceliftError';
  }
}

export interface SpaceliftClientDeps {
  /** The account's origin, e.g. https://acme.app.spacelift.io; the API is at /graphql. */
  origin: string;
  credential: () => Promise<SpaceliftCredential | undefined>;
  tokens: {
    get(origin: string): Promise<CachedToken | undefined>;
    set(origin: string, token: CachedToken): Promise<void>;
    clear(origin: string): Promise<void>;
  };
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

/** Re-exchange this long before validUntil, as Spacelift's own clients do. */
const REFRESH_MARGIN_S = 120;

const API_KEY_USER = 'mutation ApiKeyUser($id: ID!, $secret: String!) { apiKeyUser(id: $id, secret: $secret) { jwt validUntil } }';

/**
 * GraphQL over the user's own Spacelift rights: an API key exchanged for a JWT
 * (refreshed before it expires and once more on an authentication error), a
 * pasted token, or, with neither, the browser's own Spacelift session if the
 * account accepts its cookie.
 */
export class SpaceliftClient {
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly deps: SpaceliftClientDeps) {
    this.fetchImpl = deps.fetch ?? ((...args) => fetch(...args));
    this.now = deps.now ?? Date.now;
  }

  get endpoint(): string {
    return `${this.deps.origin}/graphql`;
  }

  async request<T = unknown>(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResponse<T>> {
    const credential = await this.deps.credential();
    const first = await this.send<T>(query, variables, operationName, await this.bearer(credential));
    if (!isAuthFailure(first)) return first.body;
    if (credential?.kind === 'api-key') {
      // The JWT may have been revoked or expired early: exchange once more and retry once.
      await this.deps.tokens.clear(this.deps.origin);
      const retry = await this.send<T>(query, variables, operationName, await this.bearer(credential));
      if (!isAuthFailure(retry)) return retry.body;
    }
    throw this.authError(credential);
  }

  private async bearer(credential: SpaceliftCredential | undefined): Promise<string | undefined> {
    if (!credential) return undefined;
    if (credential.kind === 'token') return credential.token;
    const cached = await this.deps.tokens.get(this.deps.origin);
    if (cached && cached.validUntil - REFRESH_MARGIN_S > this.now() / 1000) return cached.jwt;
    const exchanged = await this.send<{ apiKeyUser: CachedToken | null }>(
      API_KEY_USER,
      { id: credential.keyId, secret: credential.keySecret },
      'ApiKeyUser',
      undefined,
      false,
    );
    const token = exchanged.body.data?.apiKeyUser;
    if (!token?.jwt) {
      throw new SpaceliftError(
        'invalid-credentials',
        `Spacelift refused the API key ${credential.keyId} for ${this.deps.origin}. Check the key id and secret in the extension settings.`,
      );
    }
    await this.deps.tokens.set(this.deps.origin, { jwt: token.jwt, validUntil: token.validUntil });
    return token.jwt;
  }

  private async send<T>(
    query: string,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
    bearer: string | undefined,
    withSession = true,
  ): Promise<{ status: number; body: GraphQLResponse<T> }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'Spacelift-Client-Type': 'infra-assistant' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (operationName) headers['Spacelift-GraphQL-Query'] = operationName;
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables, operationName }),
        // No credential stored: try the browser's own Spacelift session cookie.
        credentials: !bearer && withSession ? 'include' : 'omit',
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 30_000),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new SpaceliftError(
        timedOut ? 'timeout' : 'unreachable',
        timedOut
          ? `Spacelift at ${this.deps.origin} did not answer within ${(this.deps.timeoutMs ?? 30_000) / 1000} s.`
          : `Could not reach Spacelift at ${this.endpoint} (${redactSecrets(String(error), bearer ? [bearer] : [])}).`,
      );
    }
    const text = await response.text();
    let body: GraphQLResponse<T>;
    try {
      body = JSON.parse(text) as GraphQLResponse<T>;
    } catch {
      if (response.status === 401 || response.status === 403) return { status: response.status, body: { errors: [{ message: 'unauthorized' }] } };
      throw new SpaceliftError('http', `Spacelift answered HTTP ${response.status} without a GraphQL body.`);
    }
    return { status: response.status, body };
  }

  private authError(credential: SpaceliftCredential | undefined): SpaceliftError {
    if (!credential) {
      return new SpaceliftError(
        'no-credentials',
        `Not signed in to Spacelift at ${this.deps.origin}: the browser session was not accepted for API calls. Add an API key (id and secret) or a token for this account in the extension settings.`,
      );
    }
    return credential.kind === 'token'
      ? new SpaceliftError('unauthorized', `Spacelift rejected the saved token for ${this.deps.origin} (expired or revoked). Paste a new token or use an API key in the extension settings.`)
      : new SpaceliftError('unauthorized', `Spacelift rejected the API key ${credential.keyId} for ${this.deps.origin}. Check that the key still exists and has access.`);
  }
}

export function isAuthFailure(result: { status: number; body: GraphQLResponse }): boolean {
  if (result.status === 401 || result.status === 403) return true;
  return (result.body.errors ?? []).some(
    (e) => e.extensions?.code === 'UNAUTHENTICATED' || /^(unauthori[sz]ed|token expired|unauthenticated)\b/i.test(e.message),
  );
}
