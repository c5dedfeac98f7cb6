import { browser } from 'wxt/browser';
import type { ConversationStore, HistoryChange } from '../db/conversation-store';
import { requestTab } from '../messaging/requests';
import { isSpaceliftUrl } from './sender-policy';

/*
 * Several Spacelift tabs see the same history, live. The history lives in the
 * extension's IndexedDB, which only extension contexts open: a panel (a
 * content script, in the page's origin) cannot watch it with Dexie's
 * liveQuery. So the background, which makes every write, tells the panels:
 * after each write it sends `history.changed` to every Spacelift tab, and an
 * open panel refreshes what it shows (its History list, and the open
 * conversation when it is idle). Tabs that never opened the panel answer
 * without loading it.
 *
 * Why not a Port per panel: an open Port does not keep the worker alive, so
 * every panel would have to reconnect after each idle stop, waking the worker
 * for nothing. Why not BroadcastChannel or storage events: the first is the
 * page's origin (the page would hear it), the second would put history events
 * in storage for no reason. A message per write from the one writer is enough:
 * writes that come in a burst (an import, a question and its answer) are sent
 * as one after a short delay.
 */

const COALESCE_MS = 150;

export function broadcastHistoryChanges(
  store: ConversationStore,
  options: {
    tabs?: () => Promise<number[]>;
    send?: (tabId: number, change: HistoryChange) => Promise<unknown>;
    /** When to send what has gathered (default: COALESCE_MS later). */
    schedule?: (flush: () => void) => void;
  } = {},
): () => void {
  const tabs = options.tabs ?? spaceliftTabs;
  const send = options.send ?? ((tabId, change) => requestTab(tabId, 'history.changed', change));
  let ids = new Set<string>();
  let accounts = new Set<string>();
  let scheduled = false;
  const schedule = options.schedule ?? ((flush: () => void) => void setTimeout(flush, COALESCE_MS));

  const flush = async () => {
    scheduled = false;
    const change: HistoryChange = { ids: [...ids], accounts: [...accounts] };
    ids = new Set();
    accounts = new Set();
    const targets = await tabs().catch(() => []);
    // A tab still loading, or closed meanwhile, has nobody listening: that is fine.
    await Promise.all(targets.map((tabId) => send(tabId, change).catch(() => undefined)));
  };

  return store.subscribe((change) => {
    for (const id of change.ids) ids.add(id);
    for (const account of change.accounts) accounts.add(account);
    if (scheduled) return;
    scheduled = true;
    schedule(() => void flush());
  });
}

/** Tabs on Spacelift pages (their URLs are visible to us through the host permissions). */
async function spaceliftTabs(): Promise<number[]> {
  const all = await browser.tabs.query({});
  return all.filter((tab) => tab.id !== undefined && isSpaceliftUrl(tab.url)).map((tab) => tab.id!);
}
