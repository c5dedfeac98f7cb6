// Keyword search over type, field, input field and enum value names (and descriptions).

import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { fitLines, MAX_ANSWER_CHARS } from './budget';
import { deprecationMark, formatField, formatInputValue, kindKeyword, oneLine, shortDescription, withComment } from './format';
import { closestNames } from './name-match';

/** Kinds in the order they are listed when equally relevant. */
const KIND_ORDER = ['type', 'root field', 'field', 'input field', 'enum value'] as const;
type EntryKind = (typeof KIND_ORDER)[number];

interface SearchEntry {
  kind: EntryKind;
  name: string;
  /** The type a member belongs to; empty for types. */
  owner: string;
  argNames: string[];
  description: string;
  deprecated: boolean;
  line: string;
}

// Per keyword: the name is the keyword > the same word (plural) > starts with it > one of its
// camelCase words does > contains it > an argument does > a description word starts with it.
// The owner type's name (Stack in "stack runs") counts, at a discount, only when another keyword
// matched the entry itself.
const SCORE = { exact: 4, sameWord: 3.75, prefix: 3, wordPrefix: 2.5, substring: 1.5, argument: 1.25, description: 1 } as const;
const OWNER_WEIGHT = 0.75;

const entriesBySchema = new WeakMap<GraphQLSchema, SearchEntry[]>();

export interface SearchOptions {
  /** Most matches listed (default 20). */
  limit?: number;
}

/** Types and members matching every keyword, best first, one line each. */
export function searchSchema(schema: GraphQLSchema, keyword: string, options: SearchOptions = {}): string {
  const limit = Math.max(1, options.limit ?? 20);
  const keywords = keyword.toLowerCase().split(/[\s.,:]+/).filter(Boolean);
  if (!keywords.length) return 'Give a keyword to search for, e.g. "stack" or "policy".';

  const matches = entriesOf(schema)
    .map((entry) => ({ entry, score: scoreOf(entry, keywords) }))
    .filter((match) => match.score > 0)
    .sort((a, b) => b.score - a.score || compareEntries(a.entry, b.entry));
  if (!matches.length) return noMatchMessage(schema, keyword);

  const candidates = matches.slice(0, limit).map((match) => match.entry.line);
  const header = `${matches.length} match${matches.length === 1 ? '' : 'es'} for "${keyword.trim()}"${matches.length > candidates.length ? `, best ${candidates.length}` : ''}:`;
  const { kept } = fitLines(candidates, MAX_ANSWER_CHARS - header.length - 80);
  const lines = [header, ...kept];
  const omitted = matches.length - kept.length;
  if (omitted > 0) lines.push(`… ${omitted} more; add a keyword (e.g. the type name) to narrow the search.`);
  return lines.join('\n');
}

function scoreOf(entry: SearchEntry, keywords: string[]): number {
  let total = 0;
  let matchedItself = false;
  for (const keyword of keywords) {
    const own = ownScore(entry, keyword);
    if (own > 0) {
      matchedItself = true;
      total += own;
    } else if (entry.owner && nameScore(entry.owner, keyword) > 0) {
      total += nameScore(entry.owner, keyword) * OWNER_WEIGHT;
    } else {
      return 0; // Every keyword must match somewhere.
    }
  }
  return matchedItself ? total - (entry.deprecated ? 0.5 : 0) : 0;
}

function ownScore(entry: SearchEntry, keyword: string): number {
  const byName = nameScore(entry.name, keyword);
  if (byName > 0) return byName;
  if (entry.argNames.some((arg) => arg.includes(stem(keyword)))) return SCORE.argument;
  return new RegExp(`\\b${escapeRegExp(stem(keyword))}`).test(entry.description) ? SCORE.description : 0;
}

/** How well a name matches one lower-case keyword; 0 when it does not. */
function nameScore(name: string, keyword: string): number {
  const lower = name.toLowerCase();
  if (lower === keyword) return SCORE.exact;
  const root = stem(keyword);
  if (stem(lower) === root) return SCORE.sameWord;
  if (lower.startsWith(root)) return SCORE.prefix;
  if (!lower.includes(root)) return 0;
  // "blockerRun" is about runs; "terragruntVersion" is not.
  return wordsOf(name).some((word) => word.startsWith(root)) ? SCORE.wordPrefix : SCORE.substring;
}

/** camelCase, PascalCase and SNAKE_CASE words, lower-cased. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_]+/);
}

/** Drops a plural or a final y, so "policy", "policies" and "stacks"/"stack" meet. */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return word.slice(0, -3);
  if (word.endsWith('y')) return word.slice(0, -1);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compareEntries(a: SearchEntry, b: SearchEntry): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.length - b.name.length || a.line.localeCompare(b.line);
}

function noMatchMessage(schema: GraphQLSchema, keyword: string): string {
  const typeNames = userTypes(schema).map((type) => type.name);
  const closest = closestNames(typeNames, keyword.trim());
  return [`Nothing in the schema matches "${keyword.trim()}".`, ...(closest.length ? [`Closest type names: ${closest.join(', ')}.`] : [])].join('\n');
}

function userTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter((type) => !isIntrospectionType(type));
}

function entriesOf(schema: GraphQLSchema): SearchEntry[] {
  let entries = entriesBySchema.get(schema);
  if (!entries) {
    entries = buildEntries(schema);
    entriesBySchema.set(schema, entries);
  }
  return entries;
}

function buildEntries(schema: GraphQLSchema): SearchEntry[] {
  const rootNames = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((type) => type?.name));
  const entries: SearchEntry[] = [];
  const entry = (kind: EntryKind, name: string, owner: string, description: string | null | undefined, line: string, extra: Partial<SearchEntry> = {}) =>
    entries.push({ kind, name, owner, argNames: [], description: oneLine(description ?? '').toLowerCase(), deprecated: false, line, ...extra });

  for (const type of userTypes(schema)) {
    if (!rootNames.has(type.name)) entry('type', type.name, '', type.description, withComment(`${kindKeyword(type)} ${type.name}`, shortDescription(type.description)));
    if (isObjectType(type) || isInterfaceType(type)) {
      const kind = rootNames.has(type.name) ? 'root field' : 'field';
      for (const field of Object.values(type.getFields())) {
        entry(kind, field.name, type.name, field.description, withComment(`${type.name}.${formatField(field)}`, shortDescription(field.description)), {
          argNames: field.args.map((arg) => arg.name.toLowerCase()),
          deprecated: field.deprecationReason != null,
        });
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const comment = ['input field', shortDescription(field.description)].filter(Boolean).join('; ');
        entry('input field', field.name, type.name, field.description, withComment(`${type.name}.${formatInputValue(field)}`, comment), {
          deprecated: field.deprecationReason != null,
        });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        const comment = ['enum value', shortDescription(value.description)].filter(Boolean).join('; ');
        entry('enum value', value.name, type.name, value.description, withComment(`${type.name}.${value.name}${deprecationMark(value.deprecationReason)}`, comment), {
          deprecated: value.deprecationReason != null,
        });
      }
    }
  }
  return entries;
}
