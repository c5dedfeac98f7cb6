import { browser } from 'wxt/browser';
import { AssistantDatabase } from '../db/database';
import { ConversationStore } from '../db/conversation-store';
import { handleRequests, requestTab } from '../messaging/requests';
import type { BackgroundRequests } from '../messaging/protocol';
import { modelSettingsItem, saveModelSettings, toPublicSettings } from '../settings/model-settings';
import { createLanguageModel } from '../models/create-language-model';
import { runChat } from '../agent/run-chat';
import { createAskTools } from '../agent/ask-tools';
import { serveChatPorts } from './chat-port-server';
import { accountOf, isTrustedSender } from './sender-policy';

/** Wire the background's services. The entrypoint only calls this. */
export function startBackground(): void {
  const db = new AssistantDatabase();
  const store = new ConversationStore(db);

  handleRequests<BackgroundRequests>(
    {
      'settings.getModel': async () => toPublicSettings(await modelSettingsItem.getValue()),
      'settings.saveModel': (input) => saveModelSettings(input),
      'conversations.list': ({ limit }) => store.list(limit),
      'conversations.get': ({ id }) => store.get(id),
      'ui.openSettings': async () => {
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      },
    },
    (sender) => isTrustedSender(sender),
  );

  serveChatPorts({
    accept: (sender) => !!sender && isTrustedSender(sender),
    run: (request, sender, sink, abortSignal) => {
      const tabId = sender.tab?.id;
      const frameId = sender.frameId ?? 0;
      return runChat(
        request,
        {
          store,
          loadSettings: () => modelSettingsItem.getValue(),
          createModel: createLanguageModel,
          tools: createAskTools({
            readPage: () => {
              if (tabId === undefined) throw new Error('No Spacelift tab to read');
              return requestTab(tabId, 'page.read', undefined, frameId);
            },
          }),
          account: accountOf(sender.url),
          pageUrl: sender.url,
        },
        sink,
        abortSignal,
      );
    },
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    requestTab(tab.id, 'panel.toggle', undefined).catch(() => {
      // Not a Spacelift page, or the page is still loading: nothing to toggle.
    });
  });
}
