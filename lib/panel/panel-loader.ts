import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PANEL_GLOBAL, type CreatePanelModule, type PanelHostHooks, type PanelModule } from './panel-module';
import { envelope, type BackgroundRequests } from '../messaging/protocol';

export interface PanelLoader {
  (): Promise<PanelModule>;
  /** Whether the panel was loaded (or is loading) in this tab. */
  started(): boolean;
}

/** Load `/panel.js` once, on first use, and create the panel module. */
export function createPanelLoader(ctx: ContentScriptContext, hooks: PanelHostHooks): PanelLoader {
  let loading: Promise<PanelModule> | undefined;
  const load = () =>
    (loading ??= (async () => {
      // Ask for the stored placement now, so it is there when the panel has loaded (the answer is read there).
      const placement = browser.runtime.sendMessage(envelope<BackgroundRequests, 'panel.getPlacement'>('panel.getPlacement', undefined));
      placement.catch(() => undefined);
      // The panel is an unlisted script listed in web_accessible_resources; it
      // runs in this isolated world and leaves its factory on our global.
      await import(/* @vite-ignore */ browser.runtime.getURL('/panel.js'));
      const create = (globalThis as Record<string, unknown>)[PANEL_GLOBAL] as CreatePanelModule | undefined;
      if (!create) throw new Error('Infra Assistant panel failed to load');
      return create(ctx, { ...hooks, placementReply: placement });
    })().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return Object.assign(load, { started: () => loading !== undefined });
}
