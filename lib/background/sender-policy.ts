import { browser } from 'wxt/browser';
import { SPACELIFT_MATCHES } from '../spacelift/hosts';

type Sender = { id?: string; url?: string; tab?: { id?: number } };

/** `https://*.app.spacelift.io/*` → a RegExp over full URLs. */
export function matchPatternToRegExp(pattern: string): RegExp {
  const m = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`Unsupported match pattern: ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const schemeRe = scheme === '*' ? 'https?' : scheme;
  const hostRe =
    host === '*' ? '[^/:]+' : host.startsWith('*.') ? `(?:[^/:]+\\.)?${escape(host.slice(2))}` : escape(host);
  const pathRe = path.split('*').map(escape).join('.*');
  return new RegExp(`^${schemeRe}://${hostRe}(?::\\d+)?${pathRe}$`);
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

const spacelift = SPACELIFT_MATCHES.map(matchPatternToRegExp);

/** Self-hosted origins the user added (kept current by the background). */
const selfHosted = new Set<string>();
/**
 * Whether the list has been read since the worker started. A message from a self-hosted page is often
 * what wakes the worker: it must wait for the list, not be refused because the list is not read yet.
 */
let selfHostedKnown = false;
let markKnown: () => void = () => undefined;
const selfHostedLoaded = new Promise<void>((resolve) => (markKnown = resolve));
/** How long a message waits for the list at most (a broken storage must not hang every request). */
const SELF_HOSTED_WAIT_MS = 3_000;

export function setSelfHostedOrigins(origins: readonly string[]): void {
  selfHosted.clear();
  for (const origin of origins) selfHosted.add(origin);
  selfHostedKnown = true;
  markKnown();
}

export function isSpaceliftUrl(url: string | undefined): boolean {
  if (!url) return false;
  if (spacelift.some((re) => re.test(url))) return true;
  try {
    return selfHosted.has(new URL(url).origin);
  } catch {
    return false;
  }
}

/**
 * Only our own extension pages and our content scripts on Spacelift pages may
 * talk to the background. A message from another extension, or from a content
 * script on a page we do not serve, is ignored.
 */
export function isTrustedSender(sender: Sender, extensionId = browser.runtime.id, extensionOrigin = browser.runtime.getURL('/')): boolean {
  if (sender.id !== extensionId) return false;
  if (!sender.tab) return true; // popup, options: extension pages
  if (sender.url?.startsWith(extensionOrigin)) return true;
  return isSpaceliftUrl(sender.url);
}

/**
 * isTrustedSender, answered at once when it can be; while the self-hosted list is still being read after
 * the worker started, a sender on another host waits for it (at most a few seconds).
 */
export function trustSender(sender: Sender, extensionId = browser.runtime.id, extensionOrigin = browser.runtime.getURL('/')): boolean | Promise<boolean> {
  if (isTrustedSender(sender, extensionId, extensionOrigin)) return true;
  if (selfHostedKnown || sender.id !== extensionId || !sender.tab) return false;
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, SELF_HOSTED_WAIT_MS));
  return Promise.race([selfHostedLoaded, timeout]).then(() => isTrustedSender(sender, extensionId, extensionOrigin));
}

/** One of our own extension pages (popup, settings in a tab), never a content script. */
export function isExtensionPage(sender: Sender, extensionId = browser.runtime.id, extensionOrigin = browser.runtime.getURL('/')): boolean {
  return sender.id === extensionId && !!sender.url?.startsWith(extensionOrigin);
}

/** The Spacelift account (origin) a sender's page belongs to. */
export function accountOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : 'unknown';
  } catch {
    return 'unknown';
  }
}
