export interface NavigationResult {
  url: string;
  title: string;
  /** How the page changed: an in-app link, the app's router, or a full load. */
  mode: 'link' | 'history' | 'reload';
}

const SETTLE_MS = 1_500;

/**
 * Go to a same-origin path the way the user would: click the app's own link to
 * it if the page has one, else push the path and tell the app's router
 * (popstate), and only if the app does not react, load the page in full.
 * `path` must already be checked to be same-origin.
 */
export async function navigateInPage(path: string, doc: Document = document): Promise<NavigationResult> {
  const win = doc.defaultView!;
  const target = new URL(path, win.location.origin);
  if (target.origin !== win.location.origin) throw new Error('Navigation must stay on this Spacelift origin');
  const here = `${win.location.pathname}${win.location.search}${win.location.hash}`;
  const destination = `${target.pathname}${target.search}${target.hash}`;
  if (here === destination) return { url: win.location.href, title: doc.title, mode: 'history' };

  const link = findAppLink(doc, target);
  if (link) {
    const changed = waitForChange(doc);
    link.click();
    if ((await changed) && samePath(win, target)) {
      await waitForQuiet(doc);
      return { url: win.location.href, title: doc.title, mode: 'link' };
    }
  }

  const changed = waitForChange(doc);
  win.history.pushState(win.history.state, '', destination);
  win.dispatchEvent(new PopStateEvent('popstate', { state: win.history.state }));
  if (await changed) {
    await waitForQuiet(doc);
    return { url: win.location.href, title: doc.title, mode: 'history' };
  }

  // The app did not pick up the route: load the page. The panel comes back with the page.
  setTimeout(() => win.location.assign(target.href), 50);
  return { url: target.href, title: '', mode: 'reload' };
}

function findAppLink(doc: Document, target: URL): HTMLAnchorElement | undefined {
  return [...doc.querySelectorAll<HTMLAnchorElement>('a[href]')].find((a) => {
    if (a.target && a.target !== '_self') return false;
    if (a.closest('infra-assistant-panel, infra-assistant-launcher')) return false;
    try {
      const url = new URL(a.href, doc.baseURI);
      return url.origin === target.origin && url.pathname === target.pathname && url.search === target.search;
    } catch {
      return false;
    }
  });
}

function samePath(win: Window, target: URL): boolean {
  return win.location.pathname === target.pathname;
}

/** Resolves true when the app changes the document (a route render), false after a while without. */
function waitForChange(doc: Document): Promise<boolean> {
  return new Promise((resolve) => {
    const root = doc.querySelector('main') ?? doc.body;
    const observer = new MutationObserver((records) => {
      const outsideOurs = records.some((r) => !(r.target as Element).closest?.('infra-assistant-panel, infra-assistant-launcher'));
      if (outsideOurs) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(true);
      }
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    if (root !== doc.body) observer.observe(root, { childList: true, subtree: true, attributes: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(false);
    }, SETTLE_MS);
  });
}

/**
 * Apps render a route first and fill it when their data arrives. Wait until
 * the page has been still for a moment and nothing says it is loading, so a
 * page read right after sees the content. Bounded: a live page never goes still.
 */
export function waitForQuiet(doc: Document, quietMs = 300, maxMs = 4_000): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    let last = Date.now();
    const observer = new MutationObserver(() => (last = Date.now()));
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy', 'class'] });
    const loading = () => !!doc.querySelector('[aria-busy="true"]');
    const timer = setInterval(() => {
      const now = Date.now();
      if ((now - last >= quietMs && !loading()) || now - started >= maxMs) {
        clearInterval(timer);
        observer.disconnect();
        resolve();
      }
    }, 50);
  });
}
