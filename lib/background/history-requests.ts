import { browser } from 'wxt/browser';
import type { AssistantDatabase } from '../db/database';
import type { ConversationStore } from '../db/conversation-store';
import type { BackgroundRequests } from '../messaging/protocol';
import { handleRequests, type Handlers } from '../messaging/requests';
import { searchHistory } from '../history/search';
import {
  conversationMarkdown,
  exportFilename,
  historyFileParts,
  historyFilename,
  readHistoryFile,
} from '../history/transfer';
import { IMPORT_PART_CHARS, MAX_IMPORT_BYTES } from '../history/limits';
import { holdWorkerAwake } from '../agent/keep-alive';
import { accountOf, isExtensionPage, trustSender } from './sender-policy';
import { downloadFile } from './downloads';

type HistoryRequests = Pick<
  BackgroundRequests,
  | 'history.list'
  | 'history.search'
  | 'history.rename'
  | 'history.delete'
  | 'history.restore'
  | 'history.exportConversation'
  | 'history.exportAll'
  | 'history.import'
>;

type Sender = Parameters<Handlers<HistoryRequests>['history.list']>[1];

export interface HistoryRequestDeps {
  db: AssistantDatabase;
  store: ConversationStore;
  /** Every secret the extension holds, to scrub from exports. */
  secrets: () => Promise<string[]>;
  /** Save a file to the user's downloads. */
  download: (filename: string, mimeType: string, parts: AsyncIterable<string>) => Promise<void>;
  now?: () => Date;
}

const MAX_PAGE = 200;
const MAX_QUERY = 500;
/** An upload whose next part does not come within this long is dropped. */
const UPLOAD_IDLE_MS = 60_000;

/**
 * The History view's requests. A panel (our content script on a Spacelift
 * page) sees and changes the conversations of its own account only; our
 * extension pages see all. "Export all" writes every account's history: it is
 * the user's backup, and it goes to their downloads, never to a page.
 */
export function createHistoryHandlers(deps: HistoryRequestDeps): Handlers<HistoryRequests> {
  const { db, store } = deps;
  const now = deps.now ?? (() => new Date());
  // Imports on their way in, part by part, per sender.
  const uploads = new Map<string, { parts: string[]; received: number; size: number; timer: ReturnType<typeof setTimeout> }>();
  const scope = senderScope;
  /** A conversation the sender may touch, with its records; "not found" otherwise, whether it exists or not. */
  const own = async (id: string, sender: Sender) => {
    const saved = await store.getWithRecords(String(id));
    const account = scope(sender);
    if (!saved || (account !== undefined && saved.conversation.account !== account)) throw new Error('That conversation is not in your history');
    return saved;
  };

  return {
    'history.list': ({ before, limit }, sender) =>
      store.listPage({ account: scope(sender), before, limit: Math.min(MAX_PAGE, Math.max(1, limit ?? 50)) }),
    'history.search': ({ query, limit }, sender) =>
      searchHistory(db, String(query).slice(0, MAX_QUERY), { account: scope(sender), limit: Math.min(100, Math.max(1, limit ?? 30)) }),
    'history.rename': async ({ id, title }, sender) => {
      await own(id, sender);
      return store.rename(id, String(title).slice(0, 200));
    },
    'history.delete': async ({ id }, sender) => {
      await own(id, sender);
      return store.delete(id);
    },
    'history.restore': async ({ id }, sender) => {
      await own(id, sender);
      return store.restore(id);
    },
    'history.exportConversation': async ({ id, format }, sender) => {
      const { conversation, records } = await own(id, sender);
      const at = now();
      const secrets = await deps.secrets();
      const filename = exportFilename(conversation.title, format, at);
      if (format === 'markdown') {
        await deps.download(filename, 'text/markdown', once(conversationMarkdown(conversation, records, secrets, at)));
      } else {
        await deps.download(filename, 'application/json', historyFileParts([{ conversation, records }], secrets, at));
      }
      return { filename };
    },
    'history.exportAll': async () => {
      // Reading every conversation can take longer than the 30 s an idle worker is given.
      const release = holdWorkerAwake();
      try {
        return await exportAll();
      } finally {
        release();
      }
    },
    'history.import': async ({ uploadId, part, parts, text }, sender) => {
      if (typeof text !== 'string' || !Number.isInteger(part) || !Number.isInteger(parts) || parts < 1 || part < 0 || part >= parts) {
        throw new Error('Choose a history file to import');
      }
      if (text.length > IMPORT_PART_CHARS) throw new Error('An import part is too large');
      const key = `${sender.tab?.id ?? 'page'}:${String(uploadId)}`;
      let upload = uploads.get(key);
      if (!upload) uploads.set(key, (upload = { parts: new Array<string>(parts), received: 0, size: 0, timer: setTimeout(() => undefined, 0) }));
      clearTimeout(upload.timer);
      upload.timer = setTimeout(() => uploads.delete(key), UPLOAD_IDLE_MS);
      if (upload.parts.length !== parts) throw new Error('The import parts do not match');
      if (upload.parts[part] === undefined) {
        upload.parts[part] = text;
        upload.received++;
        upload.size += text.length;
      }
      if (upload.size > MAX_IMPORT_BYTES) {
        uploads.delete(key);
        throw new Error(`The file is too large to import (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`);
      }
      if (upload.received < parts) return null;
      clearTimeout(upload.timer);
      uploads.delete(key);
      const release = holdWorkerAwake();
      try {
        const counts = { added: 0, updated: 0, unchanged: 0, total: 0 };
        for await (const batch of readHistoryFile(upload.parts.join(''))) {
          const done = await store.importConversations(batch);
          counts.added += done.added;
          counts.updated += done.updated;
          counts.unchanged += done.unchanged;
          counts.total += batch.length;
        }
        return counts;
      } finally {
        release();
      }
    },
  };

  async function exportAll(): Promise<{ filename: string; conversations: number }> {
    const at = now();
    const secrets = await deps.secrets();
    let conversations = 0;
    const counted = async function* () {
      for await (const entry of store.listedWithRecords()) {
        conversations++;
        yield entry;
      }
    };
    const filename = historyFilename(at);
    await deps.download(filename, 'application/json', historyFileParts(counted(), secrets, at));
    return { filename, conversations };
  }
}

/** The account whose conversations a sender may see: its page's (a panel), or undefined for all (our extension pages). */
export function senderScope(sender: Sender): string | undefined {
  return isExtensionPage(sender) ? undefined : accountOf(sender.url);
}

export function registerHistoryRequests(deps: Omit<HistoryRequestDeps, 'download' | 'secrets'> & Partial<HistoryRequestDeps>): void {
  handleRequests<HistoryRequests>(
    createHistoryHandlers({ download: downloadFile, secrets: storedSecrets, ...deps }),
    (sender) => trustSender(sender),
  );
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

const SECRET_KEY = /key|secret|token|jwt|password/i;

/**
 * Every string the extension stores under a secret-sounding name (model API
 * keys, Spacelift API key secrets, pasted tokens, exchanged JWTs), whatever
 * shape the settings take: exports must never carry one.
 */
export async function storedSecrets(): Promise<string[]> {
  const areas = await Promise.all([
    browser.storage.local.get(null).catch(() => ({})),
    browser.storage.session?.get(null).catch(() => ({})) ?? Promise.resolve({}),
  ]);
  const found = new Set<string>();
  const walk = (value: unknown, secretName: boolean) => {
    if (typeof value === 'string') {
      if (secretName && value.length >= 8) found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, secretName);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, secretName || SECRET_KEY.test(key));
    }
  };
  for (const area of areas) walk(area, false);
  return [...found];
}
