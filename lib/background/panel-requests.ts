import { handleRequests } from '../messaging/requests';
import type { BackgroundRequests } from '../messaging/protocol';
import { readPlacement, savePlacement } from '../panel/placement-store';
import { modeAvailability, organizationSettingsItem } from '../settings/organization-settings';
import { trustSender } from './sender-policy';

type PanelRequests = Pick<BackgroundRequests, 'panel.getPlacement' | 'panel.savePlacement' | 'settings.getModes' | 'chat.stop'>;

/**
 * The panel's own requests: its placement preferences, the modes it may
 * offer, and stopping an answer it follows without a Port. Nothing here is secret.
 */
export function registerPanelRequests(deps: { stopAnswer: (conversationId: string) => void }): void {
  handleRequests<PanelRequests>(
    {
      'chat.stop': ({ conversationId }) => deps.stopAnswer(String(conversationId)),
      'panel.getPlacement': () => readPlacement(),
      'panel.savePlacement': (patch) => savePlacement(patch),
      'settings.getModes': async () => modeAvailability(await organizationSettingsItem.getValue()),
    },
    (sender) => trustSender(sender),
  );
}
