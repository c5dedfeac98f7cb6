import type { AssistantDatabase, CacheRecord } from './database';

/**
 * Fetched data kept between worker restarts (the docs search index, each
 * account's GraphQL schema), with when it was fetched and its ETag so callers
 * can decide when to refresh and revalidate cheaply.
 */
export class CacheStore {
  constructor(
    private readonly db: AssistantDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(key: string): Promise<CacheRecord<T> | undefined> {
    return (await this.db.caches.get(key)) as CacheRecord<T> | undefined;
  }

  async put<T>(key: string, value: T, etag?: string): Promise<CacheRecord<T>> {
    const record: CacheRecord<T> = { key, value, fetchedAt: this.now(), etag };
    await this.db.caches.put(record as CacheRecord);
    return record;
  }

  /** Mark a cached value as fresh again (a 304 Not Modified). */
  async touch(key: string): Promise<void> {
    await this.db.caches.update(key, { fetchedAt: this.now() });
  }

  async delete(key: string): Promise<void> {
    await this.db.caches.delete(key);
  }
}
