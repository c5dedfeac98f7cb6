import type { UIMessage } from 'ai';

/**
 * The one tokenizer shared by the index writer, the query parser and the
 * highlighter, so a highlighted word is exactly a word the index matched.
 *
 * Words are runs of letters and digits (so `aws_s3_bucket` and `prod-network`
 * are several words, and a query typed the same way splits the same way: an
 * AND of the parts). Terms are lower-cased without diacritics. Not indexed:
 * one-character words, a short list of English stop words, and words that look
 * like secrets or hashes (long mixed-case strings, long hex, AWS access key
 * ids). The last rule is best-effort: it keeps pasted credentials out of the
 * index's keys (and keeps the index small); the message itself is stored as
 * the user sent it.
 */

export interface Token {
  /** The normalised term. */
  term: string;
  /** Offsets of the original word in the text, end exclusive. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const PLAIN = /^[a-z0-9]+$/;
const MARKS = /\p{M}+/gu;
const HEX_HASH = /^[0-9a-f]{32,}$/;
const AWS_KEY_ID = /^(?:akia|asia|aroa|aida)[0-9a-z]{16}$/;
const MAX_TERM_LENGTH = 40;

// Short on purpose: stop words only cost index space, and prefix search expands the last word anyway.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'an and are as at be but by can could did do does doesn don for from had has have he her his how if in into is it its ' +
    'just me my no not of on or our she should so some than that the their them then there these they this those to too ' +
    'us was we were what when where which while who why will with would you your i ll ve re'
  ).split(' '),
);

/** The normalised form of one word, or null when it is not indexed. */
export function normalizeWord(word: string): string | null {
  if (word.length < 2 || word.length > MAX_TERM_LENGTH) return null;
  let term = word.toLowerCase();
  if (!PLAIN.test(term)) {
    term = term.normalize('NFKD').replace(MARKS, '');
    if (term.length < 2) return null;
  }
  if (STOP_WORDS.has(term)) return null;
  if (looksSecret(word, term)) return null;
  return term;
}

function looksSecret(raw: string, term: string): boolean {
  if (raw.length >= 16 && /[a-z]/.test(raw) && /[A-Z]/.test(raw) && /[0-9]/.test(raw)) return true; // base62 tokens
  return HEX_HASH.test(term) || AWS_KEY_ID.test(term);
}

/** Every indexable word of a text, with its position. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0]);
    if (term) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** How many times each term occurs in a text. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (typeof text !== 'string') return counts;
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0]);
    if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/**
 * The searchable text of a message: what the user typed and what the assistant
 * wrote. Tool calls and their outputs are left out on purpose: they are large
 * JSON (GraphQL results, docs pages) that would dominate the index and the
 * ranking with field names, may carry values the user never chose to keep in
 * an index, and the assistant's own text already says what it found. Reasoning
 * is left out too (not shown as the answer).
 */
export function searchableText(message: Pick<UIMessage, 'role' | 'parts'>): string {
  // Defensive: an upgrade indexes whatever an older version stored, and must not fail on a malformed row.
  if ((message?.role !== 'user' && message?.role !== 'assistant') || !Array.isArray(message.parts)) return '';
  let text = '';
  for (const part of message.parts) {
    if (part?.type !== 'text' || typeof part.text !== 'string' || !part.text) continue;
    text = text ? `${text}\n\n${part.text}` : part.text;
  }
  return text;
}
