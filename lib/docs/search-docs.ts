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
  /** MiniSearch's BM25 score. Results matching every word come first, so a later one may score higher. */
  score: number;
}

export interface SearchDocsOptions {
  limit?: number;
}

/** A page and its own headings may fill at most this many results, so other pages get a say. */
const MAX_RESULTS_PER_PAGE = 2;
/** Tool results go to a model: a handful of results is plenty. */
const MAX_LIMIT = 20;
/** Models sometimes paste whole paragraphs as queries; fuzzy matching on all of it is slow and useless. */
const MAX_QUERY_LENGTH = 200;

export function searchDocs(index: DocsSearchIndex, query: string, { limit = 5 }: SearchDocsOptions = {}): DocsSearchResult[] {
  const text = query.trim().slice(0, MAX_QUERY_LENGTH);
  const maxResults = Math.min(Math.floor(limit), MAX_LIMIT);
  if (!text || !(maxResults > 0)) return [];

  // Every word must match; when that leaves room in the answer, results matching only
  // some words fill it (ranked after, as MiniSearch's OR scores them).
  const results: DocsSearchResult[] = [];
  const taken = new Set<number>();
  const resultsPerPage = new Map<string, number>();
  const collect = (hits: readonly SearchResult[]) => {
    for (const hit of hits) {
      if (results.length >= maxResults) return;
      const entry = index.entries[hit.id as number];
      if (!entry || taken.has(entry.id)) continue;
      const page = pageLocation(entry.location);
      const fromPage = resultsPerPage.get(page) ?? 0;
      if (fromPage >= MAX_RESULTS_PER_PAGE) continue;
      resultsPerPage.set(page, fromPage + 1);
      taken.add(entry.id);
      results.push(toResult(index.docsBase, entry, hit));
    }
  };
  collect(index.miniSearch.search(text, { combineWith: 'AND' }));
  if (results.length < maxResults) collect(index.miniSearch.search(text, { combineWith: 'OR' }));
  return results;
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
