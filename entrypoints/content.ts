import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { SPACELIFT_MATCHES } from '../lib/spacelift/hosts';
import { isRequestEnvelope } from '../lib/messaging/protocol';
import { createPanelLoader } from '../lib/panel/panel-loader';
import { mountLauncher } from '../lib/panel/launcher';
import { mayContinueSession, readPanelSession } from '../lib/panel/panel-session';

// Runs on every Spacelift page, so it stays tiny: a launcher button and a
// loader. The panel (React, the chat) is loaded from /panel.js on first use.
export default defineContentScript({
  matches: SPACELIFT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Started once per page: a self-hosted tab open when its host was added gets the script injected,
    // and the same isolated world may see it again if the host is removed and added back.
    const started = globalThis as { __infraAssistantStarted?: boolean };
    if (started.__infraAssistantStarted) return;
    started.__infraAssistantStarted = true;
    const launcher = mountLauncher(ctx, () => void loadPanel().then((panel) => panel.toggle()));
    const loadPanel = createPanelLoader(ctx, { onOpenChange: (open) => launcher.setHidden(open) });
    // The panel was open before this page (re)loaded: bring it back as it was.
    if (mayContinueSession() && readPanelSession().open) void loadPanel().then((panel) => panel.open());
    // sendResponse + `return true`: works with the native API in every browser.
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: unknown) => void) => {
      if (!isRequestEnvelope(message)) return false;
      // News for an open panel only: never load the panel for it.
      if (message.name === 'history.changed' && !loadPanel.started()) {
        sendResponse({ ok: true, value: undefined });
        return false;
      }
      loadPanel()
        .then((panel) => panel.handle(message))
        .then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
      return true;
    });
  },
});
