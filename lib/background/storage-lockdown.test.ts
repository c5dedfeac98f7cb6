import { describe, expect, it } from 'vitest';
import { restrictStorageToExtension } from './storage-lockdown';

describe('restrictStorageToExtension', () => {
  it('closes storage.local and storage.session to content scripts where the browser can', async () => {
    const calls: string[] = [];
    const area = (name: string) => ({ setAccessLevel: async ({ accessLevel }: { accessLevel: string }) => void calls.push(`${name}:${accessLevel}`) });
    expect(await restrictStorageToExtension({ local: area('local'), session: area('session') })).toEqual(['local', 'session']);
    expect(calls).toEqual(['local:TRUSTED_CONTEXTS', 'session:TRUSTED_CONTEXTS']);
  });

  it('keeps going where an area lacks the call or refuses it', async () => {
    const refusing = { setAccessLevel: async () => Promise.reject(new Error('not supported')) };
    expect(await restrictStorageToExtension({ local: refusing, session: {} })).toEqual([]);
    expect(await restrictStorageToExtension(undefined)).toEqual([]);
  });
});
