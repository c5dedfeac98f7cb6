import { browser } from 'wxt/browser';
import {
  envelope,
  isRequestEnvelope,
  unwrapReply,
  type BackgroundRequests,
  type ContentRequests,
  type ReplyEnvelope,
  type RequestInput,
  type RequestName,
  type RequestOutput,
} from './protocol';

type Runtime = typeof browser;
type Sender = Parameters<Parameters<Runtime['runtime']['onMessage']['addListener']>[0]>[1];

/** Ask the background (from the panel or the popup). */
export async function requestBackground<K extends RequestName<BackgroundRequests>>(
  name: K,
  input: RequestInput<BackgroundRequests, K>,
): Promise<RequestOutput<BackgroundRequests, K>> {
  const reply = await browser.runtime.sendMessage(envelope<BackgroundRequests, K>(name, input));
  return unwrapReply(reply, name);
}

/** Ask the content script of one tab (from the background). */
export async function requestTab<K extends RequestName<ContentRequests>>(
  tabId: number,
  name: K,
  input: RequestInput<ContentRequests, K>,
  frameId = 0,
): Promise<RequestOutput<ContentRequests, K>> {
  const reply = await browser.tabs.sendMessage(tabId, envelope<ContentRequests, K>(name, input), { frameId });
  return unwrapReply(reply, name);
}

export type Handlers<M> = {
  [K in RequestName<M>]: (input: RequestInput<M, K>, sender: Sender) => Promise<RequestOutput<M, K>> | RequestOutput<M, K>;
};

/**
 * Answer requests of one protocol map. `accept` decides whether a sender may
 * talk to us at all (at once, or after a short wait); others get no answer, as
 * if nobody listened.
 */
export function handleRequests<M>(handlers: Handlers<M>, accept: (sender: Sender) => boolean | Promise<boolean>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (!isRequestEnvelope(message)) return undefined;
    const handler = (handlers as Record<string, (input: unknown, sender: Sender) => unknown>)[message.name];
    if (!handler) return undefined;
    const verdict = accept(sender);
    if (verdict === false) return undefined;
    const answer = () =>
      Promise.resolve()
        .then(() => handler(message.input, sender))
        .then(
          (value): ReplyEnvelope<unknown> => ({ ok: true, value }),
          (error: unknown): ReplyEnvelope<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
    return verdict === true ? answer() : verdict.then((ok) => (ok ? answer() : undefined));
  });
}
