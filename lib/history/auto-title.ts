import type { LanguageModel } from 'ai';
import type { ConversationStore } from '../db/conversation-store';
import type { ModelSettings } from '../settings/model-settings';
import { firstExchange, generateTitle } from './title';

export interface AutoTitleDeps {
  store: ConversationStore;
  loadSettings: () => Promise<ModelSettings | null>;
  createModel: (settings: ModelSettings) => LanguageModel;
  generate?: typeof generateTitle;
}

/**
 * After an answer has finished: title the conversation from its first
 * exchange, once per conversation (per worker life), unless the user named it
 * or a model already did. Never throws; never delays the answer (the caller
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
      const settings = await deps.loadSettings();
      if (!settings) return;
      const title = await generate(deps.createModel(settings), exchange);
      if (title) await deps.store.setGeneratedTitle(conversationId, title);
    } catch (error) {
      console.warn('[infra-assistant] no generated title:', error instanceof Error ? error.message : String(error));
    }
  };
}
