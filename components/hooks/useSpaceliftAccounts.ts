import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { requestBackground } from '../../lib/messaging/requests';
import type { ConnectionTestResult, SpaceliftAccountView } from '../../lib/messaging/protocol';

export interface AccountForm {
  origin: string;
  kind: 'api-key' | 'token';
  keyId: string;
  keySecret: string;
  token: string;
}

/** Spacelift accounts in the popup: the form starts on the account of the active tab when it is one. */
export function useSpaceliftAccounts() {
  const [accounts, setAccounts] = useState<SpaceliftAccountView[]>([]);
  const [form, setForm] = useState<AccountForm>({ origin: '', kind: 'api-key', keyId: '', keySecret: '', token: '' });
  const [result, setResult] = useState<{ kind: 'ok' | 'error' | 'busy'; message: string }>();

  useEffect(() => {
    void requestBackground('spacelift.listAccounts', undefined).then(setAccounts);
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        // Only hosts we have permission for expose their URL here: exactly the Spacelift ones.
        if (tab?.url?.startsWith('http')) setForm((f) => (f.origin ? f : { ...f, origin: new URL(tab.url!).origin }));
      })
      .catch(() => undefined);
  }, []);

  const run = async (action: () => Promise<string>) => {
    setResult({ kind: 'busy', message: 'Working…' });
    try {
      setResult({ kind: 'ok', message: await action() });
    } catch (error) {
      setResult({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const save = () =>
    run(async () => {
      const credential =
        form.kind === 'api-key'
          ? { kind: 'api-key' as const, keyId: form.keyId, keySecret: form.keySecret }
          : { kind: 'token' as const, token: form.token };
      setAccounts(await requestBackground('spacelift.saveCredential', { origin: form.origin, credential }));
      setForm((f) => ({ ...f, keySecret: '', token: '' }));
      return describe(await requestBackground('spacelift.testConnection', { origin: form.origin }));
    });

  const test = (origin: string) => run(async () => describe(await requestBackground('spacelift.testConnection', { origin })));

  const remove = (origin: string) =>
    run(async () => {
      setAccounts(await requestBackground('spacelift.saveCredential', { origin, credential: null }));
      return `Removed ${origin}`;
    });

  return { accounts, form, update: (patch: Partial<AccountForm>) => setForm((f) => ({ ...f, ...patch })), save, test, remove, result };
}

function describe(result: ConnectionTestResult): string {
  if (!result.ok) throw new Error(result.error ?? 'Connection failed');
  const how = result.via === 'session' ? 'your browser session' : result.via === 'token' ? 'the token' : 'the API key';
  return `Connected as ${result.viewer?.name ?? result.viewer?.id} through ${how}.`;
}
