// A short extract of an entry's text around the words a query matched.

import { processTerm, WORD } from './terms';

interface Hit {
  start: number;
  end: number;
  term: string;
}

/**
 * About `maxLength` characters of `text` covering as many distinct matched terms as
 * fit, cut at word boundaries (matched words stay whole), "…" where text was cut.
 * `matchedTerms` are index terms, as in MiniSearch's `result.terms`.
 */
export function makeSnippet(text: string, matchedTerms: Iterable<string>, maxLength = 200): string {
  if (text.length <= maxLength) return text;
  const hits = findHits(text, new Set(matchedTerms));
  if (hits.length === 0) return cut(text, 0, maxLength, 0, 0);

  const { first, last } = bestWindow(hits, maxLength);
  const span = hits[last]!.end - hits[first]!.start;
  // Some context before the first match, but never at the expense of a later match.
  const lead = Math.min(40, Math.max(0, maxLength - span));
  const start = Math.max(0, hits[first]!.start - lead);
  return cut(text, start, start + maxLength, hits[first]!.start, hits[last]!.end);
}

function findHits(text: string, terms: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  if (terms.size === 0) return hits;
  for (const match of text.matchAll(WORD)) {
    const term = processTerm(match[0]);
    if (term !== null && terms.has(term)) hits.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return hits;
}

/** The run of hits fitting in `maxLength` characters with the most distinct terms (earliest on ties). */
function bestWindow(hits: readonly Hit[], maxLength: number): { first: number; last: number } {
  let best = { first: 0, last: 0, distinct: 0 };
  for (let first = 0; first < hits.length; first++) {
    const distinct = new Set<string>();
    let last = first;
    for (let next = first; next < hits.length && hits[next]!.end - hits[first]!.start <= maxLength; next++) {
      distinct.add(hits[next]!.term);
      last = next;
    }
    if (distinct.size > best.distinct) best = { first, last, distinct: distinct.size };
  }
  return best;
}

/** text[start, end) moved inward to word boundaries, without cutting into [keepFrom, keepTo). */
function cut(text: string, start: number, end: number, keepFrom: number, keepTo: number): string {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  if (from > 0) {
    const space = text.indexOf(' ', from - 1);
    if (space !== -1 && space < keepFrom) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= keepTo && space > from) to = space;
  }
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
