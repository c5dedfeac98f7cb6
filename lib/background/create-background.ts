import { browser } from 'wxt/browser';
import { AssistantDatabase } from '../db/database';
import { ConversationStore } from '../db/conversation-store';
import { handleRequests, requestTab } from '../messaging/requests';
import type { BackgroundRequests } from '../messaging/protocol';
import { createLanguageModel } from '../models/create-language-model';
import { UsageLedger } from '../budget/usage-ledger';
import { ModelService } from '../models/model-service';
import { fetchAccessibleSpaces, SpaceAccessCache } from '../models/scoping';
import { registerModelRequests } from './model-requests';
import { runChat } from '../agent/run-chat';
import { createAskTools } from '../agent/ask-tools';
import { serveChatPorts } from './chat-port-server';
import { RunningAnswers } from './running-answers';
import { errorInfo } from '../agent/errors';
import { CacheStore } from '../db/cache-store';
import { AccountServices } from './account-services';
import { registerSpaceliftRequests, restoreSelfHosted } from './spacelift-requests';
import { answerState } from '../chat/answer-state';
import { accountOf, trustSender } from './sender-policy';
import { registerPanelRequests } from './panel-requests';
import { effectiveMode, organizationSettingsItem } from '../settings/organization-settings';
import { registerHistoryRequests, senderScope } from './history-requests';
import { broadcastHistoryChanges } from './history-broadcast';
import { createAutoTitler } from '../history/auto-title';
import { restrictStorageToExtension } from './storage-lockdown';
import { effectiveBaseURL, originPattern } from '../models/providers';

/** Wire the background's services. The entrypoint only calls this. */
export function startBackground(): void {
  // First: keys and tokens in storage.local become unreadable from content scripts.
  void restrictStorageToExtension();
  const db = new AssistantDatabase();
  const store = new ConversationStore(db);
  const services = new AccountServices(new CacheStore(db));
  // Conversations whose answer this worker is writing now (gone if the worker dies: that is the point).
  // A panel that comes back after a reload follows one live, and can stop it.
  const running = new RunningAnswers();
  const ledger = new UsageLedger(db);
  void ledger.prune().catch(() => undefined);
  // Which Spacelift spaces the user's identity reaches, per account: decides which scoped integrations are listed.
  const spaceAccess = new SpaceAccessCache((account) => fetchAccessibleSpaces(services.account(account).client));
  const models = new ModelService({ ledger, store, spaceAccess: (account) => spaceAccess.get(account), createModel: createLanguageModel });
  registerModelRequests({ models, ledger, spaceliftClient: (account) => services.account(account).client, onChange: () => spaceAccess.forget() });
  // Signed in as someone else: which spaces they reach is asked again.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'spaceliftCredentials' in changes) spaceAccess.forget();
  });

  handleRequests<Pick<BackgroundRequests, 'conversations.get' | 'ui.openSettings'>>(
    {
      'conversations.get': async ({ id }, sender) => {
        const saved = await store.getWithRecords(id);
        // A panel reads its own account's conversations only, as History lists them (extension pages read all).
        const scope = senderScope(sender);
        if (!saved || (scope !== undefined && saved.conversation.account !== scope)) return null;
        const answer = running.get(id);
        return {
          conversation: saved.conversation,
          messages: saved.records.map((r) => r.message),
          answer: answerState(saved.records, !!answer),
          ...(answer?.canFollow ? { followable: true } : {}),
        };
      },
      'ui.openSettings': async () => {
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      },
    },
    (sender) => trustSender(sender),
  );
  registerSpaceliftRequests(services);
  registerPanelRequests({ stopAnswer: (id) => running.stop(id) });
  registerHistoryRequests({ db, store });
  broadcastHistoryChanges(store);
  // Titles from the first exchange, with the conversation's own model, counted in its budget.
  const titleAfterAnswer = createAutoTitler({ store, chooseModel: (id, account) => models.choose(id, account), recordUsage: (call) => models.record(call) });
  void restoreSelfHosted().catch((error: unknown) => console.warn('[infra-assistant] self-hosted hosts:', error));

  serveChatPorts({
    accept: (sender) => !!sender && trustSender(sender),
    // A panel follows only its own account's answers, by the rule conversations.get uses.
    following: (conversationId, sender) => {
      const answer = running.get(conversationId);
      const scope = senderScope(sender);
      return answer && (scope === undefined || scope === answer.account) ? answer : undefined;
    },
    run: async (request, sender, sink, abortSignal) => {
      // The panel says which mode it shows; the organization's setting decides whether Build may run.
      const mode = effectiveMode(request.mode, await organizationSettingsItem.getValue().catch(() => null));
      const tabId = sender.tab?.id;
      const frameId = sender.frameId ?? 0;
      const origin = accountOf(sender.url);
      const account = services.account(origin);
      const inTab = <T>(ask: (tabId: number) => Promise<T>) => {
        if (tabId === undefined) throw new Error('There is no Spacelift tab to work in');
        return ask(tabId);
      };
      // The answer carried on (Continue, an approval) is the last message, as it was before this run.
      const last = request.messages.at(-1);
      const answer = running.begin(request.conversationId, origin, last?.role === 'assistant' ? structuredClone(last) : undefined);
      return runChat(
        request,
        {
          store,
          chooseModel: (conversationId) => models.choose(conversationId, origin),
          lacksHostPermission: async ({ integration }) =>
            !(await browser.permissions.contains({ origins: [originPattern(effectiveBaseURL(integration.provider, integration.baseURL))] })),
          recordUsage: (call) => models.record(call),
          tools: createAskTools({
            origin,
            readPage: () => inTab((id) => requestTab(id, 'page.read', undefined, frameId)),
            navigate: (path) => inTab((id) => requestTab(id, 'page.navigate', { path }, frameId)),
            client: account.client,
            schema: () => account.schema.getSchema(),
            refreshSchema: () => account.schema.refresh(),
            docs: () => services.docsSource(),
          }),
          account: origin,
          pageUrl: sender.url,
          mode,
        },
        answer.tee(sink),
        AbortSignal.any([abortSignal, answer.stop.signal]),
      )
        .then(
          () => running.finish(request.conversationId, answer),
          (error: unknown) => {
            // Followers hear of it too (the asking panel is told by the Port server).
            running.finish(request.conversationId, answer, { type: 'failure', error: errorInfo('unknown', error instanceof Error ? error.message : String(error)) });
            throw error;
          },
        )
        // Not awaited: the answer is done and stored; the title comes when it comes.
        .finally(() => void titleAfterAnswer(request.conversationId));
    },
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    requestTab(tab.id, 'panel.toggle', undefined).catch(() => {
      // Not a Spacelift page, or the page is still loading: nothing to toggle.
    });
  });
}
