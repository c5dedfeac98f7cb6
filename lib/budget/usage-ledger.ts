import Dexie from 'dexie';
import type { AssistantDatabase, UsageRecord } from '../db/database';
import { costMicros, type TokenUsage } from './pricing';
import type { ModelPrice } from '../models/model-catalog';
import { windowEndingAt, WINDOW_MS, type UsageWindow } from './window';

/** Rows older than this are deleted: the window needs 30 days, the rest is kept a while for the record. */
export const LEDGER_RETENTION_MS = 3 * WINDOW_MS;

export interface CallToRecord {
  integrationId: string;
  integrationName: string;
  provider: string;
  model: string;
  kind: UsageRecord['kind'];
  conversationId?: string;
  usage: TokenUsage;
  /** The model's price; without one the call is counted with no cost. */
  price?: ModelPrice;
}

export interface UsageTotals {
  calls: number;
  unpricedCalls: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costMicros: number;
}

export interface ModelUsage extends UsageTotals {
  model: string;
}

export interface IntegrationUsage extends UsageTotals {
  integrationId: string;
  integrationName: string;
  models: ModelUsage[];
}

export const EMPTY_TOTALS: UsageTotals = { calls: 0, unpricedCalls: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, costMicros: 0 };

/**
 * Every model call's tokens and cost, in IndexedDB. Budgets and the popup's
 * summary read it over the rolling window; nothing here knows about keys or
 * message text.
 */
export class UsageLedger {
  constructor(
    private readonly db: AssistantDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async record(call: CallToRecord): Promise<UsageRecord> {
    const row: UsageRecord = {
      at: this.now(),
      integrationId: call.integrationId,
      integrationName: call.integrationName,
      provider: call.provider,
      model: call.model,
      kind: call.kind,
      ...(call.conversationId ? { conversationId: call.conversationId } : {}),
      inputTokens: call.usage.inputTokens,
      cachedInputTokens: call.usage.cachedInputTokens,
      cacheWriteTokens: call.usage.cacheWriteTokens,
      outputTokens: call.usage.outputTokens,
      costMicros: call.price ? costMicros(call.usage, call.price) : 0,
      priced: !!call.price,
    };
    row.id = await this.db.usage.add(row);
    return row;
  }

  /** One integration's calls in the window, oldest first. */
  async callsInWindow(integrationId: string, window: UsageWindow = windowEndingAt(this.now())): Promise<UsageRecord[]> {
    // The window's start is exclusive, its end inclusive.
    return this.db.usage.where('[integrationId+at]').between([integrationId, window.start], [integrationId, window.end], false, true).toArray();
  }

  async totals(integrationId: string, window: UsageWindow = windowEndingAt(this.now())): Promise<UsageTotals> {
    return sumUsage(await this.callsInWindow(integrationId, window));
  }

  /** The popup's view: per integration, and per model within it, over the window; biggest spender first. */
  async summary(window: UsageWindow = windowEndingAt(this.now())): Promise<IntegrationUsage[]> {
    const rows = await this.db.usage.where('at').between(window.start, window.end, false, true).toArray();
    const byIntegration = new Map<string, UsageRecord[]>();
    for (const row of rows) byIntegration.set(row.integrationId, [...(byIntegration.get(row.integrationId) ?? []), row]);
    return [...byIntegration.entries()]
      .map(([integrationId, calls]) => {
        const byModel = new Map<string, UsageRecord[]>();
        for (const call of calls) byModel.set(call.model, [...(byModel.get(call.model) ?? []), call]);
        return {
          integrationId,
          // The latest name it was used under.
          integrationName: calls.at(-1)!.integrationName,
          ...sumUsage(calls),
          models: [...byModel.entries()].map(([model, modelCalls]) => ({ model, ...sumUsage(modelCalls) })).sort(bySpend),
        };
      })
      .sort(bySpend);
  }

  /** Forget rows long out of the window. */
  async prune(): Promise<number> {
    return this.db.usage.where('at').below(this.now() - LEDGER_RETENTION_MS).delete();
  }

  /** Delete one integration's rows (when the user deletes the integration and asks to). */
  async forgetIntegration(integrationId: string): Promise<number> {
    return this.db.usage.where('[integrationId+at]').between([integrationId, Dexie.minKey], [integrationId, Dexie.maxKey]).delete();
  }
}

export function sumUsage(rows: readonly UsageRecord[]): UsageTotals {
  const totals = { ...EMPTY_TOTALS };
  for (const row of rows) {
    totals.calls++;
    if (!row.priced) totals.unpricedCalls++;
    totals.inputTokens += row.inputTokens;
    totals.cachedInputTokens += row.cachedInputTokens;
    totals.outputTokens += row.outputTokens;
    totals.costMicros += row.costMicros;
  }
  return totals;
}

function bySpend(a: UsageTotals, b: UsageTotals): number {
  return b.costMicros - a.costMicros || b.calls - a.calls;
}
