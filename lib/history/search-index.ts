import type { Table } from 'dexie';
import type { AssistantDatabase, MessageRecord, PostingRecord } from '../db/database';
import { searchableText, termCounts } from './tokenize';

/*
 * History's search index: an inverted index persisted in IndexedDB, written in
 * the same transaction as the messages it indexes, read per query (nothing to
 * rebuild or load when the worker starts).
 *
 * Granularity: a posting is (term, conversation) with the term's count in the
 * title and in the messages, when a message holding it was last written (the
 * recency tie-breaker) and the positions of those messages (for the snippet).
 * Results are grouped per conversation anyway, and 10,000 conversations of 20
 * messages give 2.2 M such postings against 7.1 M at message level.
 *
 * Rows: one row holds the postings of one term for a bucket of BUCKET_SIZE
 * conversations (by docNo), keyed [term+bucket], packed as varints. Measured
 * on the benchmark's corpus (10,000 conversations, 200,000 messages;
 * bench/history.ts; "Chromium" = the same code in headless Chromium 2-core):
 *  - MiniSearch over the messages, rebuilt at each worker start: 20 s to
 *    build, 560 MB of heap, 85 MB serialised and 5.5 s to load back; queries
 *    110-340 ms. Out.
 *  - One row per (term, conversation), keyed [term+conversationId]: 2.2 M rows,
 *    ~200 MB of JSON (more than the messages), and a term in every
 *    conversation is a 10,000-row range read: ~250 ms in fake-indexeddb,
 *    180-280 ms in Chromium, for that one word.
 *  - Bucketed rows: a common term is 157 rows; 119,000 rows in all, 24 MB as
 *    varints (76 MB as Uint32 columns, read about as fast once positions
 *    are decoded lazily). Whole queries with snippets: median 17 ms,
 *    p95 31 ms in fake-indexeddb; median 27 ms, p95 51 ms in Chromium. A write
 *    touches one row per distinct term of the changed message, each holding at
 *    most 64 conversations: saveAnswer ~2 ms (fake) / ~4 ms (Chromium).
 * BUCKET_SIZE 64 measured best: 16 gave 288,000 rows and median/p95 of
 * 38/136 ms, 256 gave 21/76 ms and slower writes (fake-indexeddb). One row
 * per term (no buckets) would read fewer rows still, but every message write
 * would rewrite the whole posting list of each common term.
 */

export const BUCKET_SIZE = 64;

export const bucketOf = (docNo: number): number => Math.floor(docNo / BUCKET_SIZE);

/** One message's contribution to the index: where it sits and its searchable text. */
export interface IndexedText {
  seq: number;
  text: string;
  /** When it was written: becomes the posting's recency. */
  at: number;
}

interface EntryChange {
  title: number;
  body: number;
  removeSeqs: number[];
  addSeqs: number[];
  at: number;
}

/**
 * Changes to the postings, accumulated while a transaction rewrites messages
 * and titles, then applied in one go by applyIndexChanges.
 */
export class IndexChanges {
  /** term → docNo → change */
  readonly byTerm = new Map<string, Map<number, EntryChange>>();

  get size(): number {
    return this.byTerm.size;
  }

  /** A title set (old null), changed, or removed (next null). */
  title(docNo: number, old: string | null, next: string | null, at: number): void {
    if (old === next) return;
    const before = old ? termCounts(old) : EMPTY;
    const after = next ? termCounts(next) : EMPTY;
    for (const term of union(before, after)) {
      const delta = (after.get(term) ?? 0) - (before.get(term) ?? 0);
      if (delta === 0) continue;
      const change = this.entry(term, docNo);
      change.title += delta;
      if (delta > 0) change.at = Math.max(change.at, at);
    }
  }

  /** A message added (old null), rewritten or moved, or removed (next null). */
  message(docNo: number, old: IndexedText | null, next: IndexedText | null): void {
    if (old && next && old.seq === next.seq && old.text === next.text) return;
    const before = old ? termCounts(old.text) : EMPTY;
    const after = next ? termCounts(next.text) : EMPTY;
    for (const term of union(before, after)) {
      const had = before.get(term) ?? 0;
      const has = after.get(term) ?? 0;
      const moved = had > 0 && has > 0 && old!.seq !== next!.seq;
      if (had === has && !moved) continue;
      const change = this.entry(term, docNo);
      change.body += has - had;
      if (had > 0) change.removeSeqs.push(old!.seq);
      if (has > 0) {
        change.addSeqs.push(next!.seq);
        change.at = Math.max(change.at, next!.at);
      }
    }
  }

