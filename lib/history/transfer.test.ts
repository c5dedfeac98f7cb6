import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UIMessage } from 'ai';
import { AssistantDatabase, type PostingRecord } from '../db/database';
import { ConversationStore } from '../db/conversation-store';
import { rebuildSearchIndex, unpackPostings } from './search-index';
import { searchHistory } from './search';
import {
  conversationMarkdown,
  exportFilename,
  historyFileParts,
  HistoryFileError,
  parseHistoryFile,
  readHistoryFile,
  scrubSecrets,
} from './transfer';

const ACME = 'https://acme.app.spacelift.io';
const user = (id: string, text: string): UIMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const assistant = (id: string, text: string, extra: UIMessage['parts'] = []): UIMessage => ({
  id,
  role: 'assistant',
  parts: [{ type: 'step-start' }, ...extra, { type: 'text', text, state: 'done' }],
});
const toolPart = {
  type: 'tool-query_graphql',
  toolCallId: 'call-1',
  state: 'output-available',
  input: { query: 'query Stacks { stacks { id state } }' },
  output: { data: { stacks: [{ id: 'prod-network', state: 'FAILED' }] } },
} as UIMessage['parts'][number];

async function text(parts: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const part of parts) out += part;
  return out;
}

function postings(rows: PostingRecord[]) {
  return rows
    .map((row) => {
      const { d, t, b, n, s } = unpackPostings(row.p);
      return { term: row.term, bucket: row.bucket, d, t, b, n, s };
    })
    .sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : x.bucket - y.bucket));
}

