import {
  Kind,
  parse,
  specifiedRules,
  validate,
  GraphQLError,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface GuardOptions {
  /** Validate against this schema (the account's, from introspection) when given. */
  schema?: GraphQLSchema;
  operationName?: string;
  /** Deepest selection nesting allowed. Spacelift's useful reads are well under 10 levels. */
  maxDepth?: number;
  /** Most field selections allowed, counting aliases: stops alias amplification. */
  maxFields?: number;
  maxLength?: number;
}

export type GuardResult =
  | { ok: true; document: DocumentNode; operation: OperationDefinitionNode }
  | { ok: false; reason: string };

export const GUARD_DEFAULTS = { maxDepth: 12, maxFields: 400, maxLength: 20_000 } as const;

/**
 * Ask mode may only read. Decide before anything is sent: exactly one
 * operation, and it is a query; the operation name (if any) selects it; the
 * document is valid against the schema and of sane size. Pure: no I/O.
 */
export function checkReadOnlyQuery(source: string, options: GuardOptions = {}): GuardResult {
  const { maxDepth, maxFields, maxLength } = { ...GUARD_DEFAULTS, ...options };
  if (source.length > maxLength) return refuse(`The document is longer than ${maxLength} characters.`);

  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: false, maxTokens: 5_000 });
  } catch (error) {
    return refuse(`The document does not parse: ${error instanceof GraphQLError ? error.message : String(error)}`);
  }

  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else return refuse('Only queries and fragments are allowed; type and schema definitions are not.');
  }
  if (operations.length !== 1) {
    return refuse(`Send exactly one operation; this document has ${operations.length}.`);
  }
  const operation = operations[0]!;
  if (operation.operation !== 'query') {
    return refuse(`Only queries are allowed in Ask mode; this is a ${operation.operation}. Changes need Build mode.`);
  }
  if (options.operationName !== undefined && options.operationName !== (operation.name?.value ?? '')) {
    return refuse(`operationName "${options.operationName}" does not name the query in the document.`);
  }

  const shape = measure(operation.selectionSet, fragments);
  if (shape.cyclic) return refuse('Fragments in the document refer to each other in a cycle.');
  if (shape.depth > maxDepth) return refuse(`The query nests ${shape.depth} levels deep; the limit is ${maxDepth}.`);
  if (shape.fields > maxFields) return refuse(`The query selects ${shape.fields} fields; the limit is ${maxFields}.`);

  if (options.schema) {
    const errors = validate(options.schema, document, specifiedRules, { maxErrors: 10 });
    if (errors.length > 0) return refuse(`The query is not valid for this account's schema: ${errors.map((e) => e.message).join(' ')}`);
  }
  return { ok: true, document, operation };
}

function refuse(reason: string): GuardResult {
  return { ok: false, reason };
}

/** Depth and field count with fragments expanded; a fragment cycle is reported, not followed. */
function measure(
  root: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): { depth: number; fields: number; cyclic: boolean } {
  let fields = 0;
  let cyclic = false;
  const walk = (set: SelectionSetNode, depth: number, path: Set<string>): number => {
    let deepest = depth;
    for (const selection of set.selections) {
      if (fields > 10_000 || cyclic) break;
      if (selection.kind === Kind.FIELD) {
        fields++;
        if (selection.selectionSet) deepest = Math.max(deepest, walk(selection.selectionSet, depth + 1, path));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth, path));
      } else {
        const name = selection.name.value;
        if (path.has(name)) {
          cyclic = true;
          break;
        }
        const fragment = fragments.get(name);
        if (fragment) deepest = Math.max(deepest, walk(fragment.selectionSet, depth, new Set(path).add(name)));
      }
    }
    return deepest;
  };
  const depth = walk(root, 1, new Set());
  return { depth, fields, cyclic };
}
