import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssistantDatabase } from '../db/database';
import { LEDGER_RETENTION_MS, UsageLedger, type CallToRecord } from './usage-ledger';
import { WINDOW_MS } from './window';
import { budgetStatus } from './budget';

const DAY = 24 * 3600_000;
const mini = { inputPerM: 0.4, outputPerM: 1.6, cachedInputPerM: 0.1 };

function call(integrationId: string, model: string, inputTokens: number, outputTokens: number, extra: Partial<CallToRecord> = {}): CallToRecord {
  return {
    integrationId,
    integrationName: integrationId.toUpperCase(),
    provider: 'openai',
    model,
    kind: 'chat',
    usage: { inputTokens, outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0 },
    price: mini,
    ...extra,
  };
}

describe('the usage ledger', () => {
  let db: AssistantDatabase;
  let now: number;
  let ledger: UsageLedger;
  beforeEach(async () => {
    db = new AssistantDatabase(`ledger-${Math.random()}`);
    now = Date.UTC(2026, 5, 1);
    ledger = new UsageLedger(db, () => now);
  });
  afterEach(() => db.delete());

  it('records each call with its tokens and cost, and never anything else', async () => {
    const row = await ledger.record(call('work', 'gpt-4.1-mini', 10_000, 2_000, { conversationId: 'c1' }));
    expect(row).toMatchObject({ at: now, integrationId: 'work', model: 'gpt-4.1-mini', inputTokens: 10_000, outputTokens: 2_000, costMicros: 4_000 + 3_200, priced: true });
    expect(Object.keys(row).sort()).toEqual(
      ['at', 'cacheWriteTokens', 'cachedInputTokens', 'conversationId', 'costMicros', 'id', 'inputTokens', 'integrationId', 'integrationName', 'kind', 'model', 'outputTokens', 'priced', 'provider'].sort(),
    );
    const unpriced = await ledger.record(call('local', 'llama3.1', 500, 50, { price: undefined }));
    expect(unpriced).toMatchObject({ costMicros: 0, priced: false });
  });

  it('totals one integration over the window, and calls roll off 30 days on', async () => {
    const start = now;
    await ledger.record(call('work', 'gpt-4.1-mini', 1_000_000, 0)); // $0.40 at start
    now = start + 10 * DAY;
    await ledger.record(call('work', 'gpt-4.1-mini', 0, 1_000_000)); // $1.60 at day 10
    await ledger.record(call('home', 'gpt-4.1-mini', 1_000_000, 1_000_000)); // another integration
    expect((await ledger.totals('work')).costMicros).toBe(2_000_000);
    expect((await ledger.totals('work')).calls).toBe(2);

    // One millisecond before the first call is 30 days old it still counts; at 30 days it is gone.
    now = start + WINDOW_MS - 1;
    expect((await ledger.totals('work')).costMicros).toBe(2_000_000);
    now = start + WINDOW_MS;
    expect((await ledger.totals('work')).costMicros).toBe(1_600_000);
    now = start + 10 * DAY + WINDOW_MS;
    expect((await ledger.totals('work')).calls).toBe(0);
  });

  it('summarises per integration and per model, biggest spender first', async () => {
    await ledger.record(call('work', 'gpt-4.1-mini', 1_000, 100));
    await ledger.record(call('work', 'gpt-4.1', 1_000, 100, { price: { inputPerM: 2, outputPerM: 8 } }));
    await ledger.record(call('work', 'gpt-4.1-mini', 1_000, 100));
    await ledger.record(call('home', 'llama3.1', 5_000, 500, { price: undefined }));
    const summary = await ledger.summary();
    expect(summary.map((s) => s.integrationId)).toEqual(['work', 'home']);
    const work = summary[0]!;
    expect(work).toMatchObject({ calls: 3, inputTokens: 3_000, outputTokens: 300 });
    expect(work.models.map((m) => [m.model, m.calls, m.costMicros])).toEqual([
      ['gpt-4.1', 1, 2_000 + 800],
      ['gpt-4.1-mini', 2, 2 * (400 + 160)],
    ]);
    expect(summary[1]).toMatchObject({ integrationName: 'HOME', unpricedCalls: 1, costMicros: 0 });
    now += WINDOW_MS;
    expect(await ledger.summary()).toEqual([]);
  });

  it('feeds the budget: used up at the limit, with when it frees up again', async () => {
    const first = now;
    await ledger.record(call('org', 'gpt-4.1', 1_000_000, 500_000, { price: { inputPerM: 2, outputPerM: 8 } })); // $6
    now += 2 * DAY;
    await ledger.record(call('org', 'gpt-4.1', 1_000_000, 500_000, { price: { inputPerM: 2, outputPerM: 8 } })); // $6
    const status = budgetStatus({ organization: { account: 'https://a' } }, await ledger.callsInWindow('org'));
    expect(status).toMatchObject({ limitMicros: 10_000_000, usedMicros: 12_000_000, exhausted: true });
    expect(status.availableAgainAt).toBe(first + WINDOW_MS);
    now = first + WINDOW_MS;
    expect(budgetStatus({ organization: {} }, await ledger.callsInWindow('org'))).toMatchObject({ usedMicros: 6_000_000, exhausted: false });
  });

  it('prunes rows long out of the window, and forgets an integration on request', async () => {
    await ledger.record(call('old', 'm', 1, 1));
    now += LEDGER_RETENTION_MS + 1;
    await ledger.record(call('new', 'm', 1, 1));
    expect(await ledger.prune()).toBe(1);
    expect(await db.usage.count()).toBe(1);
    expect(await ledger.forgetIntegration('new')).toBe(1);
    expect(await db.usage.count()).toBe(0);
  });
});
