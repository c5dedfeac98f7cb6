import { messageText, type ChatCompletionRequest, type ScriptedTurn } from './script';

export const DEMO_LABEL = '[Sandbox demo model]';

/**
 * What the model answers when no test queued a turn: a clearly labelled demo
 * that still exercises the tools the extension offers, so the demo shows
 * something real without an API key.
 */
export function demoTurn(request: ChatCompletionRequest): ScriptedTurn {
  const last = request.messages.at(-1);
  const toolNames = new Set((request.tools ?? []).map((t) => t.function.name));

  if (last?.role === 'tool') {
    return { text: `${DEMO_LABEL} Here is what the tool returned:\n\n${summarise(messageText(last))}`, chunkSize: 12, chunkDelayMs: 15 };
  }
  const question = messageText([...request.messages].reverse().find((m) => m.role === 'user'));
  if (toolNames.has('page_context') && /\b(page|this|here|looking)\b/i.test(question)) {
    return { text: `${DEMO_LABEL} Let me read the page you are on.`, toolCalls: [{ name: 'page_context', arguments: {} }], chunkDelayMs: 15 };
  }
  return {
    text:
      `${DEMO_LABEL} This is a scripted reply from the local sandbox, not a real model. ` +
      `You asked: "${question.slice(0, 200)}". Ask about "this page" to see a tool call, ` +
      'or set OPENAI_API_KEY (or an OpenAI-compatible base URL) before starting the demo to use a real model.',
    chunkSize: 10,
    chunkDelayMs: 15,
  };
}

function summarise(toolOutput: string): string {
  try {
    const parsed = JSON.parse(toolOutput) as { untrusted_data?: { content?: { title?: string; url?: string; headings?: string[] } } };
    const page = parsed.untrusted_data?.content;
    if (page?.title) {
      const headings = (page.headings ?? []).slice(0, 5).map((h) => `- ${h}`).join('\n');
      return `You are on **${page.title}** (${page.url}).${headings ? `\n\nSections on the page:\n${headings}` : ''}`;
    }
  } catch {
    // Not JSON: show the start of it.
  }
  return toolOutput.slice(0, 400);
}
