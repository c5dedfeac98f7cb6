// All resolvers, with every root field except `apiKeyUser` behind authentication.

import { viewerOf, type SandboxContext } from './context';
import { contextResolvers, moduleResolvers, policyResolvers, spaceResolvers, workerPoolResolvers } from './entities';
import { mutationResolvers } from './mutation';
import { queryResolvers } from './query';
import { runResolvers } from './run';
import { stackResolvers } from './stack';

/** Root fields callable without credentials (introspection fields never reach resolvers). */
const PUBLIC_ROOT_FIELDS = new Set(['apiKeyUser']);

type Resolver = (parent: unknown, args: never, context: SandboxContext, info: unknown) => unknown;

/** Wraps root resolvers so that a missing, bad or expired token fails before any data is read. */
function protectRootFields<T extends Record<string, Resolver>>(resolvers: T): T {
  const wrapped: Record<string, Resolver> = {};
  for (const [field, resolve] of Object.entries(resolvers)) {
    wrapped[field] = PUBLIC_ROOT_FIELDS.has(field)
      ? resolve
      : (parent, args, context, info) => {
          viewerOf(context);
          return resolve(parent, args, context, info);
        };
  }
  return wrapped as T;
}

export const resolvers = {
  Query: protectRootFields(queryResolvers),
  Mutation: protectRootFields(mutationResolvers),
  Stack: stackResolvers,
  Run: runResolvers,
  Space: spaceResolvers,
  Policy: policyResolvers,
  Context: contextResolvers,
  Module: moduleResolvers,
  WorkerPool: workerPoolResolvers,
};

export type { SandboxContext };
