import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ReplyEnvelope, RequestEnvelope } from '../messaging/protocol';

/** What the lazily loaded `/panel.js` hands to the content script. */
export interface PanelModule {
  toggle(): { open: boolean };
  open(): void;
  /** Answer a request the background sent to this tab. */
  handle(request: RequestEnvelope): Promise<ReplyEnvelope<unknown>>;
}

export interface PanelHostHooks {
  /** Called whenever the panel opens or closes (the launcher hides while it is open). */
  onOpenChange(open: boolean): void;
  /** The background's reply to `panel.getPlacement`, asked for while /panel.js loads. */
  placementReply?: Promise<unknown>;
}

export type CreatePanelModule = (ctx: ContentScriptContext, hooks: PanelHostHooks) => Promise<PanelModule>;

/** The hand-over slot on the content script's isolated-world global (the page cannot see it). */
export const PANEL_GLOBAL = '__infraAssistantPanel';
export const PANEL_HOST_TAG = 'infra-assistant-panel';
