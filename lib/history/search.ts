import type { UIMessage } from 'ai';
import type { AssistantDatabase, ConversationRecord, MessageRecord, PostingRecord } from '../db/database';
import { bucketOf, PostingView } from './search-index';
import { highlightRanges, makeSnippet, markdownToPlain, type HighlightRange, type TermMatcher } from './snippet';
import { normalizeWord, searchableText, STOP_WORDS } from './tokenize';

/*
 * History search over the persisted index (search-index.ts). Per query: one
 * range read per word over the [term+bucket] rows (a term in every one of
 * 10,000 conversations is 157 rows), scoring in memory, then only the top
 * conversations' rows and one message each for the snippets. Nothing is kept
 * in memory between queries, so a freshly started worker answers as fast.
 *
 * Matching: every word must match (AND), in the title or the messages. The
 * last word, unless followed by a space, is a prefix ("terraform sta" finds
 * "state", "stack"…). A stop word typed as the last word is optional.
 *
 * Ranking, per conversation: the sum over words of
 *   idf(term) × (TITLE_BOOST × [in title] + b / (b + K1))
 * where b is the term's count in the messages (saturating: a long
 * conversation repeating a word does not bury a short one about it). The
 * title term outweighs any number of body occurrences. A prefix word scores
 * its best expansion, slightly less than the exact word. Equal scores are
 * ordered by recency: when a message holding the words was last written.
 */

export interface HistorySnippet {
  text: string;
  /** Ranges into `text`. */
  highlights: HighlightRange[];
  messageId: string;
  seq: number;
  role: UIMessage['role'];
}

export interface HistoryHit {
  conversation: ConversationRecord;
  score: number;
  /** Ranges into `conversation.title`. */
  titleHighlights: HighlightRange[];
  /** The best matching message; null when only the title matched. */
  snippet: HistorySnippet | null;
}

export interface HistorySearchOptions {
  /** Only this Spacelift account's conversations. */
  account?: string;
  /** How many conversations (default 20). */
  limit?: number;
}

export interface ParsedQuery {
  /** Whole words, normalised, stop words dropped, each required. */
  words: string[];
  /** The word being typed (no space after it yet): matches as a prefix. */
  prefix: string | null;
  /** Whether the prefix is required (not when it is a stop word). */
  prefixRequired: boolean;
}

const TITLE_BOOST = 2;
const K1 = 1.2;
const PREFIX_FACTOR = 0.9;
/** A prefix this short or shorter is expanded to its most frequent terms only. */
const SHORT_PREFIX = 3;
const MAX_EXPANSIONS = 12;
/** Rows read at most for a longer prefix. */
const PREFIX_ROW_LIMIT = 4000;
const MIN_PREFIX = 2;
const WORD = /[\p{L}\p{N}]+/gu;

export function parseQuery(query: string): ParsedQuery {
  const raw = [...query.matchAll(WORD)];
  const typing = raw.length > 0 && raw[raw.length - 1]!.index + raw[raw.length - 1]![0].length === query.length;
  const words: string[] = [];
  let prefix: string | null = null;
  let prefixRequired = false;
  for (const [i, match] of raw.entries()) {
    if (typing && i === raw.length - 1) {
      const lowered = match[0].toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
      if (lowered.length >= MIN_PREFIX) {
        prefix = lowered;
        prefixRequired = !STOP_WORDS.has(lowered);
      }
      continue;
    }
    const term = normalizeWord(match[0]);
    if (term && !words.includes(term)) words.push(term);
  }
  // A prefix equal to a whole word already required adds nothing.
  if (prefix && words.includes(prefix)) prefix = null;
  return { words, prefix, prefixRequired: prefix !== null && prefixRequired };
}

/** Which query word a term is: its index in `words`, `words.length` for the prefix, or -1. */
export function queryMatcher(query: ParsedQuery): TermMatcher {
  const index = new Map(query.words.map((word, i) => [word, i]));
  const { prefix } = query;
  return (term) => index.get(term) ?? (prefix && term.startsWith(prefix) ? query.words.length : -1);
}

/** How one query word matched, per conversation (arrays indexed by docNo). */
interface WordScores {
  score: Float64Array;
  matched: Uint8Array;
  /** Recency of the matching messages, seconds. */
  at: Uint32Array;
  /** The docNos matched, in no order. */
  docs: number[];
  /** The rows read, by bucket: where the snippet positions are looked up. */
  rowsByBucket: Map<number, PostingView[]>;
}

