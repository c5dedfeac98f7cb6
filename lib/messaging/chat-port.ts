import type { UIMessage, UIMessageChunk } from 'ai';
import type { AssistantErrorInfo } from '../agent/errors';
import type { ChatMode } from '../db/database';

/** One Port per running answer, named so the background can tell it apart. */
export const CHAT_PORT_NAME = 'infra-assistant/chat';

export interface ChatSendRequest {
  type: 'send';
  conversationId: string;
  trigger: 'submit-message' | 'regenerate-message';
  messages: UIMessage[];
  /** The mode the panel shows for this conversation; the background runs Build only if the organization allows it. */
  mode?: ChatMode;
}

/** A panel that came back (a reload) while the conversation's answer is still being written follows it. */
export interface ChatFollowRequest {
  type: 'follow';
  conversationId: string;
}

export type ChatClientMessage = ChatSendRequest | ChatFollowRequest | { type: 'abort' };

export type ChatServerMessage =
  | { type: 'chunk'; chunk: UIMessageChunk }
  /** Several chunks in order: what the model sent within one short window (see chunk-batcher.ts). */
  | { type: 'chunks'; chunks: UIMessageChunk[] }
  /** To a follower first: the answer so far, as the chunks that built it (on `base` when it carries one on). */
  | { type: 'replay'; base?: UIMessage; chunks: UIMessageChunk[] }
  /** To a follower: no answer is running for that conversation (any more): read it from storage. */
  | { type: 'none' }
  | { type: 'done' }
  | { type: 'failure'; error: AssistantErrorInfo };
