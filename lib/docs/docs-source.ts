// The Spacelift docs as the assistant sees them: a search index loaded once per
// worker life (from the Dexie cache when it can), and pages read as markdown.

import type { CacheStore } from '../db/cache-store';
import type { CacheRecord } from '../db/database';
import { buildSearchIndex, loadSearchIndex, normalizeIndex, pageLocation, type DocEntry, type DocsSearchIndex } from './docs-index';
import { capMarkdown, extractHtmlTitle, extractLlmMarkdown, firstMarkdownHeading } from './page-markdown';
import { docsUrl, searchDocs, type DocsSearchResult } from './search-docs';

export interface DocsSourceOptions {
  /** Where the docs live, e.g. "https://docs.spacelift.io". Pages outside it are refused. */
  baseUrl: string;
  cache: CacheStore;
  fetch?: typeof fetch;
  now?: () => number;
  /** How long a cached index is used without asking the server; then it is revalidated. */
  maxAgeMs?: number;
  timeoutMs?: number;
}

export interface DocsPage {
  title: string;
  url: string;
  markdown: string;
  /** True when the markdown was cut to fit; it then ends with a note saying so. */
  truncated: boolean;
  /** "index" when the page itself had no markdown (or failed) and the index's text stands in. */
  source: 'page' | 'index';
}

/**
 * The cache holds the normalized entries and the serialised MiniSearch index, not the
 * entries alone: on the real index (2,647 entries) MiniSearch.loadJSON restores in
 * 70–120 ms where re-indexing the entries takes 260–460 ms (bench/docs-search.ts). The
 * index is kept as a JSON string because IndexedDB clones one string far faster than
 * MiniSearch's tree of small arrays. Entries stay a separate field: snippets and the
 * page fallback need their text, which the MiniSearch index does not store.
 */
interface CachedDocsIndex {
  format: typeof CACHE_FORMAT;
  entries: DocEntry[];
  searchIndex: string;
}

/** Bump whenever tokenizing or the entry shape changes: older cached indexes are then refetched. */
const CACHE_FORMAT = 1;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_PAGE_CHARS = 12_000;

type Fetched = { kind: 'fresh'; index: DocsSearchIndex; cached: CachedDocsIndex; etag?: string } | { kind: 'not-modified' };

export class DocsSource {
  readonly baseUrl: string;
  private readonly cache: CacheStore;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly timeoutMs: number;
  private loading?: Promise<DocsSearchIndex>;

