// The sandbox schema is valid, every operation of the suite validates against it, and (when the
// reconstructed reference schema is available) both the operations and the schema itself match
// Spacelift's real names and types.

import { existsSync, readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  validate,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createGraphQLServer, readSandboxSchemaSDL } from './index';
import { ALL_OPERATIONS } from './operations';
import { execute } from './testing';
import { sharedReference } from '../../shared-reference';

const REFERENCE_SCHEMA_PATH = sharedReference('spacelift/schema.graphql') ?? '(absent) ../shared/spacelift/schema.graphql';
const referenceAvailable = existsSync(REFERENCE_SCHEMA_PATH);
const loadReference = () => buildSchema(readFileSync(REFERENCE_SCHEMA_PATH, 'utf8'));

const sandboxSchema = buildSchema(readSandboxSchemaSDL());
const operations = Object.entries(ALL_OPERATIONS);

function validationErrors(schema: GraphQLSchema, document: string): string[] {
  return validate(schema, parse(document)).map((error) => error.message);
}

/** Differences that would let a document valid on the sandbox fail on the reference. */
function subsetProblems(ours: GraphQLSchema, reference: GraphQLSchema): string[] {
  const problems: string[] = [];
  const userTypes = Object.values(ours.getTypeMap()).filter((type) => !type.name.startsWith('__'));
  for (const type of userTypes) {
    const theirs: GraphQLNamedType | undefined = reference.getType(type.name);
    if (!theirs) {
      problems.push(`type ${type.name} is not in the reference`);
      continue;
    }
    if (theirs.constructor !== type.constructor) problems.push(`${type.name} is a different kind of type`);
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(theirs) || isInterfaceType(theirs))) {
      const theirFields = theirs.getFields();
      for (const field of Object.values(type.getFields())) {
        const theirField = theirFields[field.name];
        if (!theirField) {
          problems.push(`${type.name}.${field.name} is not in the reference`);
          continue;
        }
        if (String(field.type) !== String(theirField.type)) problems.push(`${type.name}.${field.name}: ${String(field.type)} vs ${String(theirField.type)}`);
        for (const arg of field.args) {
          const theirArg = theirField.args.find((candidate) => candidate.name === arg.name);
          if (String(arg.type) !== String(theirArg?.type)) problems.push(`${type.name}.${field.name}(${arg.name}): ${String(arg.type)} vs ${String(theirArg?.type)}`);
        }
        for (const theirArg of theirField.args) {
          if (String(theirArg.type).endsWith('!') && !field.args.some((arg) => arg.name === theirArg.name)) {
            problems.push(`${type.name}.${field.name} lacks the required argument ${theirArg.name}`);
          }
        }
      }
    }
    if (isEnumType(type) && isEnumType(theirs)) {
      const theirValues = new Set(theirs.getValues().map((value) => value.name));
      for (const value of type.getValues()) if (!theirValues.has(value.name)) problems.push(`${type.name}.${value.name} is not in the reference`);
    }
    if (isUnionType(type) && isUnionType(theirs)) {
      const theirMembers = new Set(theirs.getTypes().map((member) => member.name));
      for (const member of type.getTypes()) if (!theirMembers.has(member.name)) problems.push(`${member.name} is not a member of ${type.name} in the reference`);
    }
    if (isInputObjectType(type) && isInputObjectType(theirs)) {
      const theirFields = theirs.getFields();
      for (const field of Object.values(type.getFields())) {
        if (String(field.type) !== String(theirFields[field.name]?.type)) problems.push(`input ${type.name}.${field.name} differs`);
      }
      for (const theirField of Object.values(theirFields)) {
        if (String(theirField.type).endsWith('!') && !type.getFields()[theirField.name]) problems.push(`input ${type.name} lacks ${theirField.name}`);
      }
    }
  }
  return problems;
}

describe('sandbox GraphQL schema', () => {
  it('covers the root fields the extension relies on', () => {
    const query = sandboxSchema.getQueryType()!.getFields();
    for (const field of ['viewer', 'spaces', 'space', 'stacks', 'stack', 'searchStacks', 'modules', 'module', 'policies', 'policy', 'contexts', 'context', 'workerPools', 'workerPool']) {
      expect(query[field], field).toBeDefined();
    }
    expect(sandboxSchema.getMutationType()!.getFields().apiKeyUser).toBeDefined();
  });

  it.each(operations)('%s validates against the sandbox schema', (_name, document) => {
    expect(validationErrors(sandboxSchema, document)).toEqual([]);
  });

  it.skipIf(!referenceAvailable)('every operation validates against the reference Spacelift schema', () => {
    const reference = loadReference();
    const failures = operations.flatMap(([name, document]) => validationErrors(reference, document).map((message) => `${name}: ${message}`));
    expect(failures).toEqual([]);
  });

  it.skipIf(!referenceAvailable)('uses only names and types that exist in the reference schema', () => {
    expect(subsetProblems(sandboxSchema, loadReference())).toEqual([]);
  });

  it('answers introspection without credentials', async () => {
    const server = createGraphQLServer();
    const result = await execute<{ __schema: { queryType: { name: string }; types: { name: string }[] }; __type: { fields: { name: string }[] } }>(
      server,
      `query IntrospectionProbe {
        __schema { queryType { name } types { name } }
        __type(name: "Run") { fields { name } }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.queryType.name).toBe('Query');
    expect(result.data?.__schema.types.map((type) => type.name)).toContain('Stack');
    expect(result.data?.__type.fields.map((field) => field.name)).toEqual(expect.arrayContaining(['history', 'logs', 'delta']));
  });
});
