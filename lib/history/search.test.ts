import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { AssistantDatabase, type PostingRecord } from '../db/database';
import { ConversationStore, type ConversationMeta } from '../db/conversation-store';
import { parseQuery, searchHistory, type HistoryHit } from './search';
import { rebuildSearchIndex, unpackPostings } from './search-index';

const ACME = 'https://acme.app.spacelift.io';
const GLOBEX = 'https://globex.app.spacelift.io';
const user = (id: string, text: string): UIMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const assistant = (id: string, text: string, extra: UIMessage['parts'] = []): UIMessage => ({
  id,
  role: 'assistant',
  parts: [{ type: 'step-start' }, ...extra, { type: 'text', text }],
});
const meta = (id: string, account = ACME): ConversationMeta => ({ id, account, mode: 'ask', model: 'm' });

/** Every highlighted stretch of a hit's snippet, as text. */
const marked = (hit: HistoryHit | undefined) => hit?.snippet?.highlights.map((r) => hit.snippet!.text.slice(r.start, r.end)) ?? [];

describe('searchHistory', () => {
  let db: AssistantDatabase;
  let store: ConversationStore;
  let clock: number;

  beforeEach(() => {
    clock = Date.UTC(2025, 5, 1);
    db = new AssistantDatabase(`test-search-${Math.random()}`);
    store = new ConversationStore(db, () => (clock += 1000));
  });
  afterEach(async () => {
    await db.delete();
  });

  /** A conversation of a question and an answer. */
  async function conversation(id: string, question: string, answer?: string, account = ACME) {
    await store.saveHistory(meta(id, account), [user(`${id}-q`, question)]);
    if (answer !== undefined) await store.saveAnswer(id, 1, assistant(`${id}-a`, answer), 'complete');
  }
  const ids = async (query: string, account?: string) => (await searchHistory(db, query, { account })).map((h) => h.conversation.id);

  it('ranks a match in the title above matches in the messages only', async () => {
    await conversation('body', 'What is wrong with my stack?', 'Drift detection found drift, drift and more drift on the stack.');
    await conversation('title', 'Enable drift detection', 'Open the stack settings.');
    expect(await ids('drift')).toEqual(['title', 'body']);
    const [first] = await searchHistory(db, 'drift');
    expect(first!.titleHighlights).toEqual([{ start: 7, end: 12 }]);
  });

  it('orders equal matches by recency, the latest matching message first', async () => {
    await conversation('older', 'policy question', 'The plan policy denies it.');
    await conversation('rare', 'policy question', 'The plan policy denies it: BucketNotEmpty.');
    await conversation('newer', 'policy question', 'The plan policy denies it.');
    expect(await ids('policy')).toEqual(['newer', 'rare', 'older']);
    expect(await ids('policy bucketnotempty')).toEqual(['rare']);
    // An older conversation written to again comes first among equals.
    await store.saveAnswer('older', 3, assistant('older-a2', 'policy again'), 'complete');
    expect((await ids('plan policy')).slice(0, 1)).toEqual(['older']);
  });

  it('requires every word (AND), in the title or the messages', async () => {
    await conversation('both', 'Why is the state locked?', 'Another run holds the lock.');
    await conversation('state', 'Show the state of prod', 'It is fine.');
    await conversation('lock', 'Lock the stack', 'Done.');
    expect(await ids('state lock')).toEqual(['both']);
    expect(await ids('lock')).toHaveLength(2);
    expect(await ids('state lock nothing')).toEqual([]);
  });

  it('matches the word being typed as a prefix, and as a whole word once a space follows', async () => {
    await conversation('c1', 'The terraform state is locked', 'Run force-unlock.');
    await conversation('c2', 'stacks in the payments space', 'Two stacks.');
    expect(await ids('terraf')).toEqual(['c1']);
    expect(await ids('terraform sta')).toEqual(['c1']);
    expect((await ids('sta')).sort()).toEqual(['c1', 'c2']);
    expect(await ids('sta ')).toEqual([]);
    expect(await ids('terraform state ')).toEqual(['c1']);
    // A single letter is not searched yet; stop words alone neither.
    expect(await ids('t')).toEqual([]);
    expect(await ids('the ')).toEqual([]);
  });

  it('prefers the exact word to longer words sharing its prefix', async () => {
    await conversation('longer', 'runs queued', 'runners');
    await conversation('exact', 'last run', 'ok');
    expect(await ids('run')).toEqual(['exact', 'longer']);
  });

  it('treats a stop word being typed as optional', async () => {
    await conversation('c1', 'The state of prod-network', 'Fine.');
    expect(await ids('state of the')).toEqual(['c1']);
    expect(parseQuery('state of the')).toEqual({ words: ['state'], prefix: 'the', prefixRequired: false });
  });

  it('normalises case and diacritics, and splits identifiers like the index does', async () => {
    await conversation('c1', 'Le café de Zoë', 'aws_iam_role and PROD-NETWORK');
    expect(await ids('CAFE zoe')).toEqual(['c1']);
    expect(await ids('aws_iam_role')).toEqual(['c1']);
    expect(await ids('iam role')).toEqual(['c1']);
    expect(await ids('prod-network')).toEqual(['c1']);
  });

  it('returns a snippet of the best message with exact highlight ranges', async () => {
    const long = `${'Some words before. '.repeat(20)}The last run of prod-network failed with Error acquiring the state lock. ${'And more words after. '.repeat(20)}`;
    await store.saveHistory(meta('c1'), [user('q', 'What happened to prod-network?'), assistant('a1', 'Checking.'), user('q2', 'and the lock?')]);
    await store.saveAnswer('c1', 3, assistant('a2', long), 'complete');
    const [hit] = await searchHistory(db, 'prod-network lock');
    expect(hit!.snippet!.messageId).toBe('a2');
    expect(hit!.snippet!.role).toBe('assistant');
    expect(hit!.snippet!.text.startsWith('…')).toBe(true);
    expect(hit!.snippet!.text.endsWith('…')).toBe(true);
    expect(hit!.snippet!.text.length).toBeLessThanOrEqual(182);
    expect(marked(hit)).toEqual(['prod-network', 'lock']);
    expect(hit!.titleHighlights.map((r) => hit!.conversation.title.slice(r.start, r.end))).toEqual(['prod-network']);
  });

  it('highlights the whole word a prefix matched', async () => {
    await conversation('c1', 'Drift detection on Terraform stacks', 'Terraform drifted.');
    const [hit] = await searchHistory(db, 'terraform drif');
    expect(marked(hit)).toEqual(['Terraform', 'drifted']);
    expect(hit!.titleHighlights.map((r) => hit!.conversation.title.slice(r.start, r.end))).toEqual(['Drift', 'Terraform']);
  });

  it('has no snippet when only the title matched', async () => {
    await conversation('c1', 'hello', 'hi');
    await store.rename('c1', 'Kafka upgrade');
    const [hit] = await searchHistory(db, 'kafka');
    expect(hit!.snippet).toBeNull();
    expect(hit!.titleHighlights).toEqual([{ start: 0, end: 5 }]);
  });

  it('leaves deleted conversations out, and brings them back when restored', async () => {
    await conversation('c1', 'drift on prod', 'yes');
    await conversation('c2', 'drift on staging', 'no');
    await store.delete('c2');
    expect(await ids('drift')).toEqual(['c1']);
    await store.restore('c2');
    expect(await ids('drift')).toEqual(['c2', 'c1']);
  });

  it('searches one account when asked', async () => {
    await conversation('a', 'worker pool stuck', 'x');
    await conversation('g', 'worker pool stuck', 'x', GLOBEX);
    expect(await ids('worker pool', ACME)).toEqual(['a']);
    expect(await ids('worker pool', GLOBEX)).toEqual(['g']);
    expect(await ids('worker pool')).toEqual(['g', 'a']);
  });

  it('follows an answer as it streams and when it is regenerated', async () => {
    await store.saveHistory(meta('c1'), [user('q', 'Why did it fail?')]);
    await store.saveAnswer('c1', 1, assistant('a1', 'Looking at the kubernetes'), 'streaming');
    expect(await ids('kubernetes')).toEqual(['c1']);
    await store.saveAnswer('c1', 1, assistant('a1', 'The OIDC token exchange failed.'), 'complete');
    expect(await ids('kubernetes')).toEqual([]);
    expect(await ids('oidc token')).toEqual(['c1']);

    // Regenerate: the client sends the history without the answer, then a new one comes.
    await store.saveHistory(meta('c1'), [user('q', 'Why did it fail?')]);
    expect(await ids('oidc')).toEqual([]);
    await store.saveAnswer('c1', 1, assistant('a2', 'The worker pool has no workers.'), 'complete');
    expect(await ids('oidc')).toEqual([]);
    const [hit] = await searchHistory(db, 'workers');
    expect(hit!.snippet!.messageId).toBe('a2');

    // An edit: the question changes, later messages go.
    await store.saveHistory(meta('c1'), [user('q', 'Why did the plan policy deny it?')]);
    expect(await ids('workers')).toEqual([]);
    // The title keeps the first question's words; the message no longer has them.
    const [titleOnly] = await searchHistory(db, 'fail');
    expect(titleOnly!.snippet).toBeNull();
    expect(await ids('deny')).toEqual(['c1']);
  });

  it('does not index tool calls and their outputs', async () => {
    const tool = {
      type: 'tool-query_graphql',
      toolCallId: 'call_1',
      state: 'output-available',
      input: { query: 'query { stacks { id } }' },
      output: { data: { stacks: [{ id: 'secret-sauce-stack' }] } },
    } as UIMessage['parts'][number];
    await store.saveHistory(meta('c1'), [user('q', 'list stacks')]);
    await store.saveAnswer('c1', 1, assistant('a', 'You have one stack.', [tool]), 'complete');
    expect(await ids('sauce')).toEqual([]);
    expect(await ids('stack')).toEqual(['c1']);
  });

  it('keeps the index equal to a rebuild from scratch through any sequence of writes', async () => {
    const words = 'stack run policy drift terraform state lock worker pool context space module plan apply'.split(' ');
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sentence = () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => words[Math.floor(random() * words.length)]).join(' ');
    const histories = new Map<string, UIMessage[]>();
    for (let step = 0; step < 80; step++) {
      const id = `c${Math.floor(random() * 5)}`;
      const history = histories.get(id) ?? [];
      const action = random();
      if (action < 0.35) history.push(user(`${id}-u${step}`, sentence()));
      else if (action < 0.5 && history.length > 1) history.splice(Math.floor(random() * history.length)); // edit / regenerate
      else if (action < 0.6) await store.rename(id, sentence()).catch(() => null);
      else if (action < 0.65) await store.delete(id);
      else if (action < 0.7) await store.restore(id);
      if (action < 0.5 || !histories.has(id)) {
        if (!history.length) history.push(user(`${id}-u${step}`, sentence()));
        await store.saveHistory(meta(id), history);
      } else if (action >= 0.7) {
        const answerId = `${id}-a${step}`;
        await store.saveAnswer(id, history.length, assistant(answerId, sentence()), 'streaming');
        const answer = assistant(answerId, `${sentence()} ${sentence()}`);
        await store.saveAnswer(id, history.length, answer, 'complete');
        history.push(answer);
      }
      histories.set(id, history);
      if (step % 20 === 19) {
        clock += 40 * 24 * 3600 * 1000;
        await store.purgeDeleted(30);
        for (const gone of histories.keys()) if (!(await store.get(gone))) histories.delete(gone);
      }
    }
    const live = await postings(db);
    await db.transaction('rw', db.conversations, db.messages, db.searchPostings, () => rebuildSearchIndex(db));
    expect(live).toEqual(await postings(db));
    expect(live.length).toBeGreaterThan(10);
  });
});

/** The index's rows, unpacked, recency left out (a rebuild takes message times, live writes their own). */
async function postings(db: AssistantDatabase) {
  const rows: PostingRecord[] = await db.searchPostings.toArray();
  return rows.map((row) => {
    const { d, t, b, n, s } = unpackPostings(row.p);
    return { term: row.term, bucket: row.bucket, d, t, b, n, s };
  });
}
