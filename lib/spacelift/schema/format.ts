// Renders schema elements as short SDL-like lines, the form a model reads most reliably.

import {
  DEFAULT_DEPRECATION_REASON,
  astFromValue,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
} from 'graphql';

/** How long a one-line description may be: enough to tell similar fields apart. */
export const SHORT_DESCRIPTION_CHARS = 80;

/** Newlines and runs of spaces become one space, so a description stays on its line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts at a word boundary when there is one nearby, and marks the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The first sentence of a description, on one line, at most `max` characters. */
export function shortDescription(description: string | null | undefined, max = SHORT_DESCRIPTION_CHARS): string {
  if (!description) return '';
  const text = oneLine(description);
  // A sentence ends at . ! or ? followed by the end or by a capital (or bracket) starting the next one.
  const end = text.search(/[.!?](?=\s+[A-Z[("`]|$)/);
  return clip(end >= 0 ? text.slice(0, end + 1) : text, max);
}

/** `line  # comment`, or the bare line when there is nothing to say. */
export function withComment(line: string, comment: string): string {
  return comment ? `${line}  # ${comment}` : line;
}

export function deprecationMark(reason: string | null | undefined): string {
  if (reason == null) return '';
  if (reason === DEFAULT_DEPRECATION_REASON || !reason.trim()) return ' @deprecated';
  return ` @deprecated(reason: ${JSON.stringify(clip(oneLine(reason), 60))})`;
}

function defaultValueOf(value: GraphQLArgument | GraphQLInputField): string {
  if (value.defaultValue === undefined) return '';
  try {
    const ast = astFromValue(value.defaultValue, value.type);
    return ast ? ` = ${print(ast)}` : '';
  } catch {
    return ''; // A default the type cannot represent: leaving it out beats failing the whole answer.
  }
}

/** An argument or input field: `first: Int = 50`. */
export function formatInputValue(value: GraphQLArgument | GraphQLInputField): string {
  return `${value.name}: ${String(value.type)}${defaultValueOf(value)}${deprecationMark(value.deprecationReason)}`;
}

/** `(id: ID!, first: Int)`, or nothing for a field without arguments. */
export function formatArguments(args: readonly GraphQLArgument[]): string {
  return args.length ? `(${args.map(formatInputValue).join(', ')})` : '';
}

/** `runs(before: ID): [Run!]!`, wrapping types kept as written. */
export function formatField(field: GraphQLField<unknown, unknown>): string {
  return `${field.name}${formatArguments(field.args)}: ${String(field.type)}${deprecationMark(field.deprecationReason)}`;
}

/** The SDL keyword that introduces a type: type, interface, union, enum, input or scalar. */
export function kindKeyword(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input';
  return 'scalar';
}

/** Characters of the lines once joined with newlines. */
export function textLength(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + line.length + 1, 0);
}
