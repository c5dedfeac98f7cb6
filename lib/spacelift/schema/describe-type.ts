// One type (or one Type.field) described in full, within the answer budget.

import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isUnionType,
  type GraphQLEnumValue,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { fitMembers, MAX_ANSWER_CHARS, type MemberLine } from './budget';
import { clip, deprecationMark, formatField, formatInputValue, kindKeyword, oneLine, shortDescription, textLength } from './format';
import { closestNames } from './name-match';
import { referencesTo } from './type-references';

const USED_BY_SHOWN = 5;
const TYPE_DESCRIPTION_CHARS = 300;
const MEMBER_DESCRIPTION_CHARS = 1_000;
const SUMMARY_CHARS = 400;

/**
 * A type as SDL with one-line descriptions, plus where it is used; `Type.field` describes one
 * field with its arguments in full. Names match case-insensitively; an unknown name gets
 * suggestions instead.
 */
export function describeType(schema: GraphQLSchema, name: string): string {
  const wanted = name.trim();
  const dot = wanted.indexOf('.');
  if (dot > 0) return describeMember(schema, wanted.slice(0, dot), wanted.slice(dot + 1));
  const type = findType(schema, wanted);
  return type ? renderType(schema, type, { usedBy: true }) : unknownTypeMessage(schema, wanted);
}

export function findType(schema: GraphQLSchema, name: string): GraphQLNamedType | undefined {
  const exact = schema.getType(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return Object.values(schema.getTypeMap()).find((type) => type.name.toLowerCase() === lower);
}

/** The type's SDL block, its members cut to fit, with notes and (optionally) where it is used. */
export function renderType(schema: GraphQLSchema, type: GraphQLNamedType, options: { usedBy: boolean }): string {
  const block = blockOf(schema, type);
  const header = [...commentLines(type.description, TYPE_DESCRIPTION_CHARS), block.opening];
  const footer = [...(block.closed ? ['}'] : []), ...block.notes, ...(options.usedBy ? usedBySection(schema, type.name) : [])];
  const budget = MAX_ANSWER_CHARS - textLength(header) - textLength(footer);
  return [...header, ...fitMembers(block.members, budget, block.noun), ...footer].join('\n');
}

interface Block {
  opening: string;
  members: MemberLine[];
  noun: string;
  closed: boolean;
  notes: string[];
}

function blockOf(schema: GraphQLSchema, type: GraphQLNamedType): Block {
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces().map((implemented) => implemented.name);
    const implementsClause = interfaces.length ? ` implements ${interfaces.join(' & ')}` : '';
    return {
      opening: `${kindKeyword(type)} ${type.name}${implementsClause} {`,
      members: Object.values(type.getFields()).map(fieldMember),
      noun: 'fields',
      closed: true,
      notes: isInterfaceType(type) ? [implementedBy(schema, type)] : [],
    };
  }
  if (isInputObjectType(type)) {
    return { opening: `input ${type.name} {`, members: Object.values(type.getFields()).map(inputFieldMember), noun: 'input fields', closed: true, notes: [] };
  }
  if (isEnumType(type)) {
    return { opening: `enum ${type.name} {`, members: type.getValues().map(enumValueMember), noun: 'values', closed: true, notes: [] };
  }
  if (isUnionType(type)) {
    const members = type.getTypes().map((member) => member.name);
    return {
      opening: clip(`union ${type.name} = ${members.join(' | ')}`, SUMMARY_CHARS * 3),
      members: [],
      noun: 'members',
      closed: false,
      notes: ['# Select a member\'s fields with an inline fragment: ... on Member { … }'],
    };
  }
  return { opening: `scalar ${type.name}`, members: [], noun: 'values', closed: false, notes: [] };
}

function fieldMember(field: GraphQLField<unknown, unknown>): MemberLine {
  return { name: field.name, bare: `  ${formatField(field)}`, comment: shortDescription(field.description) };
}

function inputFieldMember(field: GraphQLInputField): MemberLine {
  return { name: field.name, bare: `  ${formatInputValue(field)}`, comment: shortDescription(field.description) };
}

function enumValueMember(value: GraphQLEnumValue): MemberLine {
  return { name: value.name, bare: `  ${value.name}${deprecationMark(value.deprecationReason)}`, comment: shortDescription(value.description) };
}

function implementedBy(schema: GraphQLSchema, type: GraphQLInterfaceType): string {
  const names = schema.getPossibleTypes(type).map((implementation) => implementation.name);
  return clip(`Implemented by: ${names.join(', ') || 'no type'}`, SUMMARY_CHARS * 2);
}

function usedBySection(schema: GraphQLSchema, typeName: string): string[] {
  const references = referencesTo(schema, typeName);
  if (!references.length) return [];
  const title = references.length > USED_BY_SHOWN ? `Used by (${USED_BY_SHOWN} of ${references.length}):` : 'Used by:';
  return [title, ...references.slice(0, USED_BY_SHOWN).map((signature) => `  ${clip(signature, 200)}`)];
}

function commentLines(description: string | null | undefined, max: number): string[] {
  return description?.trim() ? [`# ${clip(oneLine(description), max)}`] : [];
}

// ---------------------------------------------------------------- Type.member