  private entry(term: string, docNo: number): EntryChange {
    let docs = this.byTerm.get(term);
    if (!docs) this.byTerm.set(term, (docs = new Map()));
    let change = docs.get(docNo);
    if (!change) docs.set(docNo, (change = { title: 0, body: 0, removeSeqs: [], addSeqs: [], at: 0 }));
    return change;
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();

function union(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Set<string> {
  const terms = new Set(a.keys());
  for (const term of b.keys()) terms.add(term);
  return terms;
}

/** A row's postings unpacked into columns, for editing. */
export interface PostingColumns {
  d: number[];
  t: number[];
  b: number[];
  a: number[];
  n: number[];
  s: number[];
}

/*
 * A row's bytes: unsigned LEB128 varints, column by column. First k, the
 * number of conversations; then their docNos (each minus the previous one,
 * the first minus 0), title counts, body counts, recencies in seconds (zigzag
 * deltas from the previous one, the first from 0), numbers of message
 * positions; then the positions, conversation after conversation (each list:
 * the first as is, then deltas). Most numbers fit one byte: ~11 bytes a
 * posting, where six Uint32 columns took ~33. Scoring decodes the columns
 * only; positions are decoded for the few conversations shown.
 */

function writeVarint(out: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    out[at++] = (v % 0x80) + 0x80;
    v = Math.floor(v / 0x80);
  }
  out[at++] = v;
  return at;
}

const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);

export function packPostings(c: PostingColumns): Uint8Array {
  const k = c.d.length;
  // At most 8 bytes a number (values stay below 2^53; real ones need 1-5).
  const out = new Uint8Array(8 * (1 + 5 * k + c.s.length));
  let at = writeVarint(out, 0, k);
  for (let i = 0; i < k; i++) at = writeVarint(out, at, c.d[i]! - (i ? c.d[i - 1]! : 0));
  for (let i = 0; i < k; i++) at = writeVarint(out, at, c.t[i]!);
  for (let i = 0; i < k; i++) at = writeVarint(out, at, c.b[i]!);
  for (let i = 0; i < k; i++) at = writeVarint(out, at, zigzag(c.a[i]! - (i ? c.a[i - 1]! : 0)));
  for (let i = 0; i < k; i++) at = writeVarint(out, at, c.n[i]!);
  let seq = 0;
  for (let i = 0; i < k; i++) {
    let previous = 0;
    for (let j = 0; j < c.n[i]!; j++, seq++) {
      at = writeVarint(out, at, c.s[seq]! - previous);
      previous = c.s[seq]!;
    }
  }
  return out.slice(0, at);
}

const PLAIN = 0;
const SUMMED = 1;
const ZIGZAG_SUMMED = 2;

/** Decode `count` varints from `at` into `into` (as they are, as running sums, or as running sums of zigzag deltas); returns the next offset. */
function readColumn(p: Uint8Array, at: number, count: number, into: Float64Array, mode: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let scale = 1;
    let byte = 0x80;
    while (byte >= 0x80 && at < p.length) {
      byte = p[at++]!;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    }
    if (mode === PLAIN) into[i] = value;
    else {
      sum += mode === SUMMED ? value : value % 2 === 0 ? value / 2 : -(value + 1) / 2;
      into[i] = sum;
    }
  }
  return at;
}

/** A packed row, its columns decoded: what search scores; positions are decoded on demand. */
export class PostingView {
  readonly length: number;
  private readonly columns: Float64Array;
  private readonly seqsAt: number;
  private seqStarts: Uint32Array | null = null;
  private seqValues: Float64Array | null = null;

  constructor(private readonly p: Uint8Array) {
    const head = new Float64Array(1);
    let at = p.length ? readColumn(p, 0, 1, head, PLAIN) : 0;
    const k = head[0]!;
    this.length = k;
    // d, t, b, a, n: five columns of k in one buffer.
    this.columns = new Float64Array(5 * k);
    at = readColumn(p, at, k, this.columns.subarray(0, k), SUMMED);
    at = readColumn(p, at, k, this.columns.subarray(k, 2 * k), PLAIN);
    at = readColumn(p, at, k, this.columns.subarray(2 * k, 3 * k), PLAIN);
    at = readColumn(p, at, k, this.columns.subarray(3 * k, 4 * k), ZIGZAG_SUMMED);
    this.seqsAt = readColumn(p, at, k, this.columns.subarray(4 * k), PLAIN);
  }

