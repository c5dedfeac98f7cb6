// A stand-in for docs.spacelift.io (mkdocs-material) under /docs on the sandbox:
//   /docs/search/search_index.json   the search index, CORS-open, with an ETag
//   /docs/<location>                 one HTML page per page of the index
//   /docs/llms.txt                   a list of the pages
// By default it serves its own small corpus; `fullIndexPath` serves a real index instead.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DOCS_CORPUS } from './corpus';
import { pageUrl, renderNotFound, renderPage } from './render';
import { isSearchIndex, pagesFromCorpus, pagesFromSearchIndex, searchIndexFor, type SitePage } from './site';

export interface DocsHandlerOptions {
  /** A mkdocs search_index.json to serve (and build pages from) instead of the own corpus. */
  fullIndexPath?: string;
  /** Where the site lives on the server; defaults to "/docs". */
  basePath?: string;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

interface Asset {
  body: string;
  contentType: string;
  etag: string;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': 'ETag',
};

export function createDocsHandler(options: DocsHandlerOptions = {}): RequestHandler {
  const basePath = (options.basePath ?? '/docs').replace(/\/+$/, '');
  const { indexJson, pages } = loadSite(options.fullIndexPath);
  const pagesByLocation = new Map(pages.map((page) => [page.location, page]));
  const index = asset(indexJson, 'application/json; charset=utf-8');
  const llmsTxt = asset(renderLlmsTxt(pages, basePath), 'text/plain; charset=utf-8');
  const renderedPages = new Map<string, Asset>();

  const pageAsset = (location: string): Asset | null => {
    const page = pagesByLocation.get(location);
    if (!page) return null;
    let rendered = renderedPages.get(location);
    if (!rendered) {
      rendered = asset(renderPage(page, pages, basePath), 'text/html; charset=utf-8');
      renderedPages.set(location, rendered);
    }
    return rendered;
  };

  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://sandbox.local').pathname;
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return false;

    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'Access-Control-Max-Age': '600' });
      res.end();
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD, OPTIONS', ...CORS_HEADERS });
      res.end();
      return true;
    }
    if (pathname === basePath) {
      res.writeHead(301, { Location: `${basePath}/` });
      res.end();
      return true;
    }

    const relative = decodeSafely(pathname.slice(basePath.length + 1));
    if (relative === 'search/search_index.json') return serve(req, res, index);
    if (relative === 'llms.txt') return serve(req, res, llmsTxt);
    const location = relative === 'index.html' ? '' : relative;
    const found = location === null ? null : location === '' ? (pageAsset('') ?? homeFallback()) : pageAsset(location);
    if (found) return serve(req, res, found);

    const notFound = renderNotFound(basePath);
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(notFound), ...CORS_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : notFound);
    return true;
  };

  /** An index without a home page still gets one: the first page. */
  function homeFallback(): Asset | null {
    return pages[0] ? pageAsset(pages[0].location) : null;
  }
}

function loadSite(fullIndexPath: string | undefined): { indexJson: string; pages: SitePage[] } {
  if (!fullIndexPath) {
    const pages = pagesFromCorpus(DOCS_CORPUS);
    return { indexJson: JSON.stringify(searchIndexFor(pages)), pages };
  }
  // Served byte for byte, so clients see exactly the real index.
  const indexJson = readFileSync(fullIndexPath, 'utf8');
  const parsed: unknown = JSON.parse(indexJson);
  if (!isSearchIndex(parsed)) throw new Error(`${fullIndexPath} is not a mkdocs search index ({ docs: [{ location, title, text }] })`);
  return { indexJson, pages: pagesFromSearchIndex(parsed) };
}

function asset(body: string, contentType: string): Asset {
  return { body, contentType, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"` };
}

/** Answers 304 when the client already holds this version. */
function serve(req: IncomingMessage, res: ServerResponse, { body, contentType, etag }: Asset): true {
  const headers = {
    ...CORS_HEADERS,
    'Content-Type': contentType,
    ETag: etag,
    // Clients may keep a copy but must revalidate it (cheap thanks to the ETag).
    'Cache-Control': 'public, max-age=0, must-revalidate',
  };
  const known = req.headers['if-none-match'];
  if (known && known.split(',').some((tag) => tag.trim() === etag)) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

function decodeSafely(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function renderLlmsTxt(pages: readonly SitePage[], basePath: string): string {
  const lines = ['# Spacelift Documentation (sandbox)', '', '## Pages', ''];
  for (const page of pages) lines.push(`- [${page.title}](${pageUrl(basePath, page.location)})`);
  return lines.join('\n') + '\n';
}