function describeMember(schema: GraphQLSchema, typeName: string, memberName: string): string {
  const type = findType(schema, typeName);
  if (!type) return unknownTypeMessage(schema, typeName);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const fields = Object.values(type.getFields()) as (GraphQLField<unknown, unknown> | GraphQLInputField)[];
    const field = byName(fields, memberName);
    if (!field) return unknownMemberMessage(type, memberName, fields.map((candidate) => candidate.name));
    return 'args' in field ? renderField(type, field) : renderInputField(type, field);
  }
  if (isEnumType(type)) {
    const value = byName(type.getValues(), memberName);
    if (!value) return unknownMemberMessage(type, memberName, type.getValues().map((candidate) => candidate.name));
    return [`${type.name}.${value.name}${deprecationMark(value.deprecationReason)}`, ...commentLines(value.description, MEMBER_DESCRIPTION_CHARS)].join('\n');
  }
  return renderType(schema, type, { usedBy: true }); // Unions and scalars have no members to pick.
}

function byName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  return items.find((item) => item.name === name) ?? items.find((item) => item.name.toLowerCase() === name.toLowerCase());
}

function renderField(owner: GraphQLNamedType, field: GraphQLField<unknown, unknown>): string {
  const header = [`${owner.name}.${formatField(field)}`, ...commentLines(field.description, MEMBER_DESCRIPTION_CHARS)];
  if (field.args.length) header.push('Arguments:');
  const args = field.args.map((arg) => ({ name: arg.name, bare: `  ${formatInputValue(arg)}`, comment: clip(oneLine(arg.description ?? ''), 200) }));
  const inputTypes = [...new Set(field.args.map((arg) => getNamedType(arg.type)).filter(isInputObjectType))];
  const footer = [
    ...(inputTypes.length ? ['Argument types:', ...inputTypes.map((input) => `  ${typeSummary(input)}`)] : []),
    `Returns: ${String(field.type)}`,
    `  ${typeSummary(getNamedType(field.type))}`,
  ];
  const budget = MAX_ANSWER_CHARS - textLength(header) - textLength(footer);
  return [...header, ...fitMembers(args, budget, 'arguments'), ...footer].join('\n');
}

function renderInputField(owner: GraphQLNamedType, field: GraphQLInputField): string {
  return [
    `${owner.name}.${formatInputValue(field)}`,
    ...commentLines(field.description, MEMBER_DESCRIPTION_CHARS),
    `Type: ${String(field.type)}`,
    `  ${typeSummary(getNamedType(field.type))}`,
  ].join('\n');
}

/** A type on one line: `type Run { id, state, … }`, `input SearchInput { first: Int, … }`, `enum RunState { QUEUED, … }`. */
function typeSummary(type: GraphQLNamedType): string {
  if (isObjectType(type) || isInterfaceType(type)) {
    return clip(`${kindKeyword(type)} ${type.name} { ${Object.keys(type.getFields()).join(', ')} }`, SUMMARY_CHARS);
  }
  if (isInputObjectType(type)) {
    return clip(`input ${type.name} { ${Object.values(type.getFields()).map(formatInputValue).join(', ')} }`, SUMMARY_CHARS);
  }
  if (isEnumType(type)) return clip(`enum ${type.name} { ${type.getValues().map((value) => value.name).join(', ')} }`, SUMMARY_CHARS);
  if (isUnionType(type)) return clip(`union ${type.name} = ${type.getTypes().map((member) => member.name).join(' | ')}`, SUMMARY_CHARS);
  return `scalar ${type.name}`;
}

// ---------------------------------------------------------------- unknown names

function unknownTypeMessage(schema: GraphQLSchema, wanted: string): string {
  const typeNames = Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type))
    .map((type) => type.name);
  const closest = closestNames(typeNames, wanted);
  const lines = [`No type named "${wanted}".`];
  if (closest.length) lines.push(`Closest type names: ${closest.join(', ')}.`);
  const fields = fieldsNamed(schema, wanted, 3);
  if (fields.length) lines.push(`Fields named "${wanted}":`, ...fields.map((signature) => `  ${signature}`));
  lines.push('Search the schema by keyword to find other types and fields.');
  return lines.join('\n');
}

function unknownMemberMessage(type: GraphQLNamedType, wanted: string, names: string[]): string {
  const closest = closestNames(names, wanted);
  return [
    `${kindKeyword(type)} ${type.name} has no ${isEnumType(type) ? 'value' : 'field'} named "${wanted}".`,
    closest.length ? `Closest: ${closest.join(', ')}.` : `It has: ${clip(names.join(', '), SUMMARY_CHARS)}.`,
  ].join('\n');
}

/** Fields with exactly this name (any case), root fields first: "stacks" is a field, not a type. */
function fieldsNamed(schema: GraphQLSchema, name: string, limit: number): string[] {
  const lower = name.toLowerCase();
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((type) => type != null);
  const others = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType | GraphQLInterfaceType => (isObjectType(type) || isInterfaceType(type)) && !isIntrospectionType(type) && !roots.includes(type as GraphQLObjectType),
  );
  const found: string[] = [];
  for (const type of [...roots, ...others]) {
    for (const field of Object.values(type.getFields())) {
      if (field.name.toLowerCase() === lower && found.length < limit) found.push(`${type.name}.${formatField(field)}`);
    }
  }
  return found;
}
