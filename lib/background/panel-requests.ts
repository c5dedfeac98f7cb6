import { handleRequests } from '../messaging/requests';
import type { BackgroundRequests } from '../messaging/protocol';
import { readPlacement, savePlacement } from '../panel/placement-store';
import { modeAvailability, organizationSettingsItem } from '../settings/organization-settings';
import { isTrustedSender } from './sender-policy';

type PanelRequests = Pick<BackgroundRequests, 'panel.getPlacement' | 'panel.savePlacement' | 'settings.getModes'>;

/** The panel's own requests: its placement preferences and the modes it may offer. Nothing here is secret. */
export function registerPanelRequests(): void {
  handleRequests<PanelRequests>(
    {
      'panel.getPlacement': () => readPlacement(),
      'panel.savePlacement': (patch) => savePlacement(patch),
      'settings.getModes': async () => modeAvailability(await organizationSettingsItem.getValue()),
    },
    (sender) => isTrustedSender(sender),
  );
}
