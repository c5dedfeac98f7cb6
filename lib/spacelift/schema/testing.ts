// Test helpers: the sandbox's real GraphQL server, reached through yoga.fetch (no port).

import { existsSync, readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, type GraphQLSchema } from 'graphql';
import { createGraphQLServer, type GraphQLServer } from '../../../tests/sandbox/graphql/index';
import { INTROSPECTION_QUERY, type IntrospectionClient } from './schema-cache';
import { sharedReference } from '../../../tests/shared-reference';

/** Spacelift's reconstructed schema (119 types), present on some machines only. */
export const SHARED_SCHEMA_PATH = sharedReference('spacelift/schema.graphql') ?? '(absent) ../shared/spacelift/schema.graphql';

export function sharedSchemaAvailable(): boolean {
  return existsSync(SHARED_SCHEMA_PATH);
}

export function loadSharedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SHARED_SCHEMA_PATH, 'utf8'));
}

/** A client that posts to the sandbox server, as SpaceliftClient would to Spacelift. */
export function sandboxClient(server: Pick<GraphQLServer, 'yoga'>): IntrospectionClient {
  return {
    async request(query: string) {
      const response = await server.yoga.fetch('http://sandbox/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    },
  };
}

/** The sandbox schema as the extension sees it: introspected from the running server. */
export async function introspectSandbox(server: GraphQLServer = createGraphQLServer()): Promise<{ schema: GraphQLSchema; introspection: unknown }> {
  const response = await sandboxClient(server).request(INTROSPECTION_QUERY);
  if (!response.data) throw new Error(`introspection failed: ${JSON.stringify(response.errors)}`);
  return { schema: buildClientSchema(response.data as never), introspection: response.data };
}