export async function searchHistory(db: AssistantDatabase, query: string, options: HistorySearchOptions = {}): Promise<HistoryHit[]> {
  const parsed = parseQuery(query);
  if (parsed.words.length === 0 && !parsed.prefix) return [];
  const limit = Math.max(1, options.limit ?? 20);
  return db.transaction('r', db.conversations, db.messages, db.searchPostings, async () => {
    const lastDocNo = await db.conversations.orderBy('docNo').lastKey();
    if (typeof lastDocNo !== 'number') return [];
    const size = lastDocNo + 1;

    const [prefixRows, ...wordRows] = await Promise.all([
      parsed.prefix ? readPrefix(db, parsed.prefix) : Promise.resolve([]),
      ...parsed.words.map((word) => readTerm(db, word)),
    ]);
    const required = wordRows.map((rows) => scoreWord(rows, size, () => 1));
    let optional: WordScores | null = null;
    if (parsed.prefix) {
      const prefix = parsed.prefix;
      const scores = scoreWord(prefixRows!, size, (term) => (term === prefix ? 1 : PREFIX_FACTOR));
      if (parsed.prefixRequired) required.push(scores);
      else optional = scores;
    }
    const words = optional ? [...required, optional] : required;

    // AND: the conversations of the word with fewest, that every other required word matched too.
    const lists = required.length ? [...required].sort((x, y) => x.docs.length - y.docs.length) : [optional!];
    const candidates: number[] = [];
    const total = new Float64Array(size);
    const recency = new Uint32Array(size);
    for (const docNo of lists[0]!.docs) {
      let score = 0;
      let at = 0;
      let all = true;
      for (const list of lists) {
        if (!list.matched[docNo]) {
          all = false;
          break;
        }
        score += list.score[docNo]!;
        at = Math.max(at, list.at[docNo]!);
      }
      if (!all) continue;
      if (optional && required.length) score += optional.score[docNo]!;
      total[docNo] = Math.round(score * 1e6) / 1e6;
      recency[docNo] = at;
      candidates.push(docNo);
    }
    candidates.sort((x, y) => total[y]! - total[x]! || recency[y]! - recency[x]! || y - x);

    // The top conversations' rows, a chunk at a time, leaving out deleted ones and other accounts'.
    const hits: { conversation: ConversationRecord; score: number }[] = [];
    for (let start = 0; start < candidates.length && hits.length < limit; ) {
      const chunk = candidates.slice(start, start + Math.max(limit * 2, 32));
      start += chunk.length;
      // Point reads in parallel: anyOf() walks a cursor, which fake-indexeddb does in linear time.
      const rows = await Promise.all(chunk.map((docNo) => db.conversations.where('docNo').equals(docNo).first()));
      for (const conversation of rows) {
        if (!conversation || conversation.deletedAt !== undefined) continue;
        if (options.account !== undefined && conversation.account !== options.account) continue;
        hits.push({ conversation, score: total[conversation.docNo]! });
        if (hits.length === limit) break;
      }
    }

    const matcher = queryMatcher(parsed);
    const bestSeqs = hits.map((hit) => bestSeq(words.map((word) => seqsOf(word, hit.conversation.docNo))));
    const messages = await Promise.all(
      hits.map((hit, i) => (bestSeqs[i] === null ? undefined : db.messages.where({ conversationId: hit.conversation.id, seq: bestSeqs[i]! }).first())),
    );

    const out: HistoryHit[] = [];
    for (const [i, hit] of hits.entries()) {
      let record = messages[i];
      let snippet = record ? snippetOf(record, matcher) : null;
      if (bestSeqs[i] !== null && !snippet?.highlights.length) {
        // The posting's position is out of date (a message moved without its index entry): look through the conversation.
        record = await findBestMessage(db, hit.conversation.id, matcher);
        snippet = record ? snippetOf(record, matcher) : null;
      }
      out.push({
        conversation: hit.conversation,
        score: hit.score,
        titleHighlights: highlightRanges(hit.conversation.title, matcher),
        snippet,
      });
    }
    return out;
  });
}

function readTerm(db: AssistantDatabase, term: string): Promise<PostingRecord[]> {
  return db.searchPostings.where('[term+bucket]').between([term, -Infinity], [term, Infinity]).toArray();
}

/**
 * The rows of the terms a prefix expands to. A short prefix ("st") can expand
 * to hundreds of terms: its keys are read first (no values) and only the
 * MAX_EXPANSIONS most frequent terms are read, plus the prefix itself as a word.
 */
