import type { LanguageModel } from 'ai';
import { budgetStatus, type BudgetStatus } from '../budget/budget';
import { sumUsage, type UsageLedger, type CallToRecord, type UsageTotals } from '../budget/usage-ledger';
import type { ConversationStore } from '../db/conversation-store';
import {
  loadIntegrations,
  modelInfoOf,
  resolveSelection,
  setDefaultSelection,
  type Integration,
  type ModelSelection,
} from '../settings/model-integrations';
import type { ModelChoice, PanelIntegration, PanelModelState } from './model-choice';
import { isIntegrationAvailable, type SpaceAccess } from './scoping';

export interface ModelServiceDeps {
  ledger: UsageLedger;
  store: ConversationStore;
  spaceAccess: (account: string) => Promise<SpaceAccess>;
  createModel: (integration: Integration, modelId: string) => LanguageModel;
}

/**
 * Which integrations a Spacelift account's panel may use, which model a
 * conversation uses, and where each budget stands. Background only: the
 * integrations it handles carry their keys.
 */
export class ModelService {
  constructor(private readonly deps: ModelServiceDeps) {}

  /** Integrations usable on this account: unscoped ones, and scoped ones whose spaces the identity can access. */
  async usableOn(account: string): Promise<{ usable: Integration[]; hiddenScoped: number; access?: SpaceAccess; default: ModelSelection | null }> {
    const state = await loadIntegrations();
    const scoped = state.integrations.filter((i) => i.spaces);
    const access = scoped.length ? await this.deps.spaceAccess(account) : undefined;
    const usable = state.integrations.filter((i) => isIntegrationAvailable(i.spaces, account, access));
    return { usable, hiddenScoped: state.integrations.length - usable.length, access, default: state.defaultSelection };
  }

  async budgetOf(integration: Integration): Promise<BudgetStatus> {
    return budgetStatus(integration, await this.deps.ledger.callsInWindow(integration.id));
  }

  /** Budget and token totals over the window, from one read of the ledger. */
  private async standing(integration: Integration): Promise<{ budget: BudgetStatus; totals: UsageTotals }> {
    const calls = await this.deps.ledger.callsInWindow(integration.id);
    return { budget: budgetStatus(integration, calls), totals: sumUsage(calls) };
  }

  async panelState(conversationId: string, account: string): Promise<PanelModelState> {
    const { usable, hiddenScoped, access, default: fallback } = await this.usableOn(account);
    const wanted = await this.deps.store.modelChoice(conversationId);
    const integrations: PanelIntegration[] = await Promise.all(
      usable.map(async (integration) => ({
        id: integration.id,
        name: integration.name,
        provider: integration.provider,
        organization: !!integration.organization,
        models: integration.models.map((m) => modelInfoOf(integration, m.id)),
        defaultModel: integration.defaultModel,
        ...(await this.standing(integration)),
      })),
    );
    return {
      integrations,
      selection: resolveSelection(usable, wanted && { integrationId: wanted.integrationId, modelId: wanted.model }, fallback),
      hiddenScoped,
      ...(access && !access.known ? { spaceAccessProblem: access.reason } : {}),
    };
  }

  /** The user picked a model in the panel: this conversation uses it, and new ones start with it. */
  async select(conversationId: string, account: string, selection: ModelSelection): Promise<PanelModelState> {
    const { usable } = await this.usableOn(account);
    const integration = usable.find((i) => i.id === selection.integrationId);
    if (!integration) throw new Error('That integration is not available here.');
    await setDefaultSelection(selection);
    await this.deps.store.setModelChoice(conversationId, selection.integrationId, selection.modelId);
    return this.panelState(conversationId, account);
  }

  /** What an answer in this conversation will use; null when no integration is usable here. */
  async choose(conversationId: string, account: string): Promise<ModelChoice | null> {
    const { usable, default: fallback } = await this.usableOn(account);
    const wanted = await this.deps.store.modelChoice(conversationId);
    const selection = resolveSelection(usable, wanted && { integrationId: wanted.integrationId, modelId: wanted.model }, fallback);
    const integration = selection && usable.find((i) => i.id === selection.integrationId);
    if (!selection || !integration) return null;
    return {
      integration,
      modelId: selection.modelId,
      info: modelInfoOf(integration, selection.modelId),
      model: this.deps.createModel(integration, selection.modelId),
      budget: await this.budgetOf(integration),
    };
  }

  record(call: CallToRecord): Promise<unknown> {
    return this.deps.ledger.record(call);
  }
}
