import type { LanguageModelUsage } from 'ai';
import type { ConversationStore } from '../db/conversation-store';
import type { ModelChoice } from '../models/model-choice';
import type { CallToRecord } from '../budget/usage-ledger';
import { tokenUsageOf } from '../budget/pricing';
import { firstExchange, generateTitle } from './title';

export interface AutoTitleDeps {
  store: ConversationStore;
  /** The model the conversation's answers use on its account (null when none is usable there). */
  chooseModel: (conversationId: string, account: string) => Promise<ModelChoice | null>;
  /** Count the title call against the integration's budget like any other call. */
  recordUsage?: (call: CallToRecord) => Promise<unknown>;
  generate?: typeof generateTitle;
}

/**
 * After an answer has finished: title the conversation from its first
 * exchange, once per conversation (per worker life), unless the user named it
 * or a model already did. No model, a used-up budget or a failed call keep the
 * question as the title. Never throws; never delays the answer (the caller
 * does not wait for it).
 */
export function createAutoTitler(deps: AutoTitleDeps): (conversationId: string) => Promise<void> {
  const tried = new Set<string>();
  const generate = deps.generate ?? generateTitle;
  return async (conversationId) => {
    try {
      if (tried.has(conversationId)) return;
      const saved = await deps.store.getWithRecords(conversationId);
      if (!saved || saved.conversation.titleSource === 'user' || saved.conversation.titleSource === 'generated') return;
      const exchange = firstExchange(saved.records.filter((r) => r.status === 'complete').map((r) => r.message));
      if (!exchange) return;
      tried.add(conversationId);
      const choice = await deps.chooseModel(conversationId, saved.conversation.account);
      if (!choice || choice.budget.exhausted) return;
      const title = await generate(choice.model, exchange, {
        onUsage: (usage: LanguageModelUsage) =>
          void deps
            .recordUsage?.({
              integrationId: choice.integration.id,
              integrationName: choice.integration.name,
              provider: choice.integration.provider,
              model: choice.modelId,
              kind: 'title',
              conversationId,
              usage: tokenUsageOf(usage),
              price: choice.info.price,
            })
            ?.catch(() => undefined),
      });
      if (title) await deps.store.setGeneratedTitle(conversationId, title);
    } catch (error) {
      console.warn('[infra-assistant] no generated title:', error instanceof Error ? error.message : String(error));
    }
  };
}
