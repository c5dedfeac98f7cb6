// Where each type is used (returned, or taken as an argument or input field), so the model can
// find an entry point: "Used by: Query.stack(id: ID!): Stack".

import { getNamedType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, type GraphQLSchema } from 'graphql';
import { formatField, formatInputValue } from './format';

interface TypeReference {
  /** e.g. `Query.stack(id: ID!): Stack`. */
  signature: string;
  /** Root query fields first, then mutations, then other types' fields, the type's own last. */
  rank: number;
}

const indexes = new WeakMap<GraphQLSchema, Map<string, TypeReference[]>>();

/** Fields and input fields that use the named type, most useful as an entry point first. */
export function referencesTo(schema: GraphQLSchema, typeName: string): string[] {
  let index = indexes.get(schema);
  if (!index) {
    index = buildIndex(schema);
    indexes.set(schema, index);
  }
  const references = index.get(typeName) ?? [];
  return [...references].sort((a, b) => a.rank - b.rank).map((reference) => reference.signature);
}

function buildIndex(schema: GraphQLSchema): Map<string, TypeReference[]> {
  const index = new Map<string, TypeReference[]>();
  const seen = new Set<string>(); // A field can both take and return a type: list it once.
  const add = (target: string, owner: string, signature: string) => {
    const key = `${target} ${signature}`;
    if (seen.has(key)) return;
    seen.add(key);
    const references = index.get(target) ?? [];
    references.push({ signature, rank: rankOf(schema, owner, target) });
    index.set(target, references);
  };

  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const signature = `${type.name}.${formatField(field)}`;
        add(getNamedType(field.type).name, type.name, signature);
        for (const arg of field.args) add(getNamedType(arg.type).name, type.name, signature);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(getNamedType(field.type).name, type.name, `${type.name}.${formatInputValue(field)}`);
      }
    }
  }
  return index;
}

function rankOf(schema: GraphQLSchema, owner: string, target: string): number {
  if (owner === schema.getQueryType()?.name) return 0;
  if (owner === schema.getMutationType()?.name) return 1;
  if (owner === schema.getSubscriptionType()?.name) return 2;
  return owner === target ? 4 : 3;
}
