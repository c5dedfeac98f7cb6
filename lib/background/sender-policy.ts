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

export function setSelfHostedOrigins(origins: readonly string[]): void {
  selfHosted.clear();
  for (const origin of origins) selfHosted.add(origin);
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
