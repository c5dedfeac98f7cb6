import { storage } from 'wxt/utils/storage';

/** How the extension signs in to one Spacelift account. Stored in storage.local, read by the background only. */
export type SpaceliftCredential =
  | { kind: 'api-key'; keyId: string; keySecret: string }
  | { kind: 'token'; token: string };

export interface CachedToken {
  jwt: string;
  /** Unix seconds, as Spacelift's apiKeyUser returns it. */
  validUntil: number;
}

/** Keyed by account origin, e.g. https://acme.app.spacelift.io */
export const spaceliftCredentialsItem = storage.defineItem<Record<string, SpaceliftCredential>>('local:spaceliftCredentials', {
  fallback: {},
});

/** Exchanged JWTs live in session storage: in memory, gone when the browser closes, and out of content scripts' reach. */
export const spaceliftTokenCacheItem = storage.defineItem<Record<string, CachedToken>>('session:spaceliftTokens', { fallback: {} });

export async function credentialFor(origin: string): Promise<SpaceliftCredential | undefined> {
  return (await spaceliftCredentialsItem.getValue())[origin];
}

export async function saveCredential(origin: string, credential: SpaceliftCredential | null): Promise<void> {
  const all = { ...(await spaceliftCredentialsItem.getValue()) };
  if (credential) all[origin] = credential;
  else delete all[origin];
  await spaceliftCredentialsItem.setValue(all);
  await forgetToken(origin);
}

export const tokenCache = {
  async get(origin: string): Promise<CachedToken | undefined> {
    return (await spaceliftTokenCacheItem.getValue())[origin];
  },
  async set(origin: string, token: CachedToken): Promise<void> {
    await spaceliftTokenCacheItem.setValue({ ...(await spaceliftTokenCacheItem.getValue()), [origin]: token });
  },
  clear: forgetToken,
};

async function forgetToken(origin: string): Promise<void> {
  const all = { ...(await spaceliftTokenCacheItem.getValue()) };
  delete all[origin];
  await spaceliftTokenCacheItem.setValue(all);
}