describe('history files', () => {
  let source: AssistantDatabase;
  let target: AssistantDatabase;
  let from: ConversationStore;
  let to: ConversationStore;
  let clock = 1_700_000_000_000;

  beforeEach(async () => {
    source = new AssistantDatabase(`export-${Math.random()}`);
    target = new AssistantDatabase(`import-${Math.random()}`);
    from = new ConversationStore(source, () => (clock += 1000));
    to = new ConversationStore(target, () => (clock += 1000));
    await from.saveHistory({ id: 'c1', account: ACME, mode: 'ask', model: 'gpt-5-mini' }, [user('u1', 'Why did prod-network fail?')]);
    await from.saveAnswer('c1', 1, assistant('a1', 'The **state lock** was held by another run.', [toolPart, { type: 'step-start' }]), 'complete');
    await from.saveHistory({ id: 'c2', account: 'https://globex.app.spacelift.io', mode: 'ask', model: 'm' }, [user('u2', 'How does drift detection work?')]);
    await from.saveAnswer('c2', 1, assistant('a2', 'It runs proposed runs on a schedule.'), 'interrupted');
    await from.rename('c2', 'Drift detection');
  });
  afterEach(async () => {
    await source.delete();
    await target.delete();
  });

  async function exportAll(secrets: string[] = []): Promise<string> {
    return text(historyFileParts(from.listedWithRecords(), secrets, new Date(clock)));
  }

  it('exports every listed conversation as JSON that imports back exactly, index included', async () => {
    await from.saveHistory({ id: 'gone', account: ACME, mode: 'ask', model: 'm' }, [user('u9', 'deleted one')]);
    await from.delete('gone');
    const file = await exportAll();
    const parsed = await parseHistoryFile(file);
    expect(parsed.map((c) => c.conversation.id)).toEqual(['c2', 'c1']); // newest first, the deleted one left out

    expect(await to.importConversations(parsed)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    for (const id of ['c1', 'c2']) {
      const a = (await from.getWithRecords(id))!;
      const b = (await to.getWithRecords(id))!;
      expect(b.records.map((r) => [r.id, r.seq, r.status, r.createdAt])).toEqual(a.records.map((r) => [r.id, r.seq, r.status, r.createdAt]));
      expect(b.records.map((r) => r.message)).toEqual(a.records.map((r) => r.message));
      expect({ ...b.conversation, docNo: 0 }).toEqual({ ...a.conversation, docNo: 0 });
    }
    // The renamed title stays the user's; search finds the imported words and the title.
    expect((await to.get('c2'))!.conversation.titleSource).toBe('user');
    expect((await searchHistory(target, 'state lock')).map((h) => h.conversation.id)).toEqual(['c1']);
    expect((await searchHistory(target, 'drift')).map((h) => h.conversation.id)).toEqual(['c2']);
    // The index is exactly what a rebuild from the imported messages gives.
    const live = postings(await target.searchPostings.toArray());
    await target.transaction('rw', target.conversations, target.messages, target.searchPostings, () => rebuildSearchIndex(target));
    expect(live).toEqual(postings(await target.searchPostings.toArray()));
  });

  it('merges without duplicating: a second import changes nothing, a longer copy adds what is missing', async () => {
    const first = await parseHistoryFile(await exportAll());
    await to.importConversations(first);
    const before = postings(await target.searchPostings.toArray());
    expect(await to.importConversations(first)).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await target.conversations.count()).toBe(2);
    expect(await target.messages.count()).toBe(4);
    expect(postings(await target.searchPostings.toArray())).toEqual(before);

    // The conversation went on elsewhere: importing the longer copy appends the new turn.
    await from.saveHistory({ id: 'c1', account: ACME, mode: 'ask', model: 'gpt-5-mini' }, [
      ...(await from.get('c1'))!.messages,
      user('u3', 'And how do I unlock it?'),
    ]);
    await from.saveAnswer('c1', 3, assistant('a3', 'Use force-unlock from the stack settings.'), 'complete');
    const counts = await to.importConversations(await parseHistoryFile(await exportAll()));
    expect(counts).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect((await to.get('c1'))!.messages.map((m) => m.id)).toEqual(['u1', 'a1', 'u3', 'a3']);
    expect((await searchHistory(target, 'force-unlock')).map((h) => h.conversation.id)).toEqual(['c1']);
    const live = postings(await target.searchPostings.toArray());
    await target.transaction('rw', target.conversations, target.messages, target.searchPostings, () => rebuildSearchIndex(target));
    expect(live).toEqual(postings(await target.searchPostings.toArray()));
  });

  it('keeps a local copy that diverged, and brings back one deleted here', async () => {
    const file = await parseHistoryFile(await exportAll());
    await to.importConversations(file);
    await to.saveHistory({ id: 'c1', account: ACME, mode: 'ask', model: 'gpt-5-mini' }, [user('u1', 'Why did prod-network fail?'), user('x', 'something else')]);
    await to.delete('c2');
    expect(await to.importConversations(file)).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect((await to.get('c1'))!.messages.map((m) => m.id)).toEqual(['u1', 'x']);
    expect((await to.list()).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
  });

  it('gives a message a derived id when its id is taken by another conversation', async () => {
    await to.saveHistory({ id: 'other', account: ACME, mode: 'ask', model: 'm' }, [user('u1', 'a different question')]);
    await to.importConversations(await parseHistoryFile(await exportAll()));
    expect((await to.get('c1'))!.messages.map((m) => m.id)).toEqual(['c1:u1', 'a1']);
    expect((await to.get('other'))!.messages.map((m) => m.id)).toEqual(['u1']);
    // And importing again still changes nothing.
    expect(await to.importConversations(await parseHistoryFile(await exportAll()))).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });

  it('never writes a secret the extension holds, nor key- or token-shaped strings', async () => {
    await from.saveHistory({ id: 'c3', account: ACME, mode: 'ask', model: 'm' }, [
      user('u3', 'my key is my-own-provider-key-123456 and sk-proj-abcdefghijklmnop, token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl'),
    ]);
    const json = await exportAll(['my-own-provider-key-123456']);
    expect(json).not.toContain('my-own-provider-key-123456');
    expect(json).not.toContain('sk-proj-abcdefghijklmnop');
    expect(json).not.toContain('eyJhbGciOiJIUzI1NiJ9.eyJzdWIi');
    expect(json).toContain('[redacted]');
    const saved = (await from.getWithRecords('c3'))!;
    const markdown = conversationMarkdown(saved.conversation, saved.records, ['my-own-provider-key-123456'], new Date(clock));
    expect(markdown).not.toContain('my-own-provider-key-123456');
    expect(markdown).not.toContain('sk-proj-abcdefghijklmnop');
    expect(scrubSecrets({ a: ['x my-secret-value y'] }, ['my-secret-value'])).toEqual({ a: ['x [redacted] y'] });
  });

  it('writes one conversation as Markdown: title, questions, answers, tool calls, cut-off answers marked', async () => {
    const c1 = (await from.getWithRecords('c1'))!;
    const md = conversationMarkdown(c1.conversation, c1.records, [], new Date(Date.UTC(2026, 10, 25, 9, 30)));
    expect(md.startsWith('# Why did prod-network fail?\n')).toBe(true);
    expect(md).toContain(`- Account: ${ACME}`);
    expect(md).toContain('### You · ');
    expect(md).toContain('Why did prod-network fail?');
    expect(md).toContain('### Assistant · ');
    expect(md).toContain('The **state lock** was held by another run.');
    expect(md).toContain('<details><summary>Tool <code>query_graphql</code>: output-available</summary>');
    expect(md).toContain('"query": "query Stacks { stacks { id state } }"');
    expect(md).toContain('"state": "FAILED"');
    const c2 = (await from.getWithRecords('c2'))!;
    expect(conversationMarkdown(c2.conversation, c2.records, [], new Date())).toContain('_(This answer was cut off before it finished.)_');
    expect(exportFilename('Why did prod-network fail?', 'markdown', new Date(Date.UTC(2026, 10, 25)))).toBe('infra-assistant-why-did-prod-network-fail-2026-11-25.md');
    expect(exportFilename('???', 'json', new Date(Date.UTC(2026, 10, 25)))).toBe('infra-assistant-conversation-2026-11-25.json');
  });

  it('reads a large file line by line in the layout the export writes, checking every conversation before handing any over', async () => {
    for (let i = 0; i < 5; i++) await from.saveHistory({ id: `more-${i}`, account: ACME, mode: 'ask', model: 'm' }, [user(`mu-${i}`, `question ${i} about kafka`)]);
    const file = await exportAll();
    const asLines = (text: string, batch = 2) => readHistoryFile(text, { batch, wholeParseChars: 0 });
    const batches: string[][] = [];
    for await (const batch of asLines(file)) batches.push(batch.map((c) => c.conversation.id));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 1]);
    expect(batches.flat()).toEqual((await parseHistoryFile(file)).map((c) => c.conversation.id));

    // A bad conversation at the very end: nothing at all comes out.
    const lines = file.split('\n');
    const last = lines.length - 3; // before "]}" and the final empty line
    lines[last] = lines[last]!.replace('"mode":"ask"', '"mode":"sideways"');
    const handed: unknown[] = [];
    await expect(
      (async () => {
        for await (const batch of asLines(lines.join('\n'))) handed.push(batch);
      })(),
    ).rejects.toThrow(/conversations\.6\.mode/);
    expect(handed).toEqual([]);

    // Too large to parse whole and not laid out as an export: refused with the reason.
    await expect(asLines(JSON.stringify(JSON.parse(file), null, 2)).next()).rejects.toThrow(/one conversation a line/);
  });

  it('refuses bad files with a message that says what is wrong, storing nothing', async () => {
    const good = JSON.parse(await exportAll()) as { conversations: { messages: { message: { id: string; parts: unknown[] } }[] }[] };
    const bad = async (value: unknown) => parseHistoryFile(typeof value === 'string' ? value : JSON.stringify(value));
    await expect(bad('not json {')).rejects.toThrow(/not JSON/);
    await expect(bad({ hello: 'world' })).rejects.toThrow(/not an Infra Assistant history file/);
    await expect(bad({ ...good, version: 9 })).rejects.toThrow(/Only version 1/);
    const noMode = structuredClone(good) as unknown as { conversations: Record<string, unknown>[] };
    delete noMode.conversations[0]!.mode;
    await expect(bad(noMode)).rejects.toThrow(/conversations\.0\.mode/);
    const brokenPart = structuredClone(good);
    brokenPart.conversations[0]!.messages[0]!.message.parts = [{ type: 'text', text: 42 }];
    await expect(bad(brokenPart)).rejects.toThrow(HistoryFileError);
    const twice = structuredClone(good);
    twice.conversations[0]!.messages[1]!.message.id = twice.conversations[0]!.messages[0]!.message.id;
    await expect(bad(twice)).rejects.toThrow(/two messages with the same id/);
    expect(await target.conversations.count()).toBe(0);
  });
});
