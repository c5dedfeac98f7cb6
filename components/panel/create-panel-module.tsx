import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PanelState } from '../../lib/panel/panel-state';
import { PlacementState } from '../../lib/panel/placement-state';
import { requestBackground } from '../../lib/messaging/requests';
import { writePanelSession } from '../../lib/panel/panel-session';
import { PANEL_HOST_TAG, type PanelHostHooks, type PanelModule } from '../../lib/panel/panel-module';
import { unwrapReply, type ReplyEnvelope, type RequestEnvelope } from '../../lib/messaging/protocol';
import type { PanelPlacement } from '../../lib/panel/placement';
import { readPage } from '../../lib/page/read-page';
import { navigateInPage } from '../../lib/page/navigate-in-page';
import { PanelApp } from './PanelApp';
import { HistoryEvents } from '../../lib/history/history-events';
import type { HistoryChange } from '../../lib/db/conversation-store';
import panelCss from './panel.css?raw';

/** How long the first render waits for the stored placement before it shows the defaults. */
const PLACEMENT_WAIT_MS = 300;

/**
 * Events that stop at our shadow root, so the page's own handlers (shortcuts
 * on document or window) never see typing, pasting or copying in the panel.
 * Handlers the page registers in the capture phase on window or document run
 * before the event reaches us and cannot be shielded this way.
 */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut', 'compositionstart', 'compositionupdate', 'compositionend'];

/** Mount the panel in a shadow root (isolated styles and key events) and answer the background's requests. */
export async function createPanelModule(ctx: ContentScriptContext, hooks: PanelHostHooks): Promise<PanelModule> {
  const state = new PanelState();
  const historyEvents = new HistoryEvents();
  const placement = new PlacementState({
    load: () =>
      hooks.placementReply
        ? hooks.placementReply.then((reply) => unwrapReply<PanelPlacement>(reply, 'panel.getPlacement'))
        : requestBackground('panel.getPlacement', undefined),
    save: (patch) => requestBackground('panel.savePlacement', patch),
  });
  // Render in the right place from the first frame; a worker that is slow to wake gets a short grace, then the defaults.
  await Promise.race([placement.load(), new Promise((resolve) => setTimeout(resolve, PLACEMENT_WAIT_MS))]);
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
    isolateEvents: ISOLATED_EVENTS,
    onMount(container) {
      const root = createRoot(container);
      root.render(<PanelApp state={state} placementState={placement} historyEvents={historyEvents} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  keepAttached(ctx, ui.shadowHost);

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

/**
 * A single-page app may rebuild the document's top level as it navigates and
 * drop our host with it. Put it back, React tree and all, so the panel
 * carries on as it was.
 */
function keepAttached(ctx: ContentScriptContext, host: HTMLElement): void {
  const observer = new MutationObserver(() => {
    if (!host.isConnected && ctx.isValid) document.documentElement.append(host);
  });
  observer.observe(document.documentElement, { childList: true });
  ctx.onInvalidated(() => observer.disconnect());
}
