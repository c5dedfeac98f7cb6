import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createGraphQLServer } from './graphql/index';
import { mintSessionToken, SANDBOX_USERS } from './graphql/auth';
import { createWebAppHandler } from './webapp/index';
import { createDocsHandler } from './docs/index';
import { ScriptedModel } from './model/scripted-model';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Serve this mkdocs search_index.json instead of the sandbox's own small docs corpus. */
  fullDocsIndex?: string;
  tokenTtlSeconds?: number;
  /**
   * 'spacelift-io': serve HTTPS as `https://acme.app.spacelift.io:<port>` with the test
   * certificate in tests/sandbox/tls/, for a browser that maps the real host names to
   * 127.0.0.1 (see tests/e2e/real-host.e2e.ts).
   */
  tls?: 'spacelift-io';
}

export interface Sandbox {
  /** The web app as the browser sees it: a `*.spacelift.localhost` host, matched by the extension. */
  appUrl: string;
  /** Same server by IP, for Node-side clients that do not resolve `*.localhost`. */
  apiUrl: string;
  port: number;
  model: ScriptedModel;
  graphql: ReturnType<typeof createGraphQLServer>;
  /** How many times the docs search index was fetched. */
  docsIndexFetches: () => number;
  close(): Promise<void>;
}

export const SANDBOX_HOST = 'spacelift.localhost';
/** The account host the HTTPS sandbox poses as. */
export const SANDBOX_TLS_HOST = 'acme.app.spacelift.io';
const SESSION_COOKIE = 'spacelift_session';

/** The local Spacelift stand-in: web app, GraphQL API, docs site and a scripted model on one port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const graphql = createGraphQLServer({ tokenTtlSeconds: options.tokenTtlSeconds });
  const model = new ScriptedModel();
  const docs = createDocsHandler({ fullIndexPath: options.fullDocsIndex });
  const webApp = createWebAppHandler();
  let indexFetches = 0;
  // The browser session of the sandbox's signed-in user (an admin), as the real app has one.
  const sessionToken = await mintSessionToken(SANDBOX_USERS.admin.id, { ttlSeconds: 24 * 3600 });

  const handler: RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'OPTIONS') return preflight(res);
    if (path === '/graphql') return void graphql.yoga(req, res);
    if (path.startsWith('/v1/') || path.startsWith('/ollama/v1/') || path.startsWith('/__model/')) {
      return void readBody(req).then((body) => {
        if (!model.handle(req, res, body)) notFound(res);
      });
    }
    if (path === '/docs/search/search_index.json') indexFetches++;
    if (docs(req, res)) return;
    if (req.method === 'GET' && !hasCookie(req, SESSION_COOKIE)) {
      // The real app's browser session: the sandbox's web app queries /graphql with it.
      res.setHeader('set-cookie', `${SESSION_COOKIE}=${sessionToken}; Path=/; HttpOnly; SameSite=Lax`);
    }
    if (webApp(req, res)) return;
    notFound(res);
  };
  const server = options.tls ? createHttpsServer(testCertificate(), handler) : createServer(handler);

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    appUrl: options.tls ? `https://${SANDBOX_TLS_HOST}:${port}` : `http://${SANDBOX_HOST}:${port}`,
    apiUrl: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    model,
    graphql,
    docsIndexFetches: () => indexFetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function testCertificate(): { key: Buffer; cert: Buffer } {
  const dir = resolve(import.meta.dirname, 'tls');
  return { key: readFileSync(resolve(dir, 'key.pem')), cert: readFileSync(resolve(dir, 'cert.pem')) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function hasCookie(req: IncomingMessage, name: string): boolean {
  return (req.headers.cookie ?? '').split(';').some((c) => c.trim().startsWith(`${name}=`));
}

function preflight(res: ServerResponse): void {
  res.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, spacelift-client-type, spacelift-graphql-query',
    'access-control-max-age': '600',
  });
  res.end();
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
}
