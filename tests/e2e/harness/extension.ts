import type { WebWorker } from 'puppeteer-core';
import type { ModelSettings } from '../../../lib/settings/model-settings';
import { SANDBOX_MODEL_ID } from '../../sandbox/model/scripted-model';
import type { Sandbox } from '../../sandbox/server';

/** Point the extension at the sandbox's scripted model, the way the popup would store it. */
export async function useSandboxModel(worker: WebWorker, sandbox: Sandbox, overrides: Partial<ModelSettings> = {}): Promise<void> {
  const settings: ModelSettings = {
    provider: 'openai-compatible',
    baseURL: `${sandbox.appUrl}/v1`,
    apiKey: 'sandbox-key',
    model: SANDBOX_MODEL_ID,
    ...overrides,
  };
  await worker.evaluate(async (value) => {
    await chrome.storage.local.set({ modelSettings: value });
  }, settings);
}

/** Fire the real keyboard-command listener (CDP key presses never reach `commands`). */
export async function dispatchToggleCommand(worker: WebWorker, pageUrlPrefix: string): Promise<void> {
  await worker.evaluate(async (prefix) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(prefix));
    if (!tab) throw new Error(`No tab at ${prefix}`);
    // @ts-expect-error dispatch is a test-only hook on Chrome's event objects
    chrome.commands.onCommand.dispatch('toggle-panel', tab);
  }, pageUrlPrefix);
}

export interface StoredConversation {
  conversation: { id: string; title: string; account: string } | undefined;
  messages: { id: string; role: string; seq: number; status: string; message: { parts: { type: string; text?: string; state?: string }[] } }[];
}

/** Read a conversation straight from the extension's IndexedDB, through the worker. */
export async function readStoredConversation(worker: WebWorker, conversationId: string): Promise<StoredConversation> {
  return worker.evaluate(async (id) => {
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
