import { describe, expect, it } from 'vitest';
import { SELF_HOSTED_SCRIPT_ID, injectIntoOpenTabs, syncSelfHostedContentScript, type SelfHostedApis } from './self-hosted';

/** An in-memory stand-in for chrome.scripting and chrome.permissions. */
function fakeApis(granted: string[]) {
  const registered = new Map<string, { id: string; matches?: string[] }>();
  const apis = {
    permissions: { contains: async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.includes(o)) },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids?: string[] } = {}) => [...registered.values()].filter((s) => !ids || ids.includes(s.id)),
      registerContentScripts: async (scripts: { id: string; matches?: string[] }[]) => scripts.forEach((s) => registered.set(s.id, s)),
      updateContentScripts: async (scripts: { id: string; matches?: string[] }[]) => scripts.forEach((s) => registered.set(s.id, s)),
      unregisterContentScripts: async ({ ids }: { ids?: string[] } = {}) => ids?.forEach((id) => registered.delete(id)),
    },
  } as unknown as SelfHostedApis;
  return { apis, registered };
}

describe('self-hosted hosts', () => {
  it('registers the content script only on hosts whose permission was granted', async () => {
    const { apis, registered } = fakeApis(['https://spacelift.acme.internal/*']);
    const active = await syncSelfHostedContentScript(['https://spacelift.acme.internal', 'https://not-granted.example'], apis);
    expect(active).toEqual(['https://spacelift.acme.internal']);
    expect(registered.get(SELF_HOSTED_SCRIPT_ID)?.matches).toEqual(['https://spacelift.acme.internal/*']);
  });

  it('updates the registration as hosts are added, and removes it when none is left', async () => {
    const { apis, registered } = fakeApis(['https://a.example/*', 'https://b.example/*']);
    await syncSelfHostedContentScript(['https://a.example'], apis);
    await syncSelfHostedContentScript(['https://a.example', 'https://b.example'], apis);
    expect(registered.get(SELF_HOSTED_SCRIPT_ID)?.matches).toEqual(['https://a.example/*', 'https://b.example/*']);
    await syncSelfHostedContentScript([], apis);
    expect(registered.size).toBe(0);
  });

  it('starts the assistant in tabs already open on hosts just added, and skips tabs it cannot script', async () => {
    const queried: string[][] = [];
    const scripted: number[] = [];
    const apis = {
      tabs: { query: async ({ url }: { url?: string | string[] }) => (queried.push([url ?? []].flat()), [{ id: 1 }, { id: 2 }, {}]) },
      scripting: {
        executeScript: async ({ target, files }: { target: { tabId: number }; files?: string[] }) => {
          if (target.tabId === 2) throw new Error('Cannot access a discarded tab');
          expect(files).toEqual(['/content-scripts/content.js']);
          scripted.push(target.tabId);
          return [];
        },
      },
    };
    expect(await injectIntoOpenTabs(['https://spacelift.acme.internal'], apis as never)).toBe(1);
    expect(queried).toEqual([['https://spacelift.acme.internal/*']]);
    expect(scripted).toEqual([1]);
    expect(await injectIntoOpenTabs([], apis as never)).toBe(0);
    expect(queried).toHaveLength(1);
  });
});
