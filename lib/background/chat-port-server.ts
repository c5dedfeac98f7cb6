import { browser, type Browser } from 'wxt/browser';
import { CHAT_PORT_NAME, type ChatClientMessage, type ChatSendRequest, type ChatServerMessage } from '../messaging/chat-port';
import type { ChatSink } from '../agent/run-chat';
import { errorInfo } from '../agent/errors';
import { holdWorkerAwake } from '../agent/keep-alive';
import { createChunkBatcher } from '../messaging/chunk-batcher';

type Port = Browser.runtime.Port;

export interface ChatPortServerDeps {
  accept: (sender: Port['sender']) => boolean;
  run: (request: ChatSendRequest, sender: NonNullable<Port['sender']>, sink: ChatSink, abortSignal: AbortSignal) => Promise<void>;
}

/**
 * One Port per running answer. If the panel goes away (tab closed, page
 * reloaded) the answer keeps running and is stored; only an explicit abort
 * from the panel stops it.
 */
export function serveChatPorts(deps: ChatPortServerDeps): void {
  browser.runtime.onConnect.addListener((port: Port) => {
    if (port.name !== CHAT_PORT_NAME) return;
    if (!port.sender || !deps.accept(port.sender)) {
      port.disconnect();
      return;
    }
    const sender = port.sender;
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
    port.onMessage.addListener((message: ChatClientMessage) => {
      if (message?.type === 'abort') {
        controller.abort();
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
    });
  });
}
