import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AssistantDatabase, type PostingRecord } from './database';
import { ConversationStore } from './conversation-store';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema-versions';
import { rebuildSearchIndex, unpackPostings } from '../history/search-index';
import { searchHistory } from '../history/search';
import { UsageLedger } from '../budget/usage-ledger';
import { windowEndingAt } from '../budget/window';

interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const FIXTURES = resolve(import.meta.dirname, '../../tests/unit/fixtures/db');

/** Fixtures are JSON; bytes (a Uint8Array) are written { "$base64": "..." }. */
function loadFixture(version: number): Fixture {
  return JSON.parse(readFileSync(resolve(FIXTURES, `v${version}.json`), 'utf8'), (_key, value) =>
    value && typeof value === 'object' && typeof value.$base64 === 'string' ? new Uint8Array(Buffer.from(value.$base64, 'base64')) : value,
  ) as Fixture;
}

/**
 * What each fixture must still give at the latest version: searches (words
 * from its messages, titles, prefixes) and the conversations they find, in
 * order, on one account when given. Deleted conversations are found by none.
 */
const EXPECTED: Record<number, { query: string; account?: string; ids: string[] }[]> = {
  1: [
    { query: 'ConditionalCheckFailedException', ids: ['0b6f2c1e-5d4a-4f8e-9c3b-7a1d2e3f4a5b'] },
    { query: 'force-unl', ids: ['0b6f2c1e-5d4a-4f8e-9c3b-7a1d2e3f4a5b'] },
    { query: 'aws_db_instance', ids: ['5e8d9a7b-1c2f-4b3a-8d6e-0f9a8b7c6d5e'] },
    { query: 'drift', ids: ['c3a1b2d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'] },
    { query: 'payments', account: 'https://acme.app.spacelift.io', ids: [] },
    { query: 'prod-network', ids: ['0b6f2c1e-5d4a-4f8e-9c3b-7a1d2e3f4a5b'] },
    { query: 'rego', ids: ['5e8d9a7b-1c2f-4b3a-8d6e-0f9a8b7c6d5e'] },
    // Tool outputs are not indexed: a run title only the GraphQL result holds.
    { query: 'NAT gateway', ids: [] },
  ],
  2: [
    { query: 'tags_all', ids: ['4d2e6f80-91a3-4b5c-8d7e-6f5a4b3c2d1e'] },
    { query: 'prod-eks', ids: ['4d2e6f80-91a3-4b5c-8d7e-6f5a4b3c2d1e'] },
    { query: 'OIDC setup', ids: ['6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d'] },
    // The regenerated answer's words went with it.
    { query: 'rotate them', ids: [] },
    { query: 'AssumeRoleWith', ids: ['6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d'] },
    // Deleted.
    { query: 'onprem-pool-2', ids: [] },
    { query: '01JV3A7C9E1G3J5L7N9Q1S3U5W', ids: ['8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f'] },
    { query: 'dead-letter', ids: ['8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f'] },
  ],
  3: [
    { query: 'tags_all', ids: ['4d2e6f80-91a3-4b5c-8d7e-6f5a4b3c2d1e'] },
    { query: 'unconfirmed', ids: ['9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a'] },
    { query: 'reconcile', ids: ['9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a'] },
    { query: 'onprem-pool-2', ids: [] },
  ],
};

/**
 * What each fixture's usage ledger must still give: per integration, its
 * calls and cost in the 30 days before the fixture's last call.
 */
const EXPECTED_USAGE: Record<number, { integrationId: string; calls: number; costMicros: number }[]> = {
  1: [],
  2: [],
  3: [
    { integrationId: 'work-openai', calls: 2, costMicros: 2_416 },
    { integrationId: 'home-ollama', calls: 1, costMicros: 0 },
    // Its only call is 40 days old.
    { integrationId: 'org-gateway', calls: 0, costMicros: 0 },
  ],
};

const SOURCE_TABLES = ['conversations', 'messages', 'caches', 'usage'] as const;
const KEYS: Record<(typeof SOURCE_TABLES)[number], string> = { conversations: 'id', messages: 'id', caches: 'key', usage: 'id' };

