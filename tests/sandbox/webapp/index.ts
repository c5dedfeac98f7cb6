// Serves the sandbox's Spacelift-like web app: static files under /_app/ and
// index.html for every other GET, since the app routes on the client side.
// It never sets cookies: the sandbox server owns the session.

import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_DIR = fileURLToPath(new URL('.', import.meta.url));
export const ASSET_PREFIX = '/_app/';

/** Only browser files are served; the .ts sources next to them are not. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createWebAppHandler(): RequestHandler {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = new URL(req.url ?? '/', 'http://sandbox.local').pathname;

    if (pathname.startsWith(ASSET_PREFIX)) {
      const file = resolveAsset(pathname.slice(ASSET_PREFIX.length));
      if (!file) {
        send(req, res, 404, 'text/plain; charset=utf-8', 'Not found');
      } else {
        send(req, res, 200, file.contentType, readFileSync(file.path));
      }
      return true;
    }

    send(req, res, 200, 'text/html; charset=utf-8', readFileSync(join(APP_DIR, 'index.html')));
    return true;
  };
}

/** Maps "pages/run.js" to a file of the app, or null (unknown type, outside the app, missing). */
function resolveAsset(relativePath: string): { path: string; contentType: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  const contentType = CONTENT_TYPES[extname(decoded)];
  const path = normalize(join(APP_DIR, decoded));
  if (!contentType || !path.startsWith(APP_DIR.endsWith(sep) ? APP_DIR : APP_DIR + sep)) return null;
  try {
    return statSync(path).isFile() ? { path, contentType } : null;
  } catch {
    return null;
  }
}

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string | Buffer) {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    // Files are read from disk on every request, so edits show up on reload.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
