import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { requestBackground } from '../../lib/messaging/requests';
import { DEFAULT_ASSISTANT_SETTINGS } from '../../lib/settings/assistant-settings';

type DocsStatus = { tone: 'saved' | 'error' | 'busy'; text: string } | undefined;

/**
 * Where search_docs reads the Spacelift documentation (a self-hosted install or a mirror has its own).
 * A host the manifest does not list is asked for here, on the user's click, as browsers require.
 */
export function useDocsSettings() {
  const [saved, setSaved] = useState<string>();
  const [status, setStatus] = useState<DocsStatus>();
  useEffect(() => {
    void requestBackground('settings.getAssistant', undefined).then((settings) => setSaved(settings.docsBaseUrl));
  }, []);

  const save = async (input: string) => {
    let url: URL;
    try {
      url = new URL(input.trim());
      if (!/^https?:$/.test(url.protocol)) throw new Error('scheme');
    } catch {
      setStatus({ tone: 'error', text: `"${input}" is not an http(s) address` });
      return;
    }
    setStatus({ tone: 'busy', text: 'Saving…' });
    const granted = await browser.permissions.request({ origins: [`${url.origin}/*`] }).catch(() => false);
    if (!granted) {
      setStatus({ tone: 'error', text: `Access to ${url.origin} was not granted, so the docs cannot be read there.` });
      return;
    }
    try {
      const next = await requestBackground('settings.saveAssistant', { docsBaseUrl: url.href });
      setSaved(next.docsBaseUrl);
      setStatus({ tone: 'saved', text: `Docs are read from ${next.docsBaseUrl}` });
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return { saved, status, save, reset: () => save(DEFAULT_ASSISTANT_SETTINGS.docsBaseUrl), isDefault: saved === DEFAULT_ASSISTANT_SETTINGS.docsBaseUrl };
}
