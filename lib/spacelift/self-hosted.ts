import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Self-hosted Spacelift installs the user added in the popup. Each needs a
 * host permission granted at run time; the content script is then registered
 * for exactly the hosts still granted.
 */
export const selfHostedOriginsItem = storage.defineItem<string[]>('local:selfHostedOrigins', { fallback: [] });

export const SELF_HOSTED_SCRIPT_ID = 'infra-assistant-self-hosted';
const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

type ScriptingApi = Pick<typeof browser.scripting, 'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts'>;
type PermissionsApi = Pick<typeof browser.permissions, 'contains'>;

export interface SelfHostedApis {
  scripting: ScriptingApi;
  permissions: PermissionsApi;
}

export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** The origins among these that we hold the host permission for. */
export async function grantedOrigins(origins: readonly string[], permissions: PermissionsApi = browser.permissions): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    if (await permissions.contains({ origins: [originPattern(origin)] }).catch(() => false)) granted.push(origin);
  }
  return granted;
}

/** Register the content script on the self-hosted origins we hold permission for; returns those origins. */
export async function syncSelfHostedContentScript(
  origins: readonly string[],
  apis: SelfHostedApis = { scripting: browser.scripting, permissions: browser.permissions },
): Promise<string[]> {
  const granted = await grantedOrigins(origins, apis.permissions);
  await registerSelfHostedContentScript(granted, apis.scripting);
  return granted;
}

/** Register the content script on exactly these (granted) origins, or none. */
export async function registerSelfHostedContentScript(granted: readonly string[], scripting: ScriptingApi = browser.scripting): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts({ ids: [SELF_HOSTED_SCRIPT_ID] });
  if (granted.length === 0) {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [SELF_HOSTED_SCRIPT_ID] });
    return;
  }
  const script = {
    id: SELF_HOSTED_SCRIPT_ID,
    matches: granted.map(originPattern),
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
}

type InjectApis = { tabs: Pick<typeof browser.tabs, 'query'>; scripting: Pick<typeof browser.scripting, 'executeScript'> };

/**
 * Start the assistant in tabs already open on hosts just added: the registered script only runs on
 * pages loaded from now on, and the user should not have to reload to see the launcher.
 */
export async function injectIntoOpenTabs(origins: readonly string[], apis: InjectApis = { tabs: browser.tabs, scripting: browser.scripting }): Promise<number> {
  if (origins.length === 0) return 0;
  const tabs = await apis.tabs.query({ url: origins.map(originPattern) });
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    // A tab that cannot be scripted (discarded, an error page) just waits for its next load.
    await apis.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}` as '/content-scripts/content.js'] }).then(
      () => injected++,
      () => undefined,
    );
  }
  return injected;
}
