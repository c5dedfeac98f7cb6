import { tool } from 'ai';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { describeType, listRootFields, searchSchema } from '../spacelift/schema/inspect-schema';
import { asUntrusted } from '../agent/untrusted';

export interface InspectGraphqlDeps {
  schema: () => Promise<GraphQLSchema>;
  /** Introspect again (the account's API changed since it was cached). */
  refresh: () => Promise<GraphQLSchema>;
}

/** Explore the account's GraphQL schema in small answers, never the whole schema. */
export function createInspectGraphqlTool(deps: InspectGraphqlDeps) {
  return tool({
    description:
      "Explore the Spacelift GraphQL API schema of the user's account before writing a query: `root_fields` lists the entry points, `search` finds types and fields by keyword, `describe` shows one type's fields, arguments and enum values (or one field, as `Type.field`, with its arguments). The schema is cached for a day; `refresh` reads it again if a field seems missing.",
    inputSchema: z.object({
      action: z.enum(['root_fields', 'search', 'describe', 'refresh']),
      keyword: z.string().optional().describe('For search: e.g. "run logs"'),
      typeName: z.string().optional().describe('For describe: e.g. "Stack"'),
      operation: z.enum(['query', 'mutation']).optional().describe('For root_fields; default query'),
    }),
    execute: async ({ action, keyword, typeName, operation }) => {
      if (action === 'refresh') {
        const fresh = await deps.refresh();
        return `Schema read again: ${Object.keys(fresh.getTypeMap()).filter((n) => !n.startsWith('__')).length} types.`;
      }
      const schema = await deps.schema();
      if (action === 'root_fields') return listRootFields(schema, operation ?? 'query');
      if (action === 'search') {
        if (!keyword) throw new Error('search needs a keyword');
        return searchSchema(schema, keyword);
      }
      if (!typeName) throw new Error('describe needs a typeName');
      return describeType(schema, typeName);
    },
    // Type and field descriptions are written by whoever runs the API: data, like any other answer.
    toModelOutput: ({ output }) => ({ type: 'json', value: asUntrusted('spacelift-graphql-schema', output) as never }),
  });
}
