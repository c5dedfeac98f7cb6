import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebAppHandler } from './index';
import { QUERIES } from './queries.js';
import { findUnknownFields, operationName, pruneFields } from './graphql-client.js';
import { sharedReference } from '../../shared-reference';

const APP_DIR = dirname(fileURLToPath(import.meta.url));
const SHARED_SCHEMA = sharedReference('spacelift/schema.graphql') ?? '(absent) ../shared/spacelift/schema.graphql';

describe('web app handler', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    const handler = createWebAppHandler();
    server = createServer((req, res) => {
      if (!handler(req, res)) {
        res.writeHead(418);
        res.end('not handled');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it.each(['/', '/stacks', '/stack/prod-network', '/stack/prod-network/run/01HXYZ', '/no/such/page'])(
    'serves index.html for the app route %s',
    async (path) => {
      const response = await fetch(baseUrl + path, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('set-cookie')).toBeNull();
      const html = await response.text();
      expect(html).toContain('<main id="main"');
      expect(html).toContain('src="/_app/app.js"');
    },
  );

  it.each([
    ['/_app/app.js', 'text/javascript; charset=utf-8'],
    ['/_app/pages/run.js', 'text/javascript; charset=utf-8'],
    ['/_app/queries.js', 'text/javascript; charset=utf-8'],
    ['/_app/styles.css', 'text/css; charset=utf-8'],
    ['/_app/favicon.svg', 'image/svg+xml'],
  ])('serves the asset %s as %s', async (path, contentType) => {
    const response = await fetch(baseUrl + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect((await response.text()).length).toBeGreaterThan(0);
  });

  it.each(['/_app/missing.js', '/_app/index.ts', '/_app/webapp.test.ts', '/_app/..%2f..%2fserver.ts', '/_app/pages'])(
    'answers 404 for %s',
    async (path) => {
      const response = await fetch(baseUrl + path);
      expect(response.status).toBe(404);
    },
  );

  it('leaves non-GET requests to others', async () => {
    const response = await fetch(`${baseUrl}/stacks`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(418);
  });

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${baseUrl}/_app/app.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('every relative import of the browser modules points to an existing file', () => {
    const files = listJsFiles(APP_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        expect(existsSync(resolve(dirname(file), specifier!)), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });
});

describe('GraphQL documents (queries.js)', () => {
  const entries = Object.entries(QUERIES);

  it('are all valid GraphQL, one named operation each, keyed by that name', () => {
    expect(entries.length).toBeGreaterThan(15);
    for (const [name, document] of entries) {
      const operations = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      expect(operations).toHaveLength(1);
      expect(operations[0]!.name?.value).toBe(name);
      expect(operationName(document)).toBe(name);
    }
  });

  it.skipIf(!existsSync(SHARED_SCHEMA))('validate against the reference Spacelift schema', () => {
    const schema = buildSchema(readFileSync(SHARED_SCHEMA, 'utf8'));
    for (const [name, document] of entries) {
      const errors = validate(schema, parse(document)).map((error) => error.message);
      expect(errors, name).toEqual([]);
    }
  });
});

describe('graceful degradation (graphql-client.js)', () => {
  it('reads unknown fields from graphql-js validation errors', () => {
    const errors = [
      { message: 'Cannot query field "stateSetAt" on type "Stack".' },
      { message: 'Cannot query field "delta" on type "Run". Did you mean "data"?' },
      { message: 'Something else' },
    ];
    expect(findUnknownFields(errors)).toEqual([
      { field: 'stateSetAt', type: 'Stack' },
      { field: 'delta', type: 'Run' },
    ]);
  });

  it('drops a field with its arguments and sub-selection, keeping the document valid', () => {
    const schema = buildSchema(`
      type Query { stack(id: ID!): Stack }
      type Stack { id: ID! name: String! }
    `);
    const document = 'query Stack($id: ID!) { stack(id: $id) { id name trackedCommit { hash } labels } }';
    const pruned = pruneFields(document, ['trackedCommit', 'labels']);
    expect(validate(schema, parse(pruned))).toEqual([]);
    expect(pruned).toContain('stack ( id : $ id )');
  });

  it('keeps a selection set valid when all of its fields are dropped', () => {
    const pruned = pruneFields('query Q { stack(id: "x") { outputs { id value } } }', ['id', 'value']);
    expect(() => parse(pruned)).not.toThrow();
    expect(pruned).toContain('__typename');
  });

  it('never touches argument or variable names', () => {
    const pruned = pruneFields(QUERIES.RunLogs!, ['state', 'token']);
    expect(pruned).toContain('logs ( state : $ state');
    expect(() => parse(pruned)).not.toThrow();
  });
});

function listJsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listJsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}
