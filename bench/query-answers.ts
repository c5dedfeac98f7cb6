import { pathToFileURL } from 'node:url';
import { createGraphQLServer } from '../tests/sandbox/graphql/index';
import { loginWithApiKey } from '../tests/sandbox/graphql/testing';
import { capJson } from '../lib/agent/cap-json';
import { asUntrusted } from '../lib/agent/untrusted';
import { QUERY_RESULT_MODEL_CHARS } from '../lib/tools/query-graphql';

/** Typical read questions, as a model would write them. */
const QUERIES: Record<string, string> = {
  'stacks with state': 'query { stacks { id name state branch space } }',
  'one stack, last runs': 'query { stack(id: "prod-eks") { id state runs { id state type createdAt title } } }',
  'failed run history': 'query($s: ID!, $r: ID!) { stack(id: $s) { run(id: $r) { id state history { state timestamp hasLogs } } } }',
  'policies by type': 'query { policies { id name type labels space } }',
  'contexts of spaces': 'query { contexts { id name space labels config { id type writeOnly value } } }',
  'everything on stacks (over-asking)': 'query { stacks { id name description state branch repository labels space administrative autodeploy projectRoot createdAt runs { id state type createdAt title commit { hash message authorName } } } }',
};

/** Size of what the model receives from query_graphql for typical questions (tokens ≈ characters / 4). */
export async function benchQueryAnswers(): Promise<Record<string, number | string>> {
  const server = createGraphQLServer();
  const { jwt } = await loginWithApiKey(server, 'admin');
  const figures: Record<string, number | string> = {};
  for (const [name, query] of Object.entries(QUERIES)) {
    const variables = name === 'failed run history' ? { s: 'prod-eks', r: '01KDSXK7800PR1JG0E2W7W4PN7' } : undefined;
    const response = await server.yoga.fetch('http://sandbox/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as object;
    const capped = capJson(result, QUERY_RESULT_MODEL_CHARS);
    const forModel = JSON.stringify(asUntrusted('spacelift-graphql', capped.note ? { result: capped.value, note: capped.note } : capped.value));
    figures[`${name}: full result, tokens`] = Math.round(JSON.stringify(result).length / 4);
    figures[`${name}: sent to the model, tokens`] = `${Math.round(forModel.length / 4)}${capped.note ? ' (capped)' : ''}`;
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchQueryAnswers());
