// Small helpers for tests that talk to the sandbox's GraphQL server without a port.

import { SANDBOX_API_KEYS, SESSION_COOKIE_NAME } from './auth';
import type { GraphQLServer } from './index';
import { API_KEY_LOGIN } from './operations';

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  data: TData | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as the `spacelift_session` cookie. */
  sessionCookie?: string;
  headers?: Record<string, string>;
}

export async function execute<TData = Record<string, any>>(
  server: Pick<GraphQLServer, 'yoga'>,
  query: string,
  options: RequestOptions = {},
): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.sessionCookie !== undefined) headers.cookie = `${SESSION_COOKIE_NAME}=${options.sessionCookie}`;
  const response = await server.yoga.fetch('http://sandbox/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLResponse['errors'] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** Exchanges one of the sandbox API keys for a JWT, as the extension does. */
export async function loginWithApiKey(server: Pick<GraphQLServer, 'yoga'>, who: keyof typeof SANDBOX_API_KEYS): Promise<{ jwt: string; validUntil: number }> {
  const key = SANDBOX_API_KEYS[who];
  const result = await execute<{ apiKeyUser: { jwt: string; validUntil: number } }>(server, API_KEY_LOGIN, {
    variables: { id: key.id, secret: key.secret },
  });
  if (!result.data?.apiKeyUser) throw new Error(`login as ${who} failed: ${JSON.stringify(result.errors)}`);
  return result.data.apiKeyUser;
}
