import type { CacheStore } from '../db/cache-store';
import { SpaceliftClient } from '../spacelift/graphql-client';
import { credentialFor, tokenCache } from '../spacelift/credentials';
import { SchemaSource } from '../spacelift/schema/schema-cache';
import { DocsSource } from '../docs/docs-source';
import { assistantSettingsItem } from '../settings/assistant-settings';

interface AccountEntry {
  client: SpaceliftClient;
  schema: SchemaSource;
}

/**
 * One Spacelift client and schema cache per account (origin), and one docs
 * source for the configured docs site, kept for the worker's life.
 */
export class AccountServices {
  private readonly accounts = new Map<string, AccountEntry>();
  private docs?: { baseUrl: string; source: DocsSource };

  constructor(private readonly cache: CacheStore) {}

  account(origin: string): AccountEntry {
    let entry = this.accounts.get(origin);
    if (!entry) {
      const client = new SpaceliftClient({ origin, credential: () => credentialFor(origin), tokens: tokenCache });
      entry = { client, schema: new SchemaSource({ account: origin, client, cache: this.cache }) };
      this.accounts.set(origin, entry);
    }
    return entry;
  }

  async docsSource(): Promise<DocsSource> {
    const { docsBaseUrl } = await assistantSettingsItem.getValue();
    if (this.docs?.baseUrl !== docsBaseUrl) this.docs = { baseUrl: docsBaseUrl, source: new DocsSource({ baseUrl: docsBaseUrl, cache: this.cache }) };
    return this.docs.source;
  }

  /** Credentials changed: forget the account's client state (cached schema stays, it is per account). */
  forget(origin: string): void {
    this.accounts.delete(origin);
  }
}