async function readPrefix(db: AssistantDatabase, prefix: string): Promise<PostingRecord[]> {
  const range = db.searchPostings.where('[term+bucket]').between([prefix, -Infinity], [`${prefix}\uffff`, Infinity]);
  if (prefix.length > SHORT_PREFIX) return range.limit(PREFIX_ROW_LIMIT).toArray();
  const keys = await range.primaryKeys();
  const rowsPerTerm = new Map<string, number>();
  for (const [term] of keys) rowsPerTerm.set(term, (rowsPerTerm.get(term) ?? 0) + 1);
  if (rowsPerTerm.size <= MAX_EXPANSIONS) return range.toArray();
  const terms = [...rowsPerTerm].sort((x, y) => y[1] - x[1]).slice(0, MAX_EXPANSIONS).map(([term]) => term);
  if (rowsPerTerm.has(prefix) && !terms.includes(prefix)) terms.push(prefix);
  return (await Promise.all(terms.map((term) => readTerm(db, term)))).flat();
}

/** Per conversation, a word's best score over the rows' terms (one term for a whole word, its expansions for a prefix). */
function scoreWord(rows: readonly PostingRecord[], size: number, factor: (term: string) => number): WordScores {
  const score = new Float64Array(size);
  const matched = new Uint8Array(size);
  const at = new Uint32Array(size);
  const docs: number[] = [];
  const rowsByBucket = new Map<number, PostingView[]>();
  const dfByTerm = new Map<string, number>();
  const views = rows.map((row) => new PostingView(row.p));
  rows.forEach((row, i) => {
    dfByTerm.set(row.term, (dfByTerm.get(row.term) ?? 0) + views[i]!.length);
    const bucketRows = rowsByBucket.get(row.bucket);
    if (bucketRows) bucketRows.push(views[i]!);
    else rowsByBucket.set(row.bucket, [views[i]!]);
  });
  rows.forEach((row, r) => {
    const view = views[r]!;
    const df = dfByTerm.get(row.term)!;
    const weight = Math.log(1 + Math.max(0, size - df + 0.5) / (df + 0.5)) * factor(row.term);
    for (let i = 0; i < view.length; i++) {
      const docNo = view.docNo(i);
      if (docNo >= size) continue;
      const body = view.body(i);
      const s = weight * ((view.title(i) > 0 ? TITLE_BOOST : 0) + body / (body + K1));
      if (!matched[docNo]) {
        matched[docNo] = 1;
        docs.push(docNo);
      }
      if (s > score[docNo]!) score[docNo] = s;
      if (view.at(i) > at[docNo]!) at[docNo] = view.at(i);
    }
  });
  return { score, matched, at, docs, rowsByBucket };
}

/** The positions of the messages where a word matched a conversation. */
function seqsOf(word: WordScores, docNo: number): number[] {
  const seqs = new Set<number>();
  for (const view of word.rowsByBucket.get(bucketOf(docNo)) ?? []) {
    const index = view.indexOf(docNo);
    if (index >= 0) for (const seq of view.seqs(index)) seqs.add(seq);
  }
  return [...seqs];
}

/** The message holding the most query words; the latest among equals. Null when only the title matched. */
function bestSeq(seqsPerWord: readonly number[][]): number | null {
  const counts = new Map<number, number>();
  for (const seqs of seqsPerWord) for (const seq of seqs) counts.set(seq, (counts.get(seq) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [seq, count] of counts) {
    if (count > bestCount || (count === bestCount && seq > best!)) {
      best = seq;
      bestCount = count;
    }
  }
  return best;
}

function snippetOf(record: MessageRecord, matcher: TermMatcher): HistorySnippet {
  // Answers are markdown; the snippet shows their words without the syntax.
  const { text, highlights } = makeSnippet(markdownToPlain(searchableText(record.message)), matcher);
  return { text, highlights, messageId: record.id, seq: record.seq, role: record.role };
}

async function findBestMessage(db: AssistantDatabase, conversationId: string, matcher: TermMatcher): Promise<MessageRecord | undefined> {
  const records = await db.messages.where('[conversationId+seq]').between([conversationId, -Infinity], [conversationId, Infinity]).toArray();
  let best: MessageRecord | undefined;
  let bestCount = 0;
  for (const record of records) {
    const words = new Set(collectWords(searchableText(record.message), matcher));
    if (words.size > 0 && words.size >= bestCount) {
      best = record;
      bestCount = words.size;
    }
  }
  return best;
}

function collectWords(text: string, matcher: TermMatcher): number[] {
  const words: number[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0]);
    if (term) {
      const word = matcher(term);
      if (word >= 0) words.push(word);
    }
  }
  return words;
}
