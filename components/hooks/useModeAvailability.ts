import { useEffect, useState } from 'react';
import { requestBackground } from '../../lib/messaging/requests';
import type { ModeAvailability } from '../../lib/settings/modes';
import { modeAvailability } from '../../lib/settings/modes';

/** Which modes the organization allows, asked of the background whenever the panel opens. */
export function useModeAvailability(refreshToken: number): ModeAvailability | undefined {
  const [availability, setAvailability] = useState<ModeAvailability>();
  useEffect(() => {
    let live = true;
    requestBackground('settings.getModes', undefined)
      // Cannot ask (the worker is restarting): Build stays off, the safe answer.
      .then((value) => live && setAvailability(value), () => live && setAvailability((current) => current ?? modeAvailability(null)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [refreshToken]);
  return availability;
}
