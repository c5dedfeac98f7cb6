import { getToolName, isToolUIPart, type ToolSet, type UIMessage } from 'ai';

/**
 * An approval answered for a tool this answer cannot run (the conversation is in Ask mode now, or an
 * admin turned Build off since the card appeared) is settled as not run, with the reason, before the
 * model is called: the model then says so, instead of the call being left without a result (which
 * the providers refuse). Nothing is executed either way.
 */
export function settleUnavailableApprovals(messages: UIMessage[], tools: ToolSet, reason: string): UIMessage[] {
  let changed = false;
  const settled = messages.map((message) => {
    if (message.role !== 'assistant') return message;
    let touched = false;
    const parts = message.parts.map((part) => {
      if (!isToolUIPart(part) || part.state !== 'approval-responded' || getToolName(part) in tools) return part;
      // A denial needs no tool: the model is told it was denied, as the user meant.
      if (part.approval?.approved === false) return part;
      touched = true;
      return { ...part, state: 'output-error' as const, errorText: reason, output: undefined };
    });
    if (!touched) return message;
    changed = true;
    return { ...message, parts } as UIMessage;
  });
  return changed ? settled : messages;
}
