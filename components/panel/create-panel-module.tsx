import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PanelState } from '../../lib/panel/panel-state';
import { writePanelSession } from '../../lib/panel/panel-session';
import { PANEL_HOST_TAG, type PanelHostHooks, type PanelModule } from '../../lib/panel/panel-module';
import type { ReplyEnvelope, RequestEnvelope } from '../../lib/messaging/protocol';
import { readPage } from '../../lib/page/read-page';
import { navigateInPage } from '../../lib/page/navigate-in-page';
import { PanelApp } from './PanelApp';
import { HistoryEvents } from '../../lib/history/history-events';
import type { HistoryChange } from '../../lib/db/conversation-store';
import panelCss from './panel.css?raw';

/** Mount the panel in a shadow root (isolated styles and key events) and answer the background's requests. */
export async function createPanelModule(ctx: ContentScriptContext, hooks: PanelHostHooks): Promise<PanelModule> {
  const state = new PanelState();
  const historyEvents = new HistoryEvents();
  // Focus goes back where it was on the page when the panel closes.
  let pageFocus: HTMLElement | null = null;
  let wasOpen = false;
  state.subscribe(() => {
    const { open } = state.get();
    if (open && !wasOpen) {
      const active = document.activeElement as HTMLElement | null;
      pageFocus = active && !active.closest(PANEL_HOST_TAG) ? active : null;
    } else if (!open && wasOpen) {
      pageFocus?.focus({ preventScroll: true });
      if (!pageFocus) (document.activeElement as HTMLElement | null)?.blur();
    }
    wasOpen = open;
    hooks.onOpenChange(open);
    writePanelSession({ open });
  });
  const ui = await createShadowRootUi<Root>(ctx, {
    name: PANEL_HOST_TAG,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    css: panelCss,
    isolateEvents: ['keydown', 'keyup', 'keypress', 'input'],
    onMount(container) {
      const root = createRoot(container);
      root.render(<PanelApp state={state} historyEvents={historyEvents} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();

  const handlers: Record<string, (input: unknown) => unknown> = {
    'panel.toggle': () => state.toggle(),
    'page.read': () => readPage(document, PANEL_HOST_TAG),
    'page.navigate': (input) => navigateInPage((input as { path: string }).path),
    'history.changed': (input) => historyEvents.emit(input as HistoryChange),
  };
  return {
    toggle: () => state.toggle(),
    open: () => state.open(),
    async handle(request: RequestEnvelope): Promise<ReplyEnvelope<unknown>> {
      const handler = handlers[request.name];
      if (!handler) return { ok: false, error: `Unknown request ${request.name}` };
      try {
        return { ok: true, value: await handler(request.input) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
