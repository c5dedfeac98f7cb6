import { tool } from 'ai';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { checkReadOnlyQuery } from '../spacelift/read-only-guard';
import type { SpaceliftClient } from '../spacelift/graphql-client';
import { asUntrusted } from '../agent/untrusted';
import { capJson } from '../agent/cap-json';
import { QUERY_RESULT_MODEL_CHARS } from './limits';

export interface QueryGraphqlDeps {
  client: SpaceliftClient;
  /** The account's schema, to validate against; undefined when it cannot be loaded (structural checks still apply). */
  schema: () => Promise<GraphQLSchema | undefined>;
}

export { QUERY_RESULT_MODEL_CHARS };

/** Run one read-only GraphQL query against the user's Spacelift account, with their own rights. */
export function createQueryGraphqlTool(deps: QueryGraphqlDeps) {
  return tool({
    description:
      'Run a read-only GraphQL query against the user\'s Spacelift account (their own permissions). Only a single `query` operation is accepted; mutations are refused. Check field names with inspect_graphql first if unsure. Ask only for the fields you need. Timestamps are Unix seconds. Validation errors come back so you can fix the query.',
    inputSchema: z.object({
      query: z.string().describe('One GraphQL query document, e.g. `query { stacks { id name state } }`'),
      variables: z.record(z.string(), z.unknown()).optional(),
      operationName: z.string().optional(),
    }),
    execute: async ({ query, variables, operationName }) => {
      const schema = await deps.schema().catch(() => undefined);
      const verdict = checkReadOnlyQuery(query, { schema, operationName });
      if (!verdict.ok) throw new Error(`Refused before sending: ${verdict.reason}`);
      const response = await deps.client.request(query, variables, operationName ?? verdict.operation.name?.value);
      return {
        data: response.data ?? null,
        ...(response.errors?.length ? { errors: response.errors.map((e) => ({ message: e.message, path: e.path })) } : {}),
      };
    },
    toModelOutput: ({ output }) => {
      const capped = capJson(output, QUERY_RESULT_MODEL_CHARS);
      return { type: 'json', value: asUntrusted('spacelift-graphql', capped.note ? { result: capped.value, note: capped.note } : capped.value) as never };
    },
  });
}
