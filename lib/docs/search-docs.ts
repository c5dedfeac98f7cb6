// Searching the docs for the assistant's search_docs tool: few, varied, compact results.

import type { SearchResult } from 'minisearch';
import { displayTitle, pageLocation, type DocEntry, type DocsSearchIndex } from './docs-index';
import { makeSnippet } from './snippet';

export interface DocsSearchResult {
  /** "Page title › Heading". */
  title: string;
  url: string;
  /** ~200 characters of plain text around the matched words. */
  snippet: string;
  /** MiniSearch's BM25 score of the entry (pages also rank by their other matching entries). */
  score: number;
}

export interface SearchDocsOptions {
  limit?: number;
}

/** Tool results go to a model: a handful of results is plenty. */
const MAX_LIMIT = 20;
/** Models sometimes paste whole paragraphs as queries; fuzzy matching on all of it is slow and useless. */
const MAX_QUERY_LENGTH = 200;
/**
 * A page's own entry (its introduction) weighs this much more than one of its headings:
 * "what is X" and "how do I X" are answered by the page about X far more often than by
 * one heading somewhere that happens to hold the words.
 */
const PAGE_ENTRY_BOOST = 2;
/**
 * A page ranks by its best entry plus this share of its other entries' scores: a page
 * with many sections about the query's words is about them.
 */
const PAGE_EVIDENCE_SHARE = 0.05;

/**
 * One result per page (its best-matching entry), pages ranked by their best entry and,
 * a little, by how much else of them matched. Words are OR-ed: MiniSearch already scores
 * an entry by how many of the query's words it holds, and requiring all of them fails on
 * questions, whose extra words ("use", "someone") are missing from the page that answers.
 * Measured on the real docs index with 65 users' questions (bench/docs-search.ts):
 * top-3 hits 77% → 85%, MRR 0.68 → 0.80 against AND-first with two entries per page.
 */
export function searchDocs(index: DocsSearchIndex, query: string, { limit = 5 }: SearchDocsOptions = {}): DocsSearchResult[] {
  const text = query.trim().slice(0, MAX_QUERY_LENGTH);
  const maxResults = Math.min(Math.floor(limit), MAX_LIMIT);
  if (!text || !(maxResults > 0)) return [];

  const hits = index.miniSearch.search(text, {
    combineWith: 'OR',
    boostDocument: (id) => (index.entries[id as number]?.section ? 1 : PAGE_ENTRY_BOOST),
  });
  const pages = new Map<string, { best: SearchResult; entry: DocEntry; rest: number }>();
  for (const hit of hits) {
    const entry = index.entries[hit.id as number];
    if (!entry) continue;
    const page = pageLocation(entry.location);
    const seen = pages.get(page);
    // Hits come best first, so the first of a page is its best.
    if (seen) seen.rest += hit.score;
    else pages.set(page, { best: hit, entry, rest: 0 });
  }
  const rank = (page: { best: SearchResult; rest: number }) => page.best.score + PAGE_EVIDENCE_SHARE * page.rest;
  return [...pages.values()]
    .sort((a, b) => rank(b) - rank(a))
    .slice(0, maxResults)
    .map((page) => toResult(index.docsBase, page.entry, page.best));
}

function toResult(docsBase: string, entry: DocEntry, hit: SearchResult): DocsSearchResult {
  return {
    title: displayTitle(entry),
    url: docsUrl(docsBase, entry.location),
    snippet: makeSnippet(entry.text, hit.terms),
    score: Math.round(hit.score * 100) / 100,
  };
}

export function docsUrl(docsBase: string, location: string): string {
  return `${docsBase.replace(/\/+$/, '')}/${location}`;
}
