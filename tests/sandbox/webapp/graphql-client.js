// Talks to the sandbox's own GraphQL endpoint (same origin, session cookie).
//
// The sandbox server implements a subset of Spacelift's schema. When it rejects a
// field the app asks for ("Cannot query field ..."), the client drops that field and
// asks again, so a page shows whatever the server does serve instead of nothing.

const MAX_RETRIES = 5;
const UNKNOWN_FIELD = /Cannot query field "(\w+)" on type "(\w+)"/g;

/** Fields dropped so far, as "Type.field", for anyone reconciling the server with the app. */
export const missingFields = new Set();

export class GraphQLRequestError extends Error {
  constructor(message, errors = []) {
    super(message);
    this.name = 'GraphQLRequestError';
    this.errors = errors;
  }
}

/**
 * Sends a document and returns `{ data, errors }`. `data` may be partial; it is null
 * only when nothing could be fetched, in which case this throws.
 */
export async function request(document, variables = {}) {
  let query = document;
  for (let attempt = 0; ; attempt++) {
    const body = await post(query, variables);
    const unknownFields = findUnknownFields(body.errors);
    if (body.data == null && unknownFields.length > 0 && attempt < MAX_RETRIES) {
      for (const { type, field } of unknownFields) missingFields.add(`${type}.${field}`);
      console.warn('[sandbox app] server lacks fields, retrying without them:', unknownFields);
      query = pruneFields(query, unknownFields.map((f) => f.field));
      continue;
    }
    if (body.data == null) {
      const message = body.errors?.map((e) => e.message).join('; ') || 'No data returned';
      throw new GraphQLRequestError(message, body.errors);
    }
    return { data: body.data, errors: body.errors ?? [] };
  }
}

async function post(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables, operationName: operationName(query) }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`GraphQL endpoint answered ${response.status} without JSON`);
  }
  if (!body || typeof body !== 'object') throw new GraphQLRequestError('Malformed GraphQL response');
  return body;
}

export function operationName(document) {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1];
}

export function findUnknownFields(errors) {
  const found = [];
  for (const error of errors ?? []) {
    for (const match of String(error?.message ?? '').matchAll(UNKNOWN_FIELD)) {
      found.push({ field: match[1], type: match[2] });
    }
  }
  return found;
}

const TOKEN = /"(?:\\.|[^"\\])*"|\.\.\.|[A-Za-z_]\w*|-?\d+(?:\.\d+)?|[$!():=@[\]{}|]|#[^\n]*|[\s,]+/g;

/**
 * Removes every selection of the named fields (with their arguments and sub-selections)
 * from a document. Field names are matched wherever they appear, whatever the type:
 * good enough for the app's own documents, which use neither aliases nor fragments.
 */
export function pruneFields(document, fieldNames) {
  const drop = new Set(fieldNames);
  const tokens = (document.match(TOKEN) ?? []).filter((t) => !/^[\s,]+$/.test(t) && !t.startsWith('#'));
  const out = [];
  let braces = 0;
  let parens = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const isSelection = braces > 0 && parens === 0 && /^[A-Za-z_]/.test(token) && out.at(-1) !== ':';
    if (isSelection && drop.has(token)) {
      if (tokens[i + 1] === '(') i = skipBalanced(tokens, i + 1, '(', ')');
      if (tokens[i + 1] === '{') i = skipBalanced(tokens, i + 1, '{', '}');
      continue;
    }
    if (token === '{') braces++;
    if (token === '}') braces--;
    if (token === '(') parens++;
    if (token === ')') parens--;
    // A selection set left empty is invalid GraphQL; keep it valid with __typename.
    if (token === '}' && out.at(-1) === '{') out.push('__typename');
    out.push(token);
  }
  return out.join(' ');
}

/** Returns the index of the token closing the group opened at `start`. */
function skipBalanced(tokens, start, open, close) {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    if (tokens[i] === open) depth++;
    if (tokens[i] === close && --depth === 0) return i;
  }
  return tokens.length - 1;
}
