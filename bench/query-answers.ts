import { pathToFileURL } from 'node:url';
import { createGraphQLServer } from '../tests/sandbox/graphql/index';
import { loginWithApiKey } from '../tests/sandbox/graphql/testing';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createQueryGraphqlTool } from '../lib/tools/query-graphql';
import type { SpaceliftClient } from '../lib/spacelift/graphql-client';

/** Typical read questions, as a model would write them. */
const QUERIES: Record<string, string> = {
  'stacks with state': 'query { stacks { id name state branch space } }',
  'one stack, last runs': 'query { stack(id: "prod-eks") { id state runs { id state type createdAt title } } }',
  'failed run history': 'query($s: ID!, $r: ID!) { stack(id: $s) { run(id: $r) { id state history { state timestamp hasLogs } } } }',
  'policies by type': 'query { policies { id name type labels space } }',
  'contexts of spaces': 'query { contexts { id name space labels config { id type writeOnly value } } }',
  'everything on stacks (over-asking)': 'query { stacks { id name description state branch repository labels space administrative autodeploy projectRoot createdAt runs { id state type createdAt title commit { hash message authorName } } } }',
};

/**
 * Size of what the model receives from query_graphql for typical questions (tokens ≈ characters / 4):
 * the real tool (guard, request, cap, untrusted wrapper) against the sandbox's GraphQL server.
 */
export async function benchQueryAnswers(): Promise<Record<string, number | string>> {
  const server = createGraphQLServer();
  const { jwt } = await loginWithApiKey(server, 'admin');
  const client = {
    async request(query: string, variables?: Record<string, unknown>) {
      const response = await server.yoga.fetch('http://sandbox/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
  } as unknown as SpaceliftClient;
  const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../tests/sandbox/graphql/schema.graphql'), 'utf8'));
  const tool = createQueryGraphqlTool({ client, schema: async () => schema });
  const figures: Record<string, number | string> = {};
  for (const [name, query] of Object.entries(QUERIES)) {
    const variables = name === 'failed run history' ? { s: 'prod-eks', r: '01KDSXK7800PR1JG0E2W7W4PN7' } : undefined;
    const output = await tool.execute!({ query, variables }, { toolCallId: 'bench', messages: [] } as never);
    const forModel = (await tool.toModelOutput!({ toolCallId: 'bench', input: { query, variables }, output } as never)) as unknown as {
      value: { untrusted_data: { content: { note?: string } } };
    };
    const capped = typeof forModel.value.untrusted_data.content.note === 'string';
    figures[`${name}: full result, tokens`] = Math.round(JSON.stringify(output).length / 4);
    figures[`${name}: sent to the model, tokens`] = `${Math.round(JSON.stringify(forModel.value).length / 4)}${capped ? ' (capped)' : ''}`;
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchQueryAnswers());
