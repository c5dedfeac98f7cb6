/** One scripted answer of the sandbox model. Tests queue these; the demo picks its own. */
export type ScriptedTurn = TextTurn | ToolCallTurn | ErrorTurn;

interface TurnTiming {
  /** Wait this long before sending anything (not even headers). */
  firstByteDelayMs?: number;
  /** Pause between streamed chunks. */
  chunkDelayMs?: number;
}

export interface TextTurn extends TurnTiming {
  text: string;
  /** Characters per streamed chunk. */
  chunkSize?: number;
}

export interface ToolCallTurn extends TurnTiming {
  toolCalls: { name: string; arguments: Record<string, unknown> }[];
  /** Optional text streamed before the calls. */
  text?: string;
}

export interface ErrorTurn {
  error: { status: number; message: string; type?: string; code?: string };
}

export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  tools?: { type: 'function'; function: { name: string; description?: string; parameters?: unknown } }[];
  tool_choice?: 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null | { type: string; text?: string }[];
  tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

export function messageText(message: ChatMessage | undefined): string {
  if (!message || message.content == null) return '';
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part) => part.text ?? '').join('');
}
