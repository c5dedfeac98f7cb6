import type { ExtensionBrowser } from './chromium';
import type { ModelSettings } from '../../../lib/settings/model-settings';
import { SANDBOX_MODEL_ID } from '../../sandbox/model/scripted-model';
import type { Sandbox } from '../../sandbox/server';

/** Point the extension at the sandbox's scripted model, the way the popup would store it. */
export async function useSandboxModel(chromium: ExtensionBrowser, sandbox: Sandbox, overrides: Partial<ModelSettings> = {}): Promise<void> {
  const settings: ModelSettings = {
    provider: 'openai-compatible',
    baseURL: `${sandbox.appUrl}/v1`,
    apiKey: 'sandbox-key',
    model: SANDBOX_MODEL_ID,
    ...overrides,
  };
  await chromium.inWorker(async (value) => {
    await chrome.storage.local.set({ modelSettings: value });
  }, settings);
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
  conversation: { id: string; title: string; account: string } | undefined;
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
