// The sandbox's Spacelift-like GraphQL endpoint. `yoga` is a fetch handler and a Node request
// listener at /graphql; the sandbox's HTTP server routes /graphql to it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { createSchema, createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { authenticate, DEFAULT_TOKEN_TTL_SECONDS, unixNow, type Authentication } from './auth';
import { resolvers, type SandboxContext } from './resolvers';
import { createSeedStore, type SeedStore } from './seed';

export const SANDBOX_SCHEMA_PATH = fileURLToPath(new URL('./schema.graphql', import.meta.url));
export const GRAPHQL_ENDPOINT = '/graphql';

export function readSandboxSchemaSDL(): string {
  return readFileSync(SANDBOX_SCHEMA_PATH, 'utf8');
}

/** One received GraphQL operation, so tests can assert what the extension asked. */
export interface GraphQLRequestLogEntry {
  /** As sent, or else the name of the document's single operation. */
  operationName: string | null;
  query: string | null;
  variables: Record<string, unknown> | null;
  /** The authenticated caller, or null (anonymous, bad or expired credentials). */
  userId: string | null;
  /** Unix seconds, from the server's clock. */
  at: number;
}

/** The name of the operation a request runs: the explicit one, else the document's only operation's. */
function operationNameOf(query: string | undefined, explicit: string | undefined): string | null {
  if (explicit) return explicit;
  if (!query) return null;
  try {
    const operations = parse(query).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    return operations.length === 1 ? (operations[0]?.name?.value ?? null) : null;
  } catch {
    return null;
  }
}

export interface GraphQLServerOptions {
  /** Data to serve and mutate; a fresh seed copy by default. */
  store?: SeedStore;
  /** Lifetime of tokens minted by apiKeyUser (default 3600). */
  tokenTtlSeconds?: number;
  /** Current time in Unix seconds (default: the wall clock); drives token expiry. */
  now?: () => number;
}

export interface GraphQLServer {
  yoga: YogaServerInstance<object, SandboxContext>;
  store: SeedStore;
  requests: GraphQLRequestLogEntry[];
}

export function createGraphQLServer(options: GraphQLServerOptions = {}): GraphQLServer {
  const store = options.store ?? createSeedStore();
  const now = options.now ?? unixNow;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const requests: GraphQLRequestLogEntry[] = [];

  // Checked once per HTTP request, shared by the request log and the resolvers' context.
  const authentications = new WeakMap<Request, Promise<Authentication>>();
  const authenticationOf = (request: Request) => {
    let pending = authentications.get(request);
    if (!pending) {
      pending = authenticate(request, now);
      authentications.set(request, pending);
    }
    return pending;
  };

  const requestLog: Plugin = {
    async onParams({ params, request }) {
      const authentication = await authenticationOf(request);
      requests.push({
        operationName: operationNameOf(params.query, params.operationName),
        query: params.query ?? null,
        variables: (params.variables as Record<string, unknown> | undefined) ?? null,
        userId: authentication.status === 'authenticated' ? authentication.user.id : null,
        at: now(),
      });
    },
  };

  const yoga = createYoga<object, SandboxContext>({
    schema: createSchema<SandboxContext>({ typeDefs: readSandboxSchemaSDL(), resolvers }),
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    graphiql: false,
    landingPage: false,
    // Any origin, with credentials: the extension calls from its own origin with a Bearer token,
    // the sandbox's pages with the session cookie.
    cors: { origin: '*', credentials: true },
    plugins: [requestLog],
    context: async ({ request }) => ({ store, now, tokenTtlSeconds, authentication: await authenticationOf(request) }),
  });

  return { yoga, store, requests };
}

export {
  accessLevelIn,
  DEFAULT_TOKEN_TTL_SECONDS,
  mintSessionToken,
  mintToken,
  SANDBOX_API_KEYS,
  SANDBOX_USERS,
  SESSION_COOKIE_NAME,
  type SandboxApiKey,
  type SandboxUser,
} from './auth';
export { createSeedStore, SEED, SEED_EPOCH, SEED_RUN_IDS, SEED_SPACE_IDS, SEED_WORKER_POOL_IDS, type SeedStore } from './seed';
export { blockerOf, runsOfStack, stackStateOf } from './store-queries';
