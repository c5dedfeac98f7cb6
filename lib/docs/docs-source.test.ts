import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocsHandler } from '../../tests/sandbox/docs/index';
import { CacheStore } from '../db/cache-store';
import { AssistantDatabase } from '../db/database';
import { DocsSource } from './docs-source';

const INDEX_PATH = '/docs/search/search_index.json';
const HOUR = 60 * 60 * 1000;

interface DocsServer {
  origin: string;
  docsBase: string;
  requests: { path: string; ifNoneMatch?: string }[];
  stop(): Promise<void>;
}

/** The sandbox docs site on a real port, recording what it is asked. */
async function startDocsServer(): Promise<DocsServer> {
  const handler = createDocsHandler();
  const requests: DocsServer['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    requests.push({ path: new URL(req.url ?? '/', 'http://x').pathname, ifNoneMatch: req.headers['if-none-match'] });
    if (!handler(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    docsBase: `${origin}/docs`,
    requests,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

describe('DocsSource against the sandbox docs site', () => {
  let site: DocsServer;
  let db: AssistantDatabase;
  let clock: number;
  const now = () => clock;
  const indexRequests = () => site.requests.filter((request) => request.path === INDEX_PATH);
  const source = (options: Partial<ConstructorParameters<typeof DocsSource>[0]> = {}) =>
    new DocsSource({ baseUrl: site.docsBase, cache: new CacheStore(db, now), now, ...options });

  beforeEach(async () => {
    site = await startDocsServer();
    db = new AssistantDatabase(`docs-source-${Math.random()}`);
    clock = Date.UTC(2025, 0, 1);
  });

  afterEach(async () => {
    await site.stop();
    db.close();
  });

  it('fetches the index once, then serves it from memory and, in a new worker, from the Dexie cache', async () => {
    const first = source();
    const [result] = await first.search('stack dependencies');
    expect(result).toMatchObject({ title: 'Stack dependencies', url: `${site.docsBase}/concepts/stack/stack-dependencies.html` });
    await first.search('drift detection');
    expect(indexRequests()).toHaveLength(1);

    clock += HOUR;
    const afterRestart = source();
    expect((await afterRestart.search('stack dependencies'))[0]?.url).toBe(result!.url);
    expect(indexRequests()).toHaveLength(1);
  });

  it('loads once for concurrent searches', async () => {
    const docs = source();
    const answers = await Promise.all([docs.search('run'), docs.search('policy'), docs.search('context')]);
    expect(answers.every((results) => results.length > 0)).toBe(true);
    expect(indexRequests()).toHaveLength(1);
  });

  it('revalidates a stale cache with If-None-Match and keeps it on a 304', async () => {
    await source().search('stack');
    const etag = (await new CacheStore(db).get(cacheKeyOf(site.docsBase)))?.etag;
    expect(etag).toMatch(/^".+"$/);

    clock += 25 * HOUR;
    const results = await source().search('stack dependencies');
    expect(results[0]?.title).toBe('Stack dependencies');
    expect(indexRequests()).toEqual([
      { path: INDEX_PATH, ifNoneMatch: undefined },
      { path: INDEX_PATH, ifNoneMatch: etag },
    ]);
    const record = await new CacheStore(db).get(cacheKeyOf(site.docsBase));
    expect(record?.fetchedAt).toBe(clock);

    // Fresh again: the next worker does not ask at all.
    await source().search('stack');
    expect(indexRequests()).toHaveLength(2);
  });

  it('refetches over a cached index it cannot use', async () => {
    await new CacheStore(db, now).put(cacheKeyOf(site.docsBase), { format: 1, entries: [], searchIndex: '{not json' }, '"old"');
    expect((await source().search('stack dependencies'))[0]?.title).toBe('Stack dependencies');
    expect(indexRequests().map((request) => request.ifNoneMatch)).toEqual([undefined]);
  });

  it('uses the stale cache when the site is down', async () => {
    await source().search('stack');
    await site.stop();
    clock += 30 * 24 * HOUR;
    const results = await source().search('drift detection');
    expect(results[0]?.url).toBe(`${site.docsBase}/concepts/stack/drift-detection.html`);
  });

  it('says clearly when there is no index to be had', async () => {
    const wrongBase = source({ baseUrl: `${site.origin}/elsewhere` });
    await expect(wrongBase.search('stack')).rejects.toThrow(/^Could not load the Spacelift docs index from .*\/elsewhere\/search\/search_index\.json: HTTP 404/);

    await site.stop();
    const docs = source();
    await expect(docs.search('stack')).rejects.toThrow(
      new RegExp(`^Could not load the Spacelift docs index from ${escapeRegExp(site.docsBase)}/search/search_index\\.json: fetch failed`),
    );
  });

  it('refresh() fetches anew even when the cache is fresh', async () => {
    const docs = source();
    await docs.search('stack');
    await docs.refresh();
    expect(indexRequests()).toEqual([
      { path: INDEX_PATH, ifNoneMatch: undefined },
      { path: INDEX_PATH, ifNoneMatch: undefined },
    ]);
    expect((await docs.search('stack dependencies'))[0]?.title).toBe('Stack dependencies');
    expect(indexRequests()).toHaveLength(2);
  });

  describe('readPage', () => {
    it('returns the page markdown, by location or URL', async () => {
      const docs = source();
      const page = await docs.readPage('concepts/stack.html');
      expect(page).toMatchObject({ title: 'Stack', url: `${site.docsBase}/concepts/stack.html`, truncated: false, source: 'page' });
      expect(page.markdown).toMatch(/^# Stack\n\nA stack is/);
      expect(page.markdown).toContain('\n## Stack state\n');
      expect(page.markdown).toContain('`NONE`');

      const byUrl = await docs.readPage(`${site.docsBase}/concepts/policy/terraform-plan-policy.html#top`);
      expect(byUrl.url).toBe(`${site.docsBase}/concepts/policy/terraform-plan-policy.html`);
      expect(byUrl.markdown).toContain('```rego\npackage spacelift\n\ndeny contains sprintf("refusing to delete %s", [change.address]) if {');
      expect((await docs.readPage('/concepts/run.html')).title).toBe('Run');
      // Pages alone need no index.
      expect(indexRequests()).toHaveLength(0);
    });

    it("falls back to the index's text when the page has no llm-markdown-content", async () => {
      const docs = source({
        fetch: async (input, init) =>
          String(input).endsWith('/concepts/stack.html') ? new Response('<html><body><p>No markdown here</p></body></html>') : fetch(input, init),
      });
      const page = await docs.readPage('concepts/stack.html');
      expect(page.source).toBe('index');
      expect(page.title).toBe('Stack');
      expect(page.markdown).toMatch(/^# Stack\n\nA stack is the central unit of Spacelift\./);
      expect(page.markdown).toContain('\n\n## Stack state\n\nA stack shows the state');
    });

    it('falls back to the index when the page cannot be fetched, and fails clearly when there is nothing', async () => {
      const docs = source({ fetch: async (input, init) => (String(input).endsWith('.html') ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)) });
      expect((await docs.readPage('concepts/run.html')).source).toBe('index');
      await expect(docs.readPage('concepts/no-such-page.html')).rejects.toThrow(
        `Could not read the Spacelift docs page ${site.docsBase}/concepts/no-such-page.html: fetch failed`,
      );
      await expect(source().readPage('concepts/no-such-page.html')).rejects.toThrow(/: HTTP 404$/);
    });

    it('refuses pages outside the docs base, without fetching them', async () => {
      const docs = source();
      for (const outside of ['https://example.com/concepts/stack.html', `${site.origin}/other/page.html`, `${site.origin}/docsx/a.html`, '../secret.html', 'file:///etc/passwd']) {
        await expect(docs.readPage(outside), outside).rejects.toThrow(/^Refusing to read .*: only pages under the Spacelift docs \(http:\/\/127\.0\.0\.1:\d+\/docs\/\) can be read$/);
      }
      expect(site.requests).toHaveLength(0);
    });

    it('cuts very long pages with a note', async () => {
      const long = `# Long\n\n${'A line of documentation text.\n'.repeat(1000)}`;
      const html = `<div id="llm-markdown-content" data-content="${long}"></div>`;
      const docs = source({ fetch: async () => new Response(html) });
      const page = await docs.readPage('long.html');
      expect(page.truncated).toBe(true);
      expect(page.markdown.length).toBeLessThan(12_200);
      expect(page.markdown).toMatch(/\[Cut: this is the first [\d,]+ characters of 30,008\. Full page: .*\/docs\/long\.html\]$/);
    });
  });
});

function cacheKeyOf(docsBase: string): string {
  return `docs-index:1:${docsBase}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
