import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_CORPUS } from './corpus';
import { createDocsHandler, type DocsHandlerOptions } from './index';
import { renderMarkdown } from './render';
import { markdownToPlainText, slugify, type SearchIndex } from './site';
import { sharedReference } from '../../shared-reference';

const FULL_INDEX = sharedReference('spacelift/docs/search_index.json') ?? '(absent) ../shared/spacelift/docs/search_index.json';

async function startDocs(options: DocsHandlerOptions = {}): Promise<{ baseUrl: string; server: Server }> {
  const handler = createDocsHandler(options);
  const server = createServer((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(418);
      res.end('not handled');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const stop = (server: Server) => new Promise<void>((done) => server.close(() => done()));

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function llmMarkdown(html: string): string | undefined {
  const match = /<div id="llm-markdown-content" data-content="([^"]*)"/.exec(html);
  return match ? unescapeHtml(match[1]!) : undefined;
}

describe('docs site with its own corpus', () => {
  let server: Server;
  let baseUrl: string;
  let index: SearchIndex;
  let indexResponse: Response;

  beforeAll(async () => {
    ({ server, baseUrl } = await startDocs());
    indexResponse = await fetch(`${baseUrl}/docs/search/search_index.json`);
    index = (await indexResponse.json()) as SearchIndex;
  });

  afterAll(() => stop(server));

  it('serves the search index in mkdocs-material shape', () => {
    expect(indexResponse.status).toBe(200);
    expect(indexResponse.headers.get('content-type')).toContain('application/json');
    expect(index.config).toEqual({ lang: ['en'], separator: '[\\s\\-]+', pipeline: ['stopWordFilter'] });
    for (const doc of index.docs) {
      expect(Object.keys(doc).sort()).toEqual(['location', 'text', 'title']);
      expect(typeof doc.location).toBe('string');
      expect(doc.title.length).toBeGreaterThan(0);
      expect(doc.text.length).toBeGreaterThan(0);
    }
    expect(new Set(index.docs.map((doc) => doc.location)).size).toBe(index.docs.length);
  });

  it('has 30 to 40 entries: pages and, after each page, its headings', () => {
    const pages = index.docs.filter((doc) => !doc.location.includes('#'));
    const headings = index.docs.filter((doc) => doc.location.includes('#'));
    expect(index.docs.length).toBeGreaterThanOrEqual(30);
    expect(index.docs.length).toBeLessThanOrEqual(40);
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(headings.length).toBeGreaterThanOrEqual(10);
    for (const page of pages) expect(page.location === '' || page.location.endsWith('.html')).toBe(true);
    const pageLocations = new Set(pages.map((page) => page.location));
    for (const heading of headings) {
      const [pageLocation, anchor] = heading.location.split('#');
      expect(pageLocations.has(pageLocation!)).toBe(true);
      expect(anchor).toBe(slugify(heading.title));
    }
  });

  it('covers the topics the assistant gets asked about', () => {
    const allText = index.docs.map((doc) => `${doc.title} ${doc.text}`).join(' ');
    for (const term of ['UNCONFIRMED', 'DISCARDED', 'FAILED', 'Rego', 'apiKeyUser', 'Bearer', 'autodeploy', 'drift', 'Reader', 'mounted files', 'worker pool']) {
      expect(allText.toLowerCase()).toContain(term.toLowerCase());
    }
  });

  it('is fetchable cross-origin and revalidates with an ETag', async () => {
    expect(indexResponse.headers.get('access-control-allow-origin')).toBe('*');
    expect(indexResponse.headers.get('cache-control')).toContain('must-revalidate');
    const etag = indexResponse.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const revalidated = await fetch(`${baseUrl}/docs/search/search_index.json`, { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    const preflight = await fetch(`${baseUrl}/docs/search/search_index.json`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('renders a page with anchored headings and its markdown in llm-markdown-content', async () => {
    const response = await fetch(`${baseUrl}/docs/concepts/stack.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<title>Stack - Spacelift Documentation</title>');
    expect(html).toContain('<h2 id="stack-state">Stack state');
    const markdown = llmMarkdown(html);
    expect(markdown).toBeDefined();
    expect(markdown).toMatch(/^# Stack\n\nA stack is/);
    expect(markdown).toContain('\n## Stack state\n');
    expect(markdown).toContain('`NONE`');
  });

  it('keeps code blocks in the page markdown and renders them as <pre>', async () => {
    const html = await (await fetch(`${baseUrl}/docs/concepts/policy/terraform-plan-policy.html`)).text();
    expect(html).toContain('<pre><code class="language-rego">package spacelift');
    expect(llmMarkdown(html)).toContain('```rego\npackage spacelift\n\ndeny contains');
  });

  it('serves a page for every page location of the index, the home page included', async () => {
    const locations = index.docs.filter((doc) => !doc.location.includes('#')).map((doc) => doc.location);
    for (const location of locations) {
      const response = await fetch(`${baseUrl}/docs/${location}`);
      expect(response.status, location).toBe(200);
      expect(llmMarkdown(await response.text()), location).toBeDefined();
    }
    const home = await fetch(`${baseUrl}/docs/index.html`);
    expect(llmMarkdown(await home.text())).toContain('# Spacelift documentation');
  });

  it('answers 404 for unknown pages, redirects /docs, and ignores other paths', async () => {
    expect((await fetch(`${baseUrl}/docs/concepts/nope.html`)).status).toBe(404);
    const redirect = await fetch(`${baseUrl}/docs`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/docs/');
    expect((await fetch(`${baseUrl}/stacks`)).status).toBe(418);
    expect((await fetch(`${baseUrl}/docsearch`)).status).toBe(418);
  });

  it('lists the pages in llms.txt', async () => {
    const text = await (await fetch(`${baseUrl}/docs/llms.txt`)).text();
    expect(text).toContain('- [Stack](/docs/concepts/stack.html)');
    expect(text.split('\n').filter((line) => line.startsWith('- ')).length).toBe(DOCS_CORPUS.length);
  });
});

describe.skipIf(!existsSync(FULL_INDEX))('docs site with the full real index', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    ({ server, baseUrl } = await startDocs({ fullIndexPath: FULL_INDEX }));
  });

  afterAll(() => stop(server));

  it('serves that index byte for byte', async () => {
    const body = await (await fetch(`${baseUrl}/docs/search/search_index.json`)).text();
    expect(body).toBe(readFileSync(FULL_INDEX, 'utf8'));
  });

  it('builds pages from its entries', async () => {
    const index = JSON.parse(readFileSync(FULL_INDEX, 'utf8')) as SearchIndex;
    const entry = index.docs.find((doc) => doc.location.includes('.html#') && doc.text.length > 40)!;
    const [location, anchor] = entry.location.split('#');
    const html = await (await fetch(`${baseUrl}/docs/${location}`)).text();
    expect(html).toContain(`id="${anchor}"`);
    expect(llmMarkdown(html)).toContain(`## ${entry.title}\n\n${entry.text.slice(0, 40)}`);
  });
});

describe('docs helpers', () => {
  it('slugifies headings like mkdocs', () => {
    expect(slugify('Stack state')).toBe('stack-state');
    expect(slugify('1. Stack details')).toBe('1-stack-details');
    expect(slugify('Authorization & RBAC')).toBe('authorization-rbac');
  });

  it('turns markdown into plain index text', () => {
    expect(markdownToPlainText('Use **Confirm** or `runConfirm`, see [runs](concepts/run.html).\n\n- a\n- b')).toBe(
      'Use Confirm or runConfirm, see runs. - a - b',
    );
  });

  it('renders lists, inline code and fenced code with blank lines', () => {
    const html = renderMarkdown('Intro with `code` & <tags>.\n\n- one\n- two\n\n```graphql\nquery {\n\n  x\n}\n```', '/docs');
    expect(html).toContain('<p>Intro with <code>code</code> &amp; &lt;tags&gt;.</p>');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<pre><code class="language-graphql">query {\n\n  x\n}</code></pre>');
  });
});
