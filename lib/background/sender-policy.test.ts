import { describe, expect, it, vi } from 'vitest';
import { accountOf, isExtensionPage, isSpaceliftUrl, isTrustedSender, matchPatternToRegExp, setSelfHostedOrigins } from './sender-policy';

const ext = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const trusted = (sender: Parameters<typeof isTrustedSender>[0]) => isTrustedSender(sender, ext.id, ext.origin);

describe('sender policy', () => {
  it('matches Spacelift hosts and the sandbox, nothing else', () => {
    expect(isSpaceliftUrl('https://acme.app.spacelift.io/stack/x')).toBe(true);
    expect(isSpaceliftUrl('https://app.spacelift.io/stacks')).toBe(true);
    expect(isSpaceliftUrl('http://spacelift.localhost:4321/stacks')).toBe(true);
    expect(isSpaceliftUrl('https://evil.example/app.spacelift.io/')).toBe(false);
    expect(isSpaceliftUrl('https://app.spacelift.io.evil.example/')).toBe(false);
    expect(isSpaceliftUrl('http://acme.app.spacelift.io/')).toBe(false); // plain http is not Spacelift
    expect(isSpaceliftUrl('http://localhost:3000/')).toBe(false);
  });

  it('turns match patterns into anchored expressions', () => {
    const re = matchPatternToRegExp('https://*.app.spacelift.io/*');
    expect(re.test('https://a.b.app.spacelift.io/x')).toBe(true);
    expect(re.test('https://xapp.spacelift.io/x')).toBe(false);
  });

  it('trusts our extension pages and our content scripts on Spacelift pages only', () => {
    expect(trusted({ id: ext.id, url: `${ext.origin}popup.html` })).toBe(true);
    expect(trusted({ id: ext.id, url: 'https://acme.app.spacelift.io/stacks', tab: { id: 1 } })).toBe(true);
    expect(trusted({ id: ext.id, url: 'https://example.com/', tab: { id: 1 } })).toBe(false);
    expect(trusted({ id: 'another-extension', url: `${ext.origin}popup.html` })).toBe(false);
    expect(trusted({ url: 'https://acme.app.spacelift.io/', tab: { id: 1 } })).toBe(false);
  });

  it('trusts self-hosted hosts the user added, and only those', () => {
    expect(isSpaceliftUrl('https://spacelift.acme.internal/stacks')).toBe(false);
    setSelfHostedOrigins(['https://spacelift.acme.internal']);
    expect(isSpaceliftUrl('https://spacelift.acme.internal/stacks')).toBe(true);
    expect(isSpaceliftUrl('https://spacelift.acme.internal.evil.example/')).toBe(false);
    setSelfHostedOrigins([]);
    expect(isSpaceliftUrl('https://spacelift.acme.internal/stacks')).toBe(false);
  });

  it('tells our extension pages (even in a tab) from content scripts', () => {
    const page = (sender: Parameters<typeof isExtensionPage>[0]) => isExtensionPage(sender, ext.id, ext.origin);
    expect(page({ id: ext.id, url: `${ext.origin}popup.html` })).toBe(true);
    expect(page({ id: ext.id, url: `${ext.origin}popup.html`, tab: { id: 3 } })).toBe(true);
    expect(page({ id: ext.id, url: 'https://acme.app.spacelift.io/stacks', tab: { id: 1 } })).toBe(false);
    expect(page({ id: 'other', url: `${ext.origin}popup.html` })).toBe(false);
  });

  it('names the account by origin', () => {
    expect(accountOf('https://acme.app.spacelift.io/stack/a?b=1')).toBe('https://acme.app.spacelift.io');
    expect(accountOf(undefined)).toBe('unknown');
  });

  it('a message from a self-hosted page that wakes the worker waits for the list, instead of being refused', async () => {
    // A fresh worker: the module as it is before the list has been read from storage.
    vi.resetModules();
    const policy = await import('./sender-policy');
    const selfHosted = { id: ext.id, url: 'https://spacelift.corp.example/stacks', tab: { id: 1 } };
    const verdict = policy.trustSender(selfHosted, ext.id, ext.origin);
    expect(verdict).toBeInstanceOf(Promise);
    // Built-in hosts and extension pages are answered at once; another extension is refused at once.
    expect(policy.trustSender({ id: ext.id, url: 'https://acme.app.spacelift.io/stacks', tab: { id: 1 } }, ext.id, ext.origin)).toBe(true);
    expect(policy.trustSender({ id: 'another-extension', url: 'https://spacelift.corp.example/', tab: { id: 1 } }, ext.id, ext.origin)).toBe(false);
    policy.setSelfHostedOrigins(['https://spacelift.corp.example']);
    await expect(verdict).resolves.toBe(true);
    // Once the list is known, the answer is immediate both ways.
    expect(policy.trustSender(selfHosted, ext.id, ext.origin)).toBe(true);
    expect(policy.trustSender({ ...selfHosted, url: 'https://other.example/' }, ext.id, ext.origin)).toBe(false);
  });
});
