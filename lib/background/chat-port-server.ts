import { browser, type Browser } from 'wxt/browser';
import { CHAT_PORT_NAME, type ChatClientMessage, type ChatSendRequest, type ChatServerMessage } from '../messaging/chat-port';
import type { RunningAnswer } from './running-answers';
import type { ChatSink } from '../agent/run-chat';
import { errorInfo } from '../agent/errors';
import { holdWorkerAwake } from '../agent/keep-alive';
import { createChunkBatcher } from '../messaging/chunk-batcher';

type Port = Browser.runtime.Port;

export interface ChatPortServerDeps {
  /** At once, or after a short wait (a self-hosted host while the worker is still starting). */
  accept: (sender: Port['sender']) => boolean | Promise<boolean>;
  run: (request: ChatSendRequest, sender: NonNullable<Port['sender']>, sink: ChatSink, abortSignal: AbortSignal) => Promise<void>;
  /** The answer running for a conversation, if this sender may follow it. */
  following?: (conversationId: string, sender: NonNullable<Port['sender']>) => RunningAnswer | undefined;
}

/**
 * One Port per running answer. If the panel goes away (tab closed, page
 * reloaded) the answer keeps running and is stored; only an explicit abort
 * from the panel stops it.
 */
export function serveChatPorts(deps: ChatPortServerDeps): void {
  browser.runtime.onConnect.addListener((port: Port) => {
    if (port.name !== CHAT_PORT_NAME) return;
    const verdict = port.sender ? deps.accept(port.sender) : false;
    if (verdict === false || !port.sender) {
      port.disconnect();
      return;
    }
    const sender = port.sender;
    // Messages that come while the sender is being checked are handled, in order, once it is accepted.
    const accepted = Promise.resolve(verdict);
    void accepted.then((ok) => {
      if (!ok) port.disconnect();
    });
    const controller = new AbortController();
    let connected = true;
    let started = false;
    const post = (message: ChatServerMessage) => {
      if (!connected) return;
      try {
        port.postMessage(message);
      } catch {
        connected = false;
      }
    };
    port.onDisconnect.addListener(() => {
      connected = false;
    });
    let following: RunningAnswer | undefined;
    const handle = (message: ChatClientMessage) => {
      if (message?.type === 'abort') {
        // A follower's Stop stops the answer it follows (its own panel is gone).
        following?.stop.abort();
        controller.abort();
        return;
      }
      if (message?.type === 'follow' && !started) {
        started = true;
        // Gone while its sender was being checked: nothing to follow for.
        if (!connected) return;
        following = deps.following?.(String(message.conversationId), sender);
        const detach = follow(following, post, () => {
          if (connected) port.disconnect();
        });
        // The follower went away (tab closed, reloaded again): the answer goes on without it.
        port.onDisconnect.addListener(() => detach?.());
        return;
      }
      if (message?.type !== 'send' || started) return;
      started = true;
      const release = holdWorkerAwake();
      const batcher = createChunkBatcher((chunks) => post({ type: 'chunks', chunks }));
      const sink: ChatSink = {
        chunk: (chunk) => batcher.push(chunk),
        done: () => {
          batcher.flush();
          post({ type: 'done' });
        },
        failure: (error) => {
          batcher.flush();
          post({ type: 'failure', error });
        },
      };
      deps
        .run(message, sender, sink, controller.signal)
        .catch((error: unknown) => sink.failure(errorInfo('unknown', error instanceof Error ? error.message : String(error))))
        .finally(() => {
          batcher.flush();
          release();
          if (connected) port.disconnect();
        });
    };
    port.onMessage.addListener((message: ChatClientMessage) => void accepted.then((ok) => ok && handle(message)));
  });
}

/** Replay the answer so far to a late panel, then pass on what comes, until it ends. Returns the detach. */
function follow(answer: RunningAnswer | undefined, post: (message: ChatServerMessage) => void, close: () => void): (() => void) | undefined {
  const batcher = createChunkBatcher((chunks) => post({ type: 'chunks', chunks }));
  const detach = answer?.follow({
    replay: (base, chunks) => post({ type: 'replay', ...(base ? { base } : {}), chunks: [...chunks] }),
    chunk: (chunk) => batcher.push(chunk),
    end: (outcome) => {
      batcher.flush();
      post(outcome);
      close();
    },
  });
  if (!detach) {
    post({ type: 'none' });
    close();
  }
  return detach;
}
