import { tokenize } from './tokenize';

/** A highlighted stretch of a text: [start, end) in UTF-16 offsets, ready for `text.slice(start, end)` in a <mark>. */
export interface HighlightRange {
  start: number;
  end: number;
}

/** Which query word a term matches (its index), or -1. */
export type TermMatcher = (term: string) => number;

/**
 * Where the matching words of a text are. Words of one identifier split by
 * the tokenizer (`prod-network`, `aws_s3_bucket`) come back as one range when
 * both sides match and only one non-space character separates them.
 */
export function highlightRanges(text: string, match: TermMatcher): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const token of tokenize(text)) {
    if (match(token.term) < 0) continue;
    const last = ranges[ranges.length - 1];
    if (last && token.start - last.end === 1 && !/\s/.test(text[last.end]!)) last.end = token.end;
    else ranges.push({ start: token.start, end: token.end });
  }
  return ranges;
}

export interface Snippet {
  text: string;
  highlights: HighlightRange[];
}

const CONTEXT_BEFORE = 40;

/**
 * A short excerpt of a message around its best match: the window of at most
 * `maxLength` characters holding the most distinct query words (the first
 * such window), cut at word boundaries, with "…" where text was cut.
 * Whitespace is collapsed first; offsets are into the returned text.
 */
export function makeSnippet(fullText: string, match: TermMatcher, maxLength = 180): Snippet {
  const text = fullText.replace(/\s+/g, ' ').trim();
  const hits = tokenize(text)
    .map((token) => ({ ...token, word: match(token.term) }))
    .filter((token) => token.word >= 0);
  if (text.length <= maxLength) return { text, highlights: highlightRanges(text, match) };

  let from = 0;
  if (hits.length > 0) {
    let best = -1;
    let bestStart = 0;
    for (let i = 0; i < hits.length; i++) {
      const words = new Set<number>();
      for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= maxLength - CONTEXT_BEFORE; j++) words.add(hits[j]!.word);
      if (words.size > best) {
        best = words.size;
        bestStart = hits[i]!.start;
      }
    }
    from = Math.max(0, bestStart - CONTEXT_BEFORE);
  }
  from = Math.min(from, Math.max(0, text.length - maxLength));
  // Cut at word boundaries: start after a space, end before one.
  if (from > 0) {
    const space = text.indexOf(' ', from - 1);
    from = space >= 0 && space < from + CONTEXT_BEFORE ? space + 1 : from;
  }
  let to = Math.min(text.length, from + maxLength);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + maxLength / 2) to = space;
  }
  const body = text.slice(from, to).trim();
  const lead = from > 0 ? '…' : '';
  const out = `${lead}${body}${to < text.length ? '…' : ''}`;
  return { text: out, highlights: highlightRanges(out, match) };
}

/**
 * Markdown as a snippet shows it: the words without the syntax around them
 * (emphasis, code ticks and fences, headings, quotes, list markers, link
 * targets, table pipes). Only syntax goes: the words stay, so the highlight
 * is made on what is shown.
 */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/^\s*```[^\n]*$/gm, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|~~)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
    .replace(/`+/g, '')
    .replace(/^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/gm, ' ')
    .replace(/[ \t]*\|[ \t]*/g, ' · ');
}
