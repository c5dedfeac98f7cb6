import type { UIMessage } from 'ai';

/** Whether a message has anything to show or keep: text, reasoning or a tool call (not just step markers). */
export function hasContent(message: UIMessage): boolean {
  return message.parts.some((part) =>
    part.type === 'text' || part.type === 'reasoning' ? part.text.length > 0 : part.type !== 'step-start',
  );
}
