import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UIMessage } from 'ai';
import { AssistantDatabase } from '../db/database';
import { ConversationStore } from '../db/conversation-store';
import { createHistoryHandlers, senderScope, storedSecrets } from './history-requests';
import { isTrustedSender } from './sender-policy';
import { parseHistoryFile } from '../history/transfer';
import { uploadHistoryFile } from '../history/upload';

const ACME = 'https://acme.app.spacelift.io';
const GLOBEX = 'https://globex.app.spacelift.io';
const user = (id: string, text: string): UIMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });

describe('History requests in the background', () => {
  let db: AssistantDatabase;
  let store: ConversationStore;
  let downloads: { filename: string; mimeType: string; text: string }[];
  let handlers: ReturnType<typeof createHistoryHandlers>;
  const id = fakeBrowser.runtime.id;
  const extensionUrl = fakeBrowser.runtime.getURL('/');
  // Senders as the runtime gives them (only the fields the checks read).
  type Sender = Parameters<(typeof handlers)['history.list']>[1];
  const sender = (value: object) => value as Sender;
  const acmeTab = sender({ id, url: `${ACME}/stack/prod-network`, tab: { id: 1 } });
  const globexTab = sender({ id, url: `${GLOBEX}/stacks`, tab: { id: 2 } });
  const popup = sender({ id, url: `${extensionUrl}popup.html` });

  beforeEach(async () => {
    db = new AssistantDatabase(`requests-${Math.random()}`);
    let clock = 1_000_000;
    store = new ConversationStore(db, () => (clock += 1000));
    downloads = [];
    handlers = createHistoryHandlers({
      db,
      store,
      secrets: async () => ['super-secret-api-key'],
      download: async (filename, mimeType, parts) => {
        let text = '';
        for await (const part of parts) text += part;
        downloads.push({ filename, mimeType, text });
      },
      now: () => new Date(Date.UTC(2026, 10, 25)),
    });
    await store.saveHistory({ id: 'a1', account: ACME, mode: 'ask', model: 'm' }, [user('u1', 'acme question about terraform with super-secret-api-key')]);
    await store.saveHistory({ id: 'g1', account: GLOBEX, mode: 'ask', model: 'm' }, [user('u2', 'globex question about terraform')]);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('answers our content scripts on Spacelift pages and our pages only (the sender check every request passes)', () => {
    expect(isTrustedSender(acmeTab)).toBe(true);
    expect(isTrustedSender(popup)).toBe(true);
    expect(isTrustedSender({ id: 'another-extension', url: `${ACME}/` , tab: { id: 3 } })).toBe(false);
    expect(isTrustedSender({ id, url: 'https://evil.example/', tab: { id: 4 } })).toBe(false);
  });

  it('scopes a panel to its page account and our pages to none (conversations.get uses the same rule)', () => {
    expect(senderScope(acmeTab)).toBe(ACME);
    expect(senderScope(globexTab)).toBe(GLOBEX);
    expect(senderScope(popup)).toBeUndefined();
  });

  it('lists and searches the tab account only; our pages see every account', async () => {
    expect((await handlers['history.list']({}, acmeTab)).items.map((c) => c.id)).toEqual(['a1']);
    expect((await handlers['history.list']({}, globexTab)).items.map((c) => c.id)).toEqual(['g1']);
    expect((await handlers['history.list']({}, popup)).items.map((c) => c.id)).toEqual(['g1', 'a1']);
    expect((await handlers['history.search']({ query: 'terraform' }, acmeTab)).map((h) => h.conversation.id)).toEqual(['a1']);
    expect((await handlers['history.search']({ query: 'terraform' }, popup)).map((h) => h.conversation.id).sort()).toEqual(['a1', 'g1']);
  });

  it('renames, deletes and restores only conversations of the tab account', async () => {
    await expect(handlers['history.rename']({ id: 'g1', title: 'hijacked' }, acmeTab)).rejects.toThrow(/not in your history/);
    await expect(handlers['history.delete']({ id: 'g1' }, acmeTab)).rejects.toThrow(/not in your history/);
    expect((await store.get('g1'))!.conversation.title).toBe('globex question about terraform');
    expect((await handlers['history.rename']({ id: 'a1', title: '  Terraform   at acme ' }, acmeTab))!.title).toBe('Terraform at acme');
    expect(await handlers['history.delete']({ id: 'a1' }, acmeTab)).toBe(true);
    expect((await handlers['history.list']({}, acmeTab)).items).toEqual([]);
    expect(await handlers['history.restore']({ id: 'a1' }, acmeTab)).toBe(true);
    expect((await handlers['history.list']({}, acmeTab)).items.map((c) => c.title)).toEqual(['Terraform at acme']);
  });

  it('exports one conversation as Markdown or JSON, and all history as JSON, with secrets scrubbed', async () => {
    expect(await handlers['history.exportConversation']({ id: 'a1', format: 'markdown' }, acmeTab)).toEqual({
      filename: 'infra-assistant-acme-question-about-terraform-with-super-2026-11-25.md',
    });
    await handlers['history.exportConversation']({ id: 'a1', format: 'json' }, acmeTab);
    await expect(handlers['history.exportConversation']({ id: 'g1', format: 'json' }, acmeTab)).rejects.toThrow(/not in your history/);
    expect(await handlers['history.exportAll'](undefined, acmeTab)).toEqual({ filename: 'infra-assistant-history-2026-11-25.json', conversations: 2 });
    expect(downloads.map((d) => [d.mimeType, d.filename.split('.').pop()])).toEqual([
      ['text/markdown', 'md'],
      ['application/json', 'json'],
      ['application/json', 'json'],
    ]);
    for (const d of downloads) expect(d.text).not.toContain('super-secret-api-key');
    expect((await parseHistoryFile(downloads[1]!.text)).map((c) => c.conversation.id)).toEqual(['a1']);
    expect((await parseHistoryFile(downloads[2]!.text)).map((c) => c.conversation.id)).toEqual(['g1', 'a1']);
  });

  it('imports a file and says what it did', async () => {
    await handlers['history.exportAll'](undefined, popup);
    const file = downloads[0]!.text;
    await store.delete('a1');
    // In parts, as the panel sends a large file: only the last part's reply says what happened.
    const result = await uploadHistoryFile(file, async (part) => handlers['history.import'](part, acmeTab), 100);
    expect(result).toEqual({ total: 2, added: 0, updated: 1, unchanged: 1 });
    expect(await handlers['history.import']({ uploadId: 'u', part: 0, parts: 2, text: file.slice(0, 10) }, acmeTab)).toBeNull();
    await expect(uploadHistoryFile('{"format":"something else"}', async (part) => handlers['history.import'](part, acmeTab))).rejects.toThrow(
      /not an Infra Assistant history file/,
    );
  });

  it('finds every secret the extension stores, whatever its settings look like', async () => {
    await fakeBrowser.storage.local.set({
      modelSettings: { provider: 'openai', baseURL: '', apiKey: 'sk-live-model-key-1234', model: 'gpt-5-mini' },
      spaceliftCredentials: { [ACME]: { kind: 'api-key', keyId: '01HZXXXXXXXXXXXXXXXXXXXXXX', keySecret: 'spacelift-key-secret-999' }, [GLOBEX]: { kind: 'token', token: 'a.pasted.token-value' } },
      assistantSettings: { docsBaseUrl: 'https://docs.spacelift.io' },
    });
    await fakeBrowser.storage.session.set({ spaceliftTokens: { [ACME]: { jwt: 'eyJexchanged.jwt.value', validUntil: 1 } } });
    const secrets = await storedSecrets();
    expect(secrets).toEqual(expect.arrayContaining(['sk-live-model-key-1234', 'spacelift-key-secret-999', 'a.pasted.token-value', 'eyJexchanged.jwt.value']));
    expect(secrets).not.toContain('https://docs.spacelift.io');
    expect(secrets).not.toContain('gpt-5-mini');
  });
});