  docNo(i: number): number {
    return this.columns[i]!;
  }
  title(i: number): number {
    return this.columns[this.length + i]!;
  }
  body(i: number): number {
    return this.columns[2 * this.length + i]!;
  }
  /** Recency, seconds. */
  at(i: number): number {
    return this.columns[3 * this.length + i]!;
  }
  private count(i: number): number {
    return this.columns[4 * this.length + i]!;
  }
  indexOf(docNo: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.columns[mid]! < docNo) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.length && this.columns[lo] === docNo ? lo : -1;
  }
  /** The positions (seq) of the messages of conversation i holding the term. */
  seqs(i: number): number[] {
    if (!this.seqValues || !this.seqStarts) {
      const starts = new Uint32Array(this.length + 1);
      for (let j = 0; j < this.length; j++) starts[j + 1] = starts[j]! + this.count(j);
      const values = new Float64Array(starts[this.length]!);
      readColumn(this.p, this.seqsAt, values.length, values, PLAIN);
      this.seqStarts = starts;
      this.seqValues = values;
    }
    const out: number[] = [];
    let seq = 0;
    for (let j = this.seqStarts[i]!; j < this.seqStarts[i + 1]!; j++) out.push((seq += this.seqValues[j]!));
    return out;
  }
  toColumns(): PostingColumns {
    const k = this.length;
    const column = (c: number) => Array.from(this.columns.subarray(c * k, (c + 1) * k));
    const s: number[] = [];
    for (let i = 0; i < k; i++) for (const seq of this.seqs(i)) s.push(seq);
    return { d: column(0), t: column(1), b: column(2), a: column(3), n: column(4), s };
  }
}

export function unpackPostings(p: Uint8Array): PostingColumns {
  return new PostingView(p).toColumns();
}

/** Read-modify-write the rows the changes touch. Call inside the transaction that wrote the messages. */
export async function applyIndexChanges(postings: Table<PostingRecord, [string, number]>, changes: IndexChanges): Promise<void> {
  if (changes.size === 0) return;
  const groups = new Map<string, { key: [string, number]; docs: [number, EntryChange][] }>();
  for (const [term, docs] of changes.byTerm) {
    for (const [docNo, change] of docs) {
      const bucket = bucketOf(docNo);
      const id = `${term}\u0000${bucket}`;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { key: [term, bucket], docs: [] }));
      group.docs.push([docNo, change]);
    }
  }
  const list = [...groups.values()];
  const rows = await postings.bulkGet(list.map((g) => g.key));
  const toPut: PostingRecord[] = [];
  const toDelete: [string, number][] = [];
  list.forEach((group, i) => {
    const existing = rows[i];
    const columns = existing ? unpackPostings(existing.p) : emptyColumns();
    for (const [docNo, change] of group.docs) applyEntry(columns, docNo, change);
    if (columns.d.length > 0) toPut.push({ term: group.key[0], bucket: group.key[1], p: packPostings(columns) });
    else if (existing) toDelete.push(group.key);
  });
  if (toPut.length) await postings.bulkPut(toPut);
  if (toDelete.length) await postings.bulkDelete(toDelete);
}

function emptyColumns(): PostingColumns {
  return { d: [], t: [], b: [], a: [], n: [], s: [] };
}

/** Seconds: postings keep recency at that precision (a tie-breaker needs no more). */
export const toSeconds = (ms: number): number => Math.max(0, Math.floor(ms / 1000));

function seqOffset(row: Pick<PostingColumns, 'n'>, index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += row.n[i]!;
  return offset;
}

