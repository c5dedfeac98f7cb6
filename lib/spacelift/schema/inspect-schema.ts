// What the inspect_graphql tool answers: compact, bounded SDL-like text about an account's
// GraphQL schema, for the model to find the fields it needs before writing a query.

import type { GraphQLSchema } from 'graphql';
import { renderType } from './describe-type';

export { describeType } from './describe-type';
export { searchSchema, type SearchOptions } from './search-schema';
export { MAX_ANSWER_CHARS } from './budget';

export type RootOperation = 'query' | 'mutation';

/** The root query or mutation fields, one line each: arguments, return type, a short description. */
export function listRootFields(schema: GraphQLSchema, operation: RootOperation): string {
  const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) return `This schema has no ${operation} type.`;
  return renderType(schema, root, { usedBy: false });
}
