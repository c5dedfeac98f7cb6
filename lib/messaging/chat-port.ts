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

export type ChatClientMessage = ChatSendRequest | { type: 'abort' };

export type ChatServerMessage =
  | { type: 'chunk'; chunk: UIMessageChunk }
  /** Several chunks in order: what the model sent within one short window (see chunk-batcher.ts). */
  | { type: 'chunks'; chunks: UIMessageChunk[] }
  | { type: 'done' }
  | { type: 'failure'; error: AssistantErrorInfo };
