import { useEffect, useState } from 'react';
import { requestBackground } from '../../lib/messaging/requests';
import type { PublicModelSettings } from '../../lib/settings/model-settings';

/** The public view of the model settings (never the key), refreshed whenever the panel opens. */
export function useModelStatus(refreshToken: number): PublicModelSettings | undefined {
  const [status, setStatus] = useState<PublicModelSettings>();
  useEffect(() => {
    let live = true;
    requestBackground('settings.getModel', undefined)
      .then((s) => live && setStatus(s))
      .catch(() => live && setStatus(undefined));
    return () => {
      live = false;
    };
  }, [refreshToken]);
  return status;
}