function applyEntry(row: PostingColumns, docNo: number, change: EntryChange): void {
  const index = lowerBound(row.d, docNo);
  const found = row.d[index] === docNo;
  const offset = seqOffset(row, index);
  const count = found ? row.n[index]! : 0;
  const title = Math.max(0, (found ? row.t[index]! : 0) + change.title);
  const body = Math.max(0, (found ? row.b[index]! : 0) + change.body);
  if (title === 0 && body === 0) {
    if (found) {
      for (const column of [row.d, row.t, row.b, row.a, row.n]) column.splice(index, 1);
      row.s.splice(offset, count);
    }
    return;
  }
  const seqs = new Set(row.s.slice(offset, offset + count));
  for (const seq of change.removeSeqs) seqs.delete(seq);
  for (const seq of change.addSeqs) seqs.add(seq);
  const sorted = [...seqs].sort((x, y) => x - y);
  const at = Math.max(found ? row.a[index]! : 0, toSeconds(change.at));
  if (found) {
    row.t[index] = title;
    row.b[index] = body;
    row.a[index] = at;
    row.n[index] = sorted.length;
  } else {
    row.d.splice(index, 0, docNo);
    row.t.splice(index, 0, title);
    row.b.splice(index, 0, body);
    row.a.splice(index, 0, at);
    row.n.splice(index, 0, sorted.length);
  }
  row.s.splice(offset, count, ...sorted);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A conversation as the bulk builder sees it. */
export interface IndexedConversation {
  docNo: number;
  title: string;
  /** When the title was set (its postings' recency when no message holds the term). */
  titleAt: number;
  messages: IndexedText[];
}

/** The rows for whole conversations, built in memory (the upgrade to v2, a rebuild, the benchmark's bulk load). */
export function buildPostings(conversations: Iterable<IndexedConversation>): PostingRecord[] {
  const sorted = [...conversations].sort((x, y) => x.docNo - y.docNo);
  const rows = new Map<string, { term: string; bucket: number; columns: PostingColumns }>();
  for (const conversation of sorted) {
    const entries = new Map<string, { t: number; b: number; a: number; s: number[] }>();
    const entry = (term: string) => {
      let found = entries.get(term);
      if (!found) entries.set(term, (found = { t: 0, b: 0, a: 0, s: [] }));
      return found;
    };
    for (const [term, count] of termCounts(conversation.title)) {
      const e = entry(term);
      e.t += count;
      e.a = Math.max(e.a, conversation.titleAt);
    }
    const messages = [...conversation.messages].sort((x, y) => x.seq - y.seq);
    for (const message of messages) {
      for (const [term, count] of termCounts(message.text)) {
        const e = entry(term);
        e.b += count;
        if (e.s[e.s.length - 1] !== message.seq) e.s.push(message.seq);
        e.a = Math.max(e.a, message.at);
      }
    }
    const bucket = bucketOf(conversation.docNo);
    for (const [term, e] of entries) {
      const id = `${term}\u0000${bucket}`;
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { term, bucket, columns: emptyColumns() }));
      const c = row.columns;
      c.d.push(conversation.docNo);
      c.t.push(e.t);
      c.b.push(e.b);
      c.a.push(toSeconds(e.a));
      c.n.push(e.s.length);
      for (const seq of e.s) c.s.push(seq);
    }
  }
  return [...rows.values()].map(({ term, bucket, columns }) => ({ term, bucket, p: packPostings(columns) }));
}

export function indexedText(record: Pick<MessageRecord, 'seq' | 'message' | 'createdAt'>): IndexedText {
  return { seq: record.seq, text: searchableText(record.message), at: record.createdAt };
}

export type IndexTables = Pick<AssistantDatabase, 'conversations' | 'messages' | 'searchPostings'>;

/**
 * Index every conversation from scratch, one bucket of conversations at a time
 * (a bucket's rows only hold that bucket's conversations, so each batch is
 * written once and memory stays bounded). Used by the upgrade to v2; safe to
 * run again inside any transaction over the three tables.
 */
export async function rebuildSearchIndex(tables: IndexTables): Promise<void> {
  await tables.searchPostings.clear();
  const conversations = await tables.conversations.orderBy('docNo').toArray();
  for (let start = 0; start < conversations.length; ) {
    const bucket = bucketOf(conversations[start]!.docNo);
    let end = start;
    while (end < conversations.length && bucketOf(conversations[end]!.docNo) === bucket) end++;
    const batch: IndexedConversation[] = [];
    for (const conversation of conversations.slice(start, end)) {
      const records = await tables.messages
        .where('[conversationId+seq]')
        .between([conversation.id, -Infinity], [conversation.id, Infinity])
        .toArray();
      batch.push({ docNo: conversation.docNo, title: conversation.title, titleAt: conversation.createdAt, messages: records.map(indexedText) });
    }
    await tables.searchPostings.bulkPut(buildPostings(batch));
    start = end;
  }
}