  constructor(options: DocsSourceOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.cache = options.cache;
    // Called unbound: `this.fetch = window.fetch` would throw "Illegal invocation" in browsers.
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? DAY_MS;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  get indexUrl(): string {
    return `${this.baseUrl}/search/search_index.json`;
  }

  private get cacheKey(): string {
    return `docs-index:${CACHE_FORMAT}:${this.baseUrl}`;
  }

  async search(query: string, limit = 5): Promise<DocsSearchResult[]> {
    return searchDocs(await this.getIndex(), query, { limit });
  }

  /** The search index, loaded at most once per worker life (again only after a failure). */
  getIndex(): Promise<DocsSearchIndex> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** Fetches the index anew, whatever the cache holds. */
  async refresh(): Promise<void> {
    const index = await this.fetchAndStore();
    this.loading = Promise.resolve(index);
  }

  /** A fresh cache as is; a stale one revalidated (304 → touch); none fetched; on network trouble, any cache. */
  private async load(): Promise<DocsSearchIndex> {
    let cached = await this.readCache();
    if (cached && this.now() - cached.fetchedAt < this.maxAgeMs) {
      const restored = this.restore(cached.value);
      if (restored) return restored;
      cached = undefined; // Unreadable: fetch it whole rather than revalidate it.
    }
    let fetched: Fetched;
    try {
      fetched = await this.fetchIndex(cached?.etag);
    } catch (error) {
      // Offline or the site is down: an old index beats no docs at all.
      const stale = cached && this.restore(cached.value);
      if (stale) return stale;
      throw error;
    }
    if (fetched.kind === 'fresh') {
      await this.store(fetched);
      return fetched.index;
    }
    await this.cache.touch(this.cacheKey).catch(() => undefined);
    const revalidated = cached && this.restore(cached.value);
    if (revalidated) return revalidated;
    // A 304 for a cache we cannot read: fetch it whole.
    return this.fetchAndStore();
  }

  private async fetchAndStore(): Promise<DocsSearchIndex> {
    const fetched = await this.fetchIndex();
    if (fetched.kind !== 'fresh') throw this.loadError('the server answered 304 to an unconditional request');
    await this.store(fetched);
    return fetched.index;
  }

  private async fetchIndex(etag?: string): Promise<Fetched> {
    let response: Response;
    try {
      response = await this.fetch(this.indexUrl, {
        headers: etag ? { 'If-None-Match': etag } : {},
        // We revalidate with our own ETag; the browser's HTTP cache would only get in the way.
        cache: 'no-store',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw this.loadError(describeFetchError(error, this.timeoutMs));
    }
    if (response.status === 304 && etag) return { kind: 'not-modified' };
    if (!response.ok) throw this.loadError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    let raw: unknown;
    try {
      raw = await response.json();
    } catch {
      throw this.loadError('the response is not JSON');
    }
    let entries: DocEntry[];
    try {
      entries = normalizeIndex(raw);
    } catch (error) {
      throw this.loadError(errorMessage(error));
    }
    const miniSearch = buildSearchIndex(entries);
    const cached: CachedDocsIndex = { format: CACHE_FORMAT, entries, searchIndex: JSON.stringify(miniSearch) };
    return { kind: 'fresh', index: { docsBase: this.baseUrl, entries, miniSearch }, cached, etag: response.headers.get('etag') ?? undefined };
  }

  private loadError(reason: string): Error {
    return new Error(`Could not load the Spacelift docs index from ${this.indexUrl}: ${reason}`);
  }

  private async readCache(): Promise<CacheRecord<CachedDocsIndex> | undefined> {
    try {
      const record = await this.cache.get<CachedDocsIndex>(this.cacheKey);
      const value = record?.value;
      const usable = value?.format === CACHE_FORMAT && Array.isArray(value.entries) && typeof value.searchIndex === 'string';
      return usable ? record : undefined;
    } catch {
      return undefined;
    }
  }

  private restore(cached: CachedDocsIndex): DocsSearchIndex | undefined {
    try {
      return { docsBase: this.baseUrl, entries: cached.entries, miniSearch: loadSearchIndex(cached.searchIndex) };
    } catch {
      return undefined;
    }
  }

  private async store(fetched: Extract<Fetched, { kind: 'fresh' }>): Promise<void> {
    // A full or broken IndexedDB costs a refetch next time, not this answer.
    await this.cache.put(this.cacheKey, fetched.cached, fetched.etag).catch(() => undefined);
  }

  /**
   * A docs page as markdown, by URL (under the docs base only) or by location
   * ("concepts/stack.html#stack-state"). Long pages are cut to ~12,000 characters.
   */
  async readPage(urlOrLocation: string): Promise<DocsPage> {
    const { url, location, anchor } = this.resolvePage(urlOrLocation);
    let html: string | undefined;
    let failure: string | undefined;
    try {
      const response = await this.fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (response.ok) html = await response.text();
      else failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = describeFetchError(error, this.timeoutMs);
    }

    const pageMarkdown = html === undefined ? undefined : extractLlmMarkdown(html);
    if (pageMarkdown?.trim()) {
      const title = firstMarkdownHeading(pageMarkdown) ?? (html && extractHtmlTitle(html)) ?? (await this.indexedPageTitle(location)) ?? location;
      return { title, url, source: 'page', ...capMarkdown(pageMarkdown, MAX_PAGE_CHARS, { url, anchor }) };
    }
    const fromIndex = await this.markdownFromIndex(location);
    if (fromIndex) return { title: fromIndex.title, url, source: 'index', ...capMarkdown(fromIndex.markdown, MAX_PAGE_CHARS, { url, anchor }) };
    throw new Error(`Could not read the Spacelift docs page ${url}: ${failure ?? 'it has no llm-markdown-content and is not in the docs index'}`);
  }

  /** Absolute page URL under the docs base, its location relative to it, and the #anchor if any. */
  private resolvePage(urlOrLocation: string): { url: string; location: string; anchor?: string } {
    const base = new URL(`${this.baseUrl}/`);
    const input = urlOrLocation.trim();
    let target: URL;
    try {
      // A bare location is relative to the docs base, even with a leading "/".
      target = /^[a-z][a-z\d+.-]*:/i.test(input) ? new URL(input) : new URL(input.replace(/^\/+/, ''), base);
    } catch {
      throw new Error(`Not a docs page URL or location: "${urlOrLocation}"`);
    }
    const insideBase = target.origin === base.origin && (target.pathname.startsWith(base.pathname) || `${target.pathname}/` === base.pathname);
    if (!insideBase || !/^https?:$/.test(target.protocol)) {
      throw new Error(`Refusing to read ${target.href}: only pages under the Spacelift docs (${this.baseUrl}/) can be read`);
    }
    const path = target.pathname.slice(base.pathname.length);
    const relative = path === 'index.html' ? '' : path;
    const anchor = target.hash ? safeDecode(target.hash.slice(1)) : undefined;
    return { url: docsUrl(this.baseUrl, relative), location: safeDecode(relative), anchor };
  }

  private async indexedPageTitle(location: string): Promise<string | undefined> {
    const entries = await this.entriesOrNothing();
    return entries.find((entry) => entry.location === location)?.pageTitle;
  }

  /** The page rebuilt from its index entries: the text under "# Page", then each "## Heading". */
  private async markdownFromIndex(location: string): Promise<{ title: string; markdown: string } | undefined> {
    const entries = (await this.entriesOrNothing()).filter((entry) => pageLocation(entry.location) === location);
    if (entries.length === 0) return undefined;
    const title = entries[0]!.pageTitle;
    const parts: string[] = [];
    for (const entry of entries) {
      parts.push(entry.section ? `## ${entry.section}` : `# ${entry.pageTitle}`);
      if (entry.text) parts.push(entry.text);
    }
    if (!entries.some((entry) => !entry.section)) parts.unshift(`# ${title}`);
    return { title, markdown: `${parts.join('\n\n')}\n` };
  }

  private async entriesOrNothing(): Promise<readonly DocEntry[]> {
    try {
      return (await this.getIndex()).entries;
    } catch {
      return [];
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${errorMessage(error)} (${detail})` : errorMessage(error);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