/** Postings without recency (a rebuild takes it from message times, live writes from when they happened). */
function postingsWithoutRecency(rows: PostingRecord[]) {
  return rows
    .map((row) => {
      const { d, t, b, n, s } = unpackPostings(row.p);
      return { term: row.term, bucket: row.bucket, d, t, b, n, s };
    })
    .sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : x.bucket - y.bucket));
}

describe('database migrations', () => {
  it('has a fixture and expectations for every version', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(Object.keys(EXPECTED).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
    expect(Object.keys(EXPECTED_USAGE).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  // One walk for every fixture: the database as that version left it, opened by today's code.
  it('brings every fixture from its version to the latest, intact and searchable', async () => {
    for (const { version } of SCHEMA_VERSIONS) {
      try {
        await migrateFixture(version);
      } catch (error) {
        if (error instanceof Error) error.message = `fixture v${version}: ${error.message}`;
        throw error;
      }
    }
  });
});

async function migrateFixture(version: number): Promise<void> {
  const fixture = loadFixture(version);
  expect(fixture.version).toBe(version);
  const name = `migration-v${version}-${Math.random()}`;

  // Raw Dexie, declaring only the versions up to the fixture's, and the rows as they were stored.
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();

  const db = new AssistantDatabase(name);
  await db.open();
  try {
    expect(db.verno).toBe(LATEST_VERSION);

    // Every stored field arrived unchanged (later versions may add fields, never change these).
    for (const table of SOURCE_TABLES) {
      const key = KEYS[table];
      const expected = fixture.tables[table] ?? [];
      const rows: Record<string, unknown>[] = await db.table(table).toArray();
      expect(rows).toHaveLength(expected.length);
      const byKey = new Map(rows.map((row) => [row[key], row]));
      for (const row of expected) expect(byKey.get(row[key])).toEqual(expect.objectContaining(row));
    }

    // Latest-version invariants: numbered once each; listed exactly when not deleted.
    const conversations = await db.conversations.toArray();
    expect(new Set(conversations.map((c) => c.docNo)).size).toBe(conversations.length);
    for (const c of conversations) {
      expect(Number.isInteger(c.docNo)).toBe(true);
      expect(c.listedAt).toBe(c.deletedAt === undefined ? c.updatedAt : undefined);
    }
    const listed = (await new ConversationStore(db).listPage({ limit: 100 })).items.map((c) => c.id);
    expect(listed).toEqual(
      conversations
        .filter((c) => c.deletedAt === undefined)
        .sort((x, y) => y.updatedAt - x.updatedAt)
        .map((c) => c.id),
    );

    // The search index matches the messages: what a rebuild from scratch gives.
    const stored = postingsWithoutRecency(await db.searchPostings.toArray());
    expect(stored.length).toBeGreaterThan(0);
    await db.transaction('rw', db.conversations, db.messages, db.searchPostings, () => rebuildSearchIndex(db));
    expect(stored).toEqual(postingsWithoutRecency(await db.searchPostings.toArray()));

    for (const { query, account, ids } of EXPECTED[version]!) {
      const hits = await searchHistory(db, query, { account });
      expect(hits.map((h) => h.conversation.id), query).toEqual(ids);
    }

    // The usage ledger answers over its indexes: per integration over the window before the last call.
    const lastCall = (fixture.tables.usage ?? []).reduce((max, row) => Math.max(max, row.at as number), 0);
    const ledger = new UsageLedger(db, () => lastCall);
    for (const { integrationId, calls, costMicros } of EXPECTED_USAGE[version]!) {
      const totals = await ledger.totals(integrationId, windowEndingAt(lastCall));
      expect({ integrationId, calls: totals.calls, costMicros: totals.costMicros }).toEqual({ integrationId, calls, costMicros });
    }
    // New rows get ids after the fixture's.
    await ledger.record({ integrationId: 'new', integrationName: 'New', provider: 'openai', model: 'm', kind: 'chat', usage: { inputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 1 } });
    expect(await db.usage.count()).toBe((fixture.tables.usage?.length ?? 0) + 1);
  } finally {
    await db.delete();
  }
}
