// How big the GraphQL schema is to fetch and build, and how big the inspect_graphql answers the
// model reads are. Run: npx tsx bench/graphql-answers.ts

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildClientSchema, buildSchema, introspectionFromSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { describeType, listRootFields, searchSchema } from '../lib/spacelift/schema/inspect-schema';
import { introspectSandbox, SHARED_SCHEMA_PATH, sharedSchemaAvailable } from '../lib/spacelift/schema/testing';

type Results = Record<string, number | string>;

const BUILD_REPEATS = 20;

/** Median milliseconds of `repeats` runs, to two decimals. */
function medianMs(run: () => unknown, repeats = BUILD_REPEATS): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(repeats / 2)] ?? 0) * 100) / 100;
}

const typicalAnswers: [string, (schema: GraphQLSchema) => string][] = [
  ["listRootFields('query')", (schema) => listRootFields(schema, 'query')],
  ["describeType('Stack')", (schema) => describeType(schema, 'Stack')],
  ["describeType('Run')", (schema) => describeType(schema, 'Run')],
  ["searchSchema('policy')", (schema) => searchSchema(schema, 'policy')],
];

function measureSchema(label: string, introspection: IntrospectionQuery, results: Results): void {
  results[`${label}.introspectionKB`] = Math.round(JSON.stringify(introspection).length / 102.4) / 10;
  results[`${label}.buildClientSchemaMs`] = medianMs(() => buildClientSchema(introspection));
  const schema = buildClientSchema(introspection);
  results[`${label}.types`] = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__')).length;
  for (const [name, answer] of typicalAnswers) {
    const text = answer(schema);
    results[`${label}.${name}.chars`] = text.length;
    results[`${label}.${name}.tokens`] = Math.round(text.length / 4);
  }
}

export async function benchGraphqlAnswers(): Promise<Results> {
  const results: Results = {};
  const { introspection } = await introspectSandbox();
  measureSchema('sandbox', introspection as IntrospectionQuery, results);

  if (!sharedSchemaAvailable()) {
    results.shared = `absent (${SHARED_SCHEMA_PATH})`;
    return results;
  }
  const sdl = readFileSync(SHARED_SCHEMA_PATH, 'utf8');
  results['shared.buildSchemaFromSdlMs'] = medianMs(() => buildSchema(sdl));
  const shared = introspectionFromSchema(buildSchema(sdl), { descriptions: true, inputValueDeprecation: true });
  measureSchema('shared', shared, results);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchGraphqlAnswers();
  const width = Math.max(...Object.keys(results).map((key) => key.length));
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(width)}  ${value}`);
}
