import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { requestBackground } from '../../lib/messaging/requests';

/** Self-hosted Spacelift hosts: the permission is asked here, on the user's click, as browsers require. */
export function useSelfHostedHosts() {
  const [hosts, setHosts] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    void requestBackground('spacelift.listSelfHosted', undefined).then(setHosts);
  }, []);

  const add = async (input: string) => {
    setError(undefined);
    let origin: string;
    try {
      origin = new URL(/^https?:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`).origin;
    } catch {
      setError(`"${input}" is not an address`);
      return;
    }
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) {
      setError(`Permission for ${origin} was not granted, so the assistant cannot run there.`);
      return;
    }
    setHosts(await requestBackground('spacelift.setSelfHosted', { origins: [...hosts, origin] }));
  };

  const remove = async (origin: string) => {
    await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
    setHosts(await requestBackground('spacelift.setSelfHosted', { origins: hosts.filter((h) => h !== origin) }));
  };

  return { hosts, add, remove, error };
}
