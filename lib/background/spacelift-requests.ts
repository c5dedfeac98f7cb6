import { handleRequests } from '../messaging/requests';
import type { BackgroundRequests, ConnectionTestResult, SpaceliftAccountView } from '../messaging/protocol';
import { credentialFor, saveCredential, spaceliftCredentialsItem, type SpaceliftCredential } from '../spacelift/credentials';
import { assistantSettingsItem, type AssistantSettings } from '../settings/assistant-settings';
import type { AccountServices } from './account-services';
import { isExtensionPage, setSelfHostedOrigins } from './sender-policy';
import { grantedOrigins, injectIntoOpenTabs, registerSelfHostedContentScript, selfHostedOriginsItem, syncSelfHostedContentScript } from '../spacelift/self-hosted';

type SpaceliftRequests = Pick<
  BackgroundRequests,
  | 'spacelift.listAccounts'
  | 'spacelift.saveCredential'
  | 'spacelift.testConnection'
  | 'spacelift.listSelfHosted'
  | 'spacelift.setSelfHosted'
  | 'settings.getAssistant'
  | 'settings.saveAssistant'
>;

/** Requests from extension pages only (the popup): a content script may not read or change credentials. */
export function registerSpaceliftRequests(services: AccountServices): void {
  handleRequests<SpaceliftRequests>(
    {
      'spacelift.listAccounts': () => listAccounts(),
      'spacelift.saveCredential': async ({ origin, credential }) => {
        const account = normalizeOrigin(origin);
        await saveCredential(account, credential ? validated(credential) : null);
        services.forget(account);
        return listAccounts();
      },
      'spacelift.testConnection': ({ origin }) => testConnection(services, normalizeOrigin(origin)),
      'spacelift.listSelfHosted': () => selfHostedOriginsItem.getValue(),
      // The popup asks for the host permission (it needs the user's click); we keep only granted hosts.
      'spacelift.setSelfHosted': async ({ origins }) => {
        const before = new Set(await selfHostedOriginsItem.getValue());
        const active = await syncSelfHostedContentScript([...new Set(origins.map(normalizeOrigin))]);
        await selfHostedOriginsItem.setValue(active);
        setSelfHostedOrigins(active);
        // Hosts just added: their open tabs get the assistant now, not at their next load.
        await injectIntoOpenTabs(active.filter((origin) => !before.has(origin))).catch(() => 0);
        return active;
      },
      'settings.getAssistant': () => assistantSettingsItem.getValue(),
      'settings.saveAssistant': async (settings: AssistantSettings) => {
        const docsBaseUrl = settings.docsBaseUrl.trim().replace(/\/+$/, '');
        if (!/^https?:\/\/[^/]+/.test(docsBaseUrl)) throw new Error('The docs URL must start with http:// or https://');
        await assistantSettingsItem.setValue({ docsBaseUrl });
        return { docsBaseUrl };
      },
    },
    (sender) => isExtensionPage(sender),
  );
}

/** At start: trust and inject on the self-hosted hosts still granted. */
export async function restoreSelfHosted(): Promise<void> {
  // Trusted first (messages from self-hosted pages wait for this list), registered after: a failed
  // registration does not leave pages that already have the script refused.
  const granted = await grantedOrigins(await selfHostedOriginsItem.getValue().catch(() => []));
  setSelfHostedOrigins(granted);
  await registerSelfHostedContentScript(granted);
}

export function normalizeOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
  } catch {
    throw new Error(`"${input}" is not a Spacelift address (e.g. https://acme.app.spacelift.io)`);
  }
  return url.origin;
}

function validated(credential: SpaceliftCredential): SpaceliftCredential {
  if (credential.kind === 'api-key') {
    const keyId = credential.keyId.trim();
    const keySecret = credential.keySecret.trim();
    if (!/^[0-9A-Z]{26}$/i.test(keyId)) throw new Error('A Spacelift API key id is 26 letters and digits (a ULID).');
    if (!keySecret) throw new Error('Enter the API key secret.');
    return { kind: 'api-key', keyId, keySecret };
  }
  const token = credential.token.trim();
  if (token.split('.').length !== 3) throw new Error('That does not look like a Spacelift token (a JWT with three parts).');
  return { kind: 'token', token };
}

async function listAccounts(): Promise<SpaceliftAccountView[]> {
  const all = await spaceliftCredentialsItem.getValue();
  return Object.entries(all).map(([origin, credential]) => ({
    origin,
    kind: credential.kind,
    label: credential.kind === 'api-key' ? credential.keyId : `token …${credential.token.slice(-6)}`,
  }));
}

async function testConnection(services: AccountServices, origin: string): Promise<ConnectionTestResult> {
  const credential = await credentialFor(origin);
  try {
    const response = await services.account(origin).client.request<{ viewer: { id: string; name?: string | null } | null }>(
      'query InfraAssistantViewer { viewer { id name } }',
      undefined,
      'InfraAssistantViewer',
    );
    if (!response.data?.viewer) return { ok: false, error: response.errors?.[0]?.message ?? 'Spacelift returned no user.' };
    return { ok: true, via: credential?.kind ?? 'session', viewer: response.data.viewer };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
