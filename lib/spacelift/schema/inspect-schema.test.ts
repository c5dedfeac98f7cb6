import { buildClientSchema, buildSchema, introspectionFromSchema, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeType, listRootFields, MAX_ANSWER_CHARS, searchSchema } from './inspect-schema';
import { introspectSandbox, loadSharedSchema, sharedSchemaAvailable } from './testing';

describe('inspecting the sandbox schema (introspected from the running server)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    ({ schema } = await introspectSandbox());
  });

  it('lists root query fields with arguments, return types and short descriptions', () => {
    const text = listRootFields(schema, 'query');
    expect(text).toContain('  stacks: [Stack!]!  # Every stack the caller can see (not paginated).');
    expect(text).toContain('  stack(id: ID!): Stack  # One stack by its slug;');
    expect(text).toContain('  searchStacks(input: SearchInput!): SearchStacksOutput!');
    expect(text.startsWith('type Query {')).toBe(true);
  });

  it('lists root mutation fields, descriptions cut to their first sentence', () => {
    const text = listRootFields(schema, 'mutation');
    expect(text).toContain('runTrigger(stack: ID!, commitSha: String, runType: RunType, runtimeConfig: RuntimeConfigInput, forceApply: ForceApplyMode): Run!');
    expect(text).toContain('apiKeyUser(id: ID!, secret: String!): UserSession  # Exchanges an API key for a session token.\n');
  });

  it('describes an object type with its fields, arguments and where it is used', () => {
    const text = describeType(schema, 'Stack');
    expect(text).toContain('type Stack {');
    expect(text).toContain('  runs(before: ID): [Run!]!  # Tracked runs, newest first');
    expect(text).toContain('  state: String!  # NONE before the first tracked run');
    expect(text).toContain('  vendorConfig: StackConfigVendor\n');
    expect(text).toMatch(/Used by \(5 of \d+\):\n {2}Query\.stacks: \[Stack!\]!\n {2}Query\.stack\(id: ID!\): Stack/);
  });

  it('matches names case-insensitively and lists enum values', () => {
    const text = describeType(schema, 'runstate');
    expect(text).toContain('enum RunState {');
    for (const value of ['QUEUED', 'UNCONFIRMED', 'FINISHED', 'FAILED']) expect(text).toContain(`  ${value}\n`);
    expect(text).toContain('Run.state: RunState!');
  });

  it('describes input types, unions and single fields', () => {
    expect(describeType(schema, 'SearchInput')).toContain('  first: Int  # Page size (default 50).');
    expect(describeType(schema, 'SearchInput')).toContain('Query.searchStacks(input: SearchInput!): SearchStacksOutput!');
    expect(describeType(schema, 'StackConfigVendor')).toContain('union StackConfigVendor = StackConfigVendorAnsible | ');
    const field = describeType(schema, 'query.searchStacks');
    expect(field).toContain('Query.searchStacks(input: SearchInput!): SearchStacksOutput!');
    expect(field).toContain('input SearchInput { first: Int, after: String, fullTextSearch: String');
    expect(field).toContain('type SearchStacksOutput { edges, pageInfo }');
    expect(describeType(schema, 'Run.logs')).toContain('  state: RunState!');
  });

  it('suggests near names for an unknown type, and fields of that name', () => {
    expect(describeType(schema, 'Stak')).toContain('Closest type names: Stack');
    const plural = describeType(schema, 'stacks');
    expect(plural).toContain('No type named "stacks".');
    expect(plural).toContain('Query.stacks: [Stack!]!');
    expect(describeType(schema, 'Stack.runz')).toMatch(/^type Stack has no field named "runz"\.\nClosest: .*\bruns\b/);
  });

  it('finds types and fields by keyword, best first', () => {
    const text = searchSchema(schema, 'run');
    const lines = text.split('\n');
    expect(lines[1]).toBe('type Run');
    expect(text).toContain('Stack.runs(before: ID): [Run!]!');
    expect(text).toContain('enum RunState');
    expect(text).toMatch(/… \d+ more/);
    expect(lines.indexOf('type Run')).toBeLessThan(lines.findIndex((line) => line.startsWith('Stack.runnerImage')));
  });

  it('ranks exact names above prefixes, substrings and descriptions, and narrows with more keywords', () => {
    const policy = searchSchema(schema, 'policy').split('\n');
    expect(policy.slice(1, 4)).toEqual(['type Policy', 'Query.policy(id: ID!): Policy', 'Query.policies: [Policy!]!']);
    expect(policy.findIndex((line) => line.startsWith('Query.searchPolicies'))).toBeGreaterThan(policy.indexOf('enum PolicyType'));
    expect(searchSchema(schema, 'stack runs').split('\n')[1]).toBe('Stack.runs(before: ID): [Run!]!  # Tracked runs, newest first, 50 per page; pass the last id seen as before.');
    expect(searchSchema(schema, 'FAILED')).toContain('RunState.FAILED  # enum value');
    expect(searchSchema(schema, 'run', { limit: 3 }).split('\n')).toHaveLength(5);
  });

  it('skips introspection types and says when nothing matches', () => {
    expect(searchSchema(schema, 'schema')).not.toContain('__Schema');
    expect(searchSchema(schema, 'stakc')).toBe('Nothing in the schema matches "stakc".\nClosest type names: Stack.');
  });

  it('keeps every answer under the cap', () => {
    for (const name of Object.keys(schema.getTypeMap())) expect(describeType(schema, name).length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });
});

