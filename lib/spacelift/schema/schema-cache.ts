// Each account's GraphQL schema, introspected once and kept in IndexedDB for a day, so the
// inspect and query tools can work from it without re-reading a large document every time.

import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { CacheStore } from '../../db/cache-store';

/** What the source needs from a GraphQL client (SpaceliftClient fits). */
export interface IntrospectionClient {
  request(query: string): Promise<{ data?: unknown; errors?: { message: string }[] }>;
}

export interface SchemaSourceOptions {
  /** The account's origin, e.g. https://acme.app.spacelift.io. */
  account: string;
  client: IntrospectionClient;
  cache: CacheStore;
  now?: () => number;
  /** How long a stored schema is used before introspecting again (default a day). */
  maxAgeMs?: number;
}

export const SCHEMA_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** After a failed re-introspection, how long the stale copy is used before trying again. */
export const STALE_RETRY_MS = 5 * 60 * 1000;

export const INTROSPECTION_QUERY = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true });

export class SchemaUnavailableError extends Error {
  override name = 'SchemaUnavailableError';
}

export function schemaCacheKey(account: string): string {
  return `graphql-schema:${account}`;
}

export class SchemaSource {
  private readonly key: string;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  /** The built schema, and when to look again. */
  private current?: { schema: GraphQLSchema; checkAfter: number };
  /** One load at a time: concurrent callers share it. */
  private pending?: Promise<GraphQLSchema>;

  constructor(private readonly options: SchemaSourceOptions) {
    this.key = schemaCacheKey(options.account);
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? SCHEMA_MAX_AGE_MS;
  }

  getSchema(): Promise<GraphQLSchema> {
    if (this.current && this.now() < this.current.checkAfter) return Promise.resolve(this.current.schema);
    return (this.pending ??= this.settle(this.load()));
  }

  /** Introspects now, whatever is stored; fails (keeping the copy in use) when that fails. */
  refresh(): Promise<GraphQLSchema> {
    return (this.pending = this.settle(this.fetchAndStore()));
  }

  private settle(loading: Promise<GraphQLSchema>): Promise<GraphQLSchema> {
    const settled = loading.finally(() => {
      if (this.pending === settled) this.pending = undefined;
    });
    return settled;
  }

  private async load(): Promise<GraphQLSchema> {
    const stored = await this.readStored();
    if (stored && this.now() - stored.fetchedAt < this.maxAgeMs) return this.use(stored.schema, stored.fetchedAt + this.maxAgeMs);
    try {
      return await this.fetchAndStore();
    } catch (error) {
      // Spacelift's schema changes rarely: a day-old copy beats no answer.
      if (stored) return this.use(stored.schema, this.now() + STALE_RETRY_MS);
      throw error;
    }
  }

  private async fetchAndStore(): Promise<GraphQLSchema> {
    const introspection = await this.introspect();
    let schema: GraphQLSchema;
    try {
      schema = buildClientSchema(introspection);
    } catch (error) {
      throw this.unavailable(`the introspection result is not a valid schema (${messageOf(error)})`);
    }
    // Storing is an optimisation: a full or broken database must not fail the answer.
    await this.options.cache.put(this.key, introspection).catch(() => undefined);
    return this.use(schema, this.now() + this.maxAgeMs);
  }

  private async introspect(): Promise<IntrospectionQuery> {
    let response: Awaited<ReturnType<IntrospectionClient['request']>>;
    try {
      response = await this.options.client.request(INTROSPECTION_QUERY);
    } catch (error) {
      throw this.unavailable(messageOf(error));
    }
    if (isIntrospection(response.data)) return response.data;
    const reasons = response.errors?.map((error) => error.message).filter(Boolean) ?? [];
    throw this.unavailable(reasons.length ? reasons.join('; ') : 'the answer has no __schema');
  }

  /** The stored copy, built; undefined when missing or unreadable (then it is introspected again). */
  private async readStored(): Promise<{ schema: GraphQLSchema; fetchedAt: number } | undefined> {
    try {
      const record = await this.options.cache.get<IntrospectionQuery>(this.key);
      if (!record || !isIntrospection(record.value)) return undefined;
      return { schema: buildClientSchema(record.value), fetchedAt: record.fetchedAt };
    } catch {
      return undefined;
    }
  }

  private use(schema: GraphQLSchema, checkAfter: number): GraphQLSchema {
    this.current = { schema, checkAfter };
    return schema;
  }

  private unavailable(reason: string): SchemaUnavailableError {
    return new SchemaUnavailableError(`Could not read the GraphQL schema of ${this.options.account}: ${reason}`);
  }
}

function isIntrospection(value: unknown): value is IntrospectionQuery {
  const schema = (value as { __schema?: { types?: unknown } } | null | undefined)?.__schema;
  return Array.isArray(schema?.types);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
