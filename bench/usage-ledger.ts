// Usage ledger benchmark: what the budget check costs before every answer, and the popup's summary,
// for a heavy user: 300 model calls a day for the 90 days the ledger keeps (27,000 rows), across
// three integrations and six models. Node + fake-indexeddb (see bench/history.ts for what that means).
// Run: npx tsx bench/usage-ledger.ts, or npm run bench.
import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { AssistantDatabase, type UsageRecord } from '../lib/db/database';
import { UsageLedger } from '../lib/budget/usage-ledger';
import { budgetStatus } from '../lib/budget/budget';

const DAY = 24 * 3600_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(runs: number, task: () => Promise<unknown>): Promise<string> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return `${median(samples).toFixed(1)} ms (median of ${runs})`;
}

export async function benchUsageLedger(): Promise<Record<string, string | number>> {
  const db = new AssistantDatabase(`bench-usage-${Math.random()}`);
  const now = Date.UTC(2026, 5, 30);
  const integrations = ['work', 'org', 'home'];
  const models = ['gpt-4.1-mini', 'gpt-4.1', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'llama3.1:8b', 'gemini-2.5-flash'];
  const rows: UsageRecord[] = [];
  for (let i = 0; i < 90 * 300; i++) {
    rows.push({
      at: now - 90 * DAY + Math.floor((i * 90 * DAY) / 27_000),
      integrationId: integrations[i % 3]!,
      integrationName: integrations[i % 3]!,
      provider: 'openai',
      model: models[i % 6]!,
      kind: 'chat',
      inputTokens: 3_000 + (i % 5_000),
      cachedInputTokens: 1_000,
      cacheWriteTokens: 0,
      outputTokens: 200 + (i % 300),
      costMicros: 1_500 + (i % 900),
      priced: true,
    });
  }
  await db.usage.bulkAdd(rows);
  const ledger = new UsageLedger(db, () => now);
  const inWindow = (await ledger.callsInWindow('org')).length;
  const figures = {
    'ledger rows (90 days × 300 calls a day)': rows.length,
    "one integration's calls in the 30-day window": inWindow,
    'budget check before an answer (read window + status)': await time(20, async () => budgetStatus({ organization: {} }, await ledger.callsInWindow('org'))),
    'record one call': await time(20, () =>
      ledger.record({ integrationId: 'org', integrationName: 'org', provider: 'openai', model: 'gpt-4.1', kind: 'chat', usage: { inputTokens: 3000, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 200 }, price: { inputPerM: 2, outputPerM: 8 } }),
    ),
    "popup's summary (per integration and model, 30 days)": await time(10, () => ledger.summary()),
  };
  await db.delete();
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, value] of Object.entries(await benchUsageLedger())) console.log(`${name.padEnd(56)} ${value}`);
}
