// The search* queries: predicates, full-text filter, ordering and cursor pagination.
//
// Semantics chosen for the sandbox (Spacelift documents few of them): a predicate matches when any
// listed value equals the field (case-insensitive; `*` is a wildcard; list fields such as labels
// match if any element does); `exclude` negates it; all predicates must match. Cursors are opaque.

import { sandboxError } from '../errors';

export interface SearchInput {
  first?: number | null;
  after?: string | null;
  fullTextSearch?: string | null;
  predicates?: readonly QueryPredicate[] | null;
  orderBy?: { field: string; direction: string } | null;
}

interface QueryPredicate {
  field: string;
  constraint: { booleanEquals?: readonly boolean[] | null; enumEquals?: readonly string[] | null; stringMatches?: readonly string[] | null };
  exclude?: boolean | null;
}

type FieldValue = string | number | boolean | null | readonly string[];

/** How to read each searchable field of an entity. */
export type SearchFields<T> = Record<string, (entity: T) => FieldValue>;

export const SEARCH_PAGE_SIZE = 50;

const encodeCursor = (id: string) => Buffer.from(`cursor:${id}`).toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString().replace(/^cursor:/, '');

function globMatches(pattern: string, value: string): boolean {
  const escaped = pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(value.toLowerCase());
}

function predicateMatches(value: FieldValue, predicate: QueryPredicate): boolean {
  const { booleanEquals, enumEquals, stringMatches } = predicate.constraint;
  const values = Array.isArray(value) ? value : [value];
  const matched = values.some((candidate) => {
    if (booleanEquals?.length && typeof candidate === 'boolean') return booleanEquals.includes(candidate);
    const text = String(candidate);
    if (enumEquals?.length && enumEquals.some((wanted) => wanted.toLowerCase() === text.toLowerCase())) return true;
    return stringMatches?.some((pattern) => globMatches(pattern, text)) ?? false;
  });
  return predicate.exclude ? !matched : matched;
}

function compare(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

export function search<T extends { id: string; name: string }>(
  entities: readonly T[],
  input: SearchInput,
  fields: SearchFields<T>,
  textOf: (entity: T) => readonly string[],
) {
  const fieldOf = (name: string) => {
    const read = fields[name];
    if (!read) throw sandboxError(`unknown search field "${name}"; known fields: ${Object.keys(fields).join(', ')}`);
    return read;
  };
  const text = input.fullTextSearch?.trim().toLowerCase();
  let matches = entities.filter(
    (entity) =>
      (!text || textOf(entity).some((candidate) => candidate.toLowerCase().includes(text))) &&
      (input.predicates ?? []).every((predicate) => predicateMatches(fieldOf(predicate.field)(entity), predicate)),
  );

  const order = input.orderBy ?? { field: 'name', direction: 'ASC' };
  const readOrder = fieldOf(order.field);
  const sign = order.direction.toUpperCase() === 'DESC' ? -1 : 1;
  matches = [...matches].sort((a, b) => sign * compare(readOrder(a), readOrder(b)) || a.id.localeCompare(b.id));

  let start = 0;
  if (input.after) {
    const afterId = decodeCursor(input.after);
    start = matches.findIndex((entity) => entity.id === afterId) + 1;
    if (start === 0) throw sandboxError('invalid cursor');
  }
  const pageSize = Math.max(0, Math.min(input.first ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE));
  const page = matches.slice(start, start + pageSize);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: {
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasNextPage: start + page.length < matches.length,
      hasPreviousPage: start > 0,
    },
  };
}