describe('rendering details', () => {
  const schema = buildSchema(`
    "Something with an id.\\nSecond line."
    interface Node { id: ID! }
    type Job implements Node {
      id: ID!
      "First line\\nstill the first sentence. Then more. And more."
      name: String
      old: String @deprecated(reason: "Use name.")
      older: String @deprecated
      matrix(first: Int = 10, order: Order = DESC, legacy: Boolean @deprecated(reason: "Ignored")): [[Job!]]!
    }
    enum Order { ASC DESC @deprecated }
    input Page { size: Int = 50 order: Order = ASC }
    type Query { job(id: ID!, page: Page): Job  node(id: ID!): Node }
  `);

  it('writes wrapping types, defaults and deprecations as in SDL', () => {
    const text = describeType(schema, 'Job');
    expect(text).toContain('type Job implements Node {');
    expect(text).toContain('  matrix(first: Int = 10, order: Order = DESC, legacy: Boolean @deprecated(reason: "Ignored")): [[Job!]]!');
    expect(text).toContain('  old: String @deprecated(reason: "Use name.")');
    expect(text).toContain('  older: String @deprecated\n');
    expect(text).toContain('  name: String  # First line still the first sentence.\n');
    expect(describeType(schema, 'Order')).toContain('  DESC @deprecated');
    expect(describeType(schema, 'Page')).toContain('  size: Int = 50\n  order: Order = ASC');
  });

  it('names the implementations of an interface and puts descriptions on one line', () => {
    const text = describeType(schema, 'node');
    expect(text).toContain('# Something with an id. Second line.\ninterface Node {');
    expect(text).toContain('Implemented by: Job');
  });

  it('keeps argument deprecations through introspection', () => {
    const roundTrip = buildClientSchema(introspectionFromSchema(schema, { inputValueDeprecation: true }));
    expect(describeType(roundTrip, 'Job')).toContain('legacy: Boolean @deprecated(reason: "Ignored")');
  });

  it('answers plainly when the schema has no mutations', () => {
    expect(listRootFields(schema, 'mutation')).toBe('This schema has no mutation type.');
  });
});

describe('huge types', () => {
  const fields = (count: number, description: string) =>
    Array.from({ length: count }, (_, i) => `"${description}"\n field${i}(after: String, first: Int): [Item!]!`).join('\n');

  it('drops descriptions first, keeping every field', () => {
    const schema = buildSchema(`type Item { id: ID } type Query { ${fields(80, 'A'.repeat(70))} }`);
    const text = listRootFields(schema, 'query');
    expect(text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(text).toContain('(descriptions left out to fit)');
    expect(text).toContain('  field79(after: String, first: Int): [Item!]!\n}');
  });

  it('then cuts lines, naming the fields left out', () => {
    const schema = buildSchema(`type Item { id: ID } type Huge { ${fields(400, 'Some words.')} } type Query { huge: Huge }`);
    const text = describeType(schema, 'Huge');
    expect(text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(text).toContain('  field0(after: String, first: Int): [Item!]!');
    expect(text).toMatch(/ {2}# … \d+ more fields not shown: field\d+, field\d+, .* and \d+ others\n}/);
    expect(text).toContain('Used by:\n  Query.huge: Huge');
    expect(searchSchema(schema, 'field', { limit: 1000 }).length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });
});

describe.skipIf(!sharedSchemaAvailable())('the reconstructed Spacelift schema', () => {
  const schema = sharedSchemaAvailable() ? loadSharedSchema() : buildSchema('type Query { a: Int }');

  it('keeps every answer under the cap', () => {
    expect(listRootFields(schema, 'query').length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(listRootFields(schema, 'mutation').length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    for (const type of Object.values(schema.getTypeMap())) {
      expect(describeType(schema, type.name).length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
      if ('getFields' in type) {
        for (const field of Object.keys(type.getFields())) expect(describeType(schema, `${type.name}.${field}`).length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
      }
    }
    for (const keyword of ['stack', 'run', 'policy', 'id', 'a', 'name']) {
      expect(searchSchema(schema, keyword, { limit: 500 }).length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    }
  });

  it('points at the mutations that create a stack', () => {
    expect(describeType(schema, 'StackInput')).toContain('Mutation.stackCreate(');
  });
});
