import { getToolName, isToolUIPart, type UIMessage, type UIMessageChunk } from 'ai';

/**
 * The stream chunks that build `message` from nothing: a panel that follows an answer carrying on an
 * earlier one (Continue, an approval) rebuilds that earlier one first, then the chunks written since.
 * Covers what answers hold: text, reasoning, steps and tool calls in every state; other parts
 * (sources, files, data) are left out of the rebuilt copy, and come back when the answer is read
 * from storage.
 */
export function chunksOfMessage(message: UIMessage): UIMessageChunk[] {
  const chunks: UIMessageChunk[] = [{ type: 'start', messageId: message.id, ...(message.metadata !== undefined ? { messageMetadata: message.metadata } : {}) }];
  let stepOpen = false;
  message.parts.forEach((part, index) => {
    const id = ('id' in part && typeof part.id === 'string' && part.id) || `rebuilt-${index}`;
    if (part.type === 'step-start') {
      if (stepOpen) chunks.push({ type: 'finish-step' });
      chunks.push({ type: 'start-step' });
      stepOpen = true;
    } else if (part.type === 'text') {
      chunks.push({ type: 'text-start', id }, { type: 'text-delta', id, delta: part.text }, { type: 'text-end', id });
    } else if (part.type === 'reasoning') {
      chunks.push({ type: 'reasoning-start', id }, { type: 'reasoning-delta', id, delta: part.text }, { type: 'reasoning-end', id });
    } else if (isToolUIPart(part)) {
      chunks.push(...toolChunks(part));
    }
  });
  if (stepOpen) chunks.push({ type: 'finish-step' });
  return chunks;
}

function toolChunks(part: Extract<UIMessage['parts'][number], { toolCallId: string }>): UIMessageChunk[] {
  const toolName = getToolName(part as never);
  const dynamic = part.type === 'dynamic-tool' ? { dynamic: true } : {};
  const toolCallId = part.toolCallId;
  const state = part.state;
  if (state === 'input-streaming') return [{ type: 'tool-input-start', toolCallId, toolName, ...dynamic }];
  const input = 'input' in part ? part.input : undefined;
  const chunks: UIMessageChunk[] = [];
  if (state === 'output-error' && input === undefined) {
    return [{ type: 'tool-input-error', toolCallId, toolName, input, errorText: part.errorText ?? '', ...dynamic }];
  }
  chunks.push({ type: 'tool-input-available', toolCallId, toolName, input, ...dynamic });
  const approval = 'approval' in part ? part.approval : undefined;
  if (approval) {
    chunks.push({ type: 'tool-approval-request', approvalId: approval.id, toolCallId, ...(approval.reason ? { reason: approval.reason } : {}) } as UIMessageChunk);
    if ('approved' in approval && approval.approved !== undefined) {
      chunks.push({ type: 'tool-approval-response', approvalId: approval.id, approved: approval.approved, ...(approval.reason ? { reason: approval.reason } : {}) } as UIMessageChunk);
    }
  }
  if (state === 'output-available') chunks.push({ type: 'tool-output-available', toolCallId, output: part.output, ...dynamic });
  else if (state === 'output-error') chunks.push({ type: 'tool-output-error', toolCallId, errorText: part.errorText ?? '', ...dynamic });
  else if (state === 'output-denied') chunks.push({ type: 'tool-output-denied', toolCallId });
  return chunks;
}
