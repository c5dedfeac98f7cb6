import { tool } from 'ai';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { describeType, listRootFields, searchSchema } from '../spacelift/schema/inspect-schema';

export interface InspectGraphqlDeps {
  schema: () => Promise<GraphQLSchema>;
}

/** Explore the account's GraphQL schema in small answers, never the whole schema. */
export function createInspectGraphqlTool(deps: InspectGraphqlDeps) {
  return tool({
    description:
      "Explore the Spacelift GraphQL API schema of the user's account before writing a query: `root_fields` lists the entry points, `search` finds types and fields by keyword, `describe` shows one type's fields, arguments and enum values (or one field, as `Type.field`, with its arguments).",
    inputSchema: z.object({
      action: z.enum(['root_fields', 'search', 'describe']),
      keyword: z.string().optional().describe('For search: e.g. "run logs"'),
      typeName: z.string().optional().describe('For describe: e.g. "Stack"'),
      operation: z.enum(['query', 'mutation']).optional().describe('For root_fields; default query'),
    }),
    execute: async ({ action, keyword, typeName, operation }) => {
      const schema = await deps.schema();
      if (action === 'root_fields') return listRootFields(schema, operation ?? 'query');
      if (action === 'search') {
        if (!keyword) throw new Error('search needs a keyword');
        return searchSchema(schema, keyword);
      }
      if (!typeName) throw new Error('describe needs a typeName');
      return describeType(schema, typeName);
    },
  });
}
