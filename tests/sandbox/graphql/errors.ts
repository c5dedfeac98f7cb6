// GraphQL errors the sandbox answers with. They are built with graphql-yoga's own helper so that
// they are instances of the GraphQLError class yoga checks: under vitest, `graphql` can be loaded
// twice (ESM for our sources, CJS for yoga) and errors from the other copy would be masked as
// "Unexpected error.".

import { createGraphQLError } from 'graphql-yoga';

export type SandboxErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_REQUEST';

export function sandboxError(message: string, code: SandboxErrorCode = 'BAD_REQUEST') {
  return createGraphQLError(message, { extensions: { code } });
}

/** Missing, bad or expired credentials; the message tells a client whether to refresh. */
export function unauthenticatedError(reason: 'expired' | 'other') {
  return sandboxError(reason === 'expired' ? 'token expired' : 'unauthorized', 'UNAUTHENTICATED');
}

export const invalidApiKeyError = () => sandboxError('invalid API key', 'UNAUTHENTICATED');
export const forbiddenError = (what: string) => sandboxError(`forbidden: ${what}`, 'FORBIDDEN');
export const notFoundError = (what: string) => sandboxError(`${what} not found`, 'NOT_FOUND');
