import type { ExtensionBrowser } from './chromium';
import type { Integration, IntegrationsState } from '../../../lib/settings/model-integrations';
import { SANDBOX_MODEL_ID } from '../../sandbox/model/scripted-model';
import type { Sandbox } from '../../sandbox/server';

export const SANDBOX_INTEGRATION_ID = 'sandbox';

/** An AI integration for the sandbox's scripted model, as the popup stores one. */
export function sandboxIntegration(sandbox: Sandbox, overrides: Partial<Integration> = {}): Integration {
  const model = overrides.defaultModel ?? SANDBOX_MODEL_ID;
  return {
    id: SANDBOX_INTEGRATION_ID,
    name: 'Sandbox model',
    provider: 'openai-compatible',
    baseURL: `${sandbox.appUrl}/v1`,
    apiKey: 'sandbox-key',
    models: [{ id: model }],
    defaultModel: model,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

/** Point the extension at the sandbox's scripted model (or another integration), the way the popup would store it. */
export async function useSandboxModel(chromium: ExtensionBrowser, sandbox: Sandbox, overrides: Partial<Integration> = {}): Promise<void> {
  await useIntegrations(chromium, [sandboxIntegration(sandbox, overrides)]);
}

/** Store these integrations; the first one's default model is the default for new conversations. */
export async function useIntegrations(chromium: ExtensionBrowser, integrations: Integration[]): Promise<void> {
  const first = integrations[0];
  const state: IntegrationsState = { integrations, defaultSelection: first ? { integrationId: first.id, modelId: first.defaultModel } : null };
  await chromium.inWorker(async (value) => {
    await chrome.storage.local.set({ modelIntegrations: value });
  }, state);
}

/** Point the docs search at the sandbox's docs site. */
export async function useSandboxDocs(chromium: ExtensionBrowser, sandbox: Sandbox): Promise<void> {
  await chromium.inWorker(async (docsBaseUrl) => {
    await chrome.storage.local.set({ assistantSettings: { docsBaseUrl } });
  }, `${sandbox.appUrl}/docs`);
}

/** Store Spacelift credentials for an account, the way the popup does. */
export async function useSpaceliftApiKey(chromium: ExtensionBrowser, origin: string, key: { id: string; secret: string }): Promise<void> {
  await chromium.inWorker(
    async (account, keyId, keySecret) => {
      await chrome.storage.local.set({ spaceliftCredentials: { [account]: { kind: 'api-key', keyId, keySecret } } });
    },
    origin,
    key.id,
    key.secret,
  );
}

/** Stop the extension's service worker, as Chrome does after 30 s idle (CDP Target.closeTarget). */
export async function stopServiceWorker(browser: import('puppeteer-core').Browser): Promise<void> {
  const session = await browser.target().createCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (worker) await session.send('Target.closeTarget', { targetId: worker.targetId });
  await session.detach();
}

/** Fire the real keyboard-command listener (CDP key presses never reach `commands`). */
export async function dispatchToggleCommand(chromium: ExtensionBrowser, pageUrlPrefix: string): Promise<void> {
  await chromium.inWorker(async (prefix) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(prefix));
    if (!tab) throw new Error(`No tab at ${prefix}`);
    // @ts-expect-error dispatch is a test-only hook on Chrome's event objects
    chrome.commands.onCommand.dispatch('toggle-panel', tab);
  }, pageUrlPrefix);
}

export interface StoredConversation {
  conversation: { id: string; title: string; account: string; integrationId?: string; model?: string } | undefined;
  messages: { id: string; role: string; seq: number; status: string; message: { parts: { type: string; text?: string; state?: string }[] } }[];
}

/** Read a conversation straight from the extension's IndexedDB, through the worker. */
export async function readStoredConversation(chromium: ExtensionBrowser, conversationId: string): Promise<StoredConversation> {
  return chromium.inWorker(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('infra-assistant');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T>(store: string, fn: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        const request = fn(db.transaction(store).objectStore(store));
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      });
    const conversation = await read<StoredConversation['conversation']>('conversations', (s) => s.get(id));
    const all = await read<StoredConversation['messages'] & { conversationId: string }[]>('messages', (s) => s.getAll());
    db.close();
    const messages = all.filter((m) => (m as unknown as { conversationId: string }).conversationId === id).sort((a, b) => a.seq - b.seq);
    return { conversation, messages };
  }, conversationId);
}

/** A message record as the extension stores it (one row per UI message). */
export interface MessageRecord {
  id: string;
  conversationId: string;
  seq: number;
  role: 'user' | 'assistant';
  createdAt: number;
  status: 'complete';
  message: { id: string; role: 'user' | 'assistant'; parts: unknown[] };
}

/**
 * Write a conversation straight into the extension's IndexedDB (the schema Dexie created, so the
 * extension must have opened its database once). Fast for thousands of messages; it skips the search
 * index, so the conversation opens by id (the panel session, a link) but search does not find it.
 */
export async function writeConversation(
  chromium: ExtensionBrowser,
  conversation: { id: string; title: string; account: string; model: string },
  messages: MessageRecord[],
): Promise<void> {
  await chromium.inWorker(
    async (summary, records) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('infra-assistant');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['conversations', 'messages'], 'readwrite');
        const at = Date.now();
        tx.objectStore('conversations').put({ ...summary, createdAt: at, updatedAt: at, listedAt: at, mode: 'ask', docNo: 900_001 });
        for (const record of records) tx.objectStore('messages').put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    conversation,
    messages,
  );
}
