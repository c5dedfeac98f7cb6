import { messageText, type ChatCompletionRequest, type ChatMessage, type ScriptedTurn } from './script';

export const DEMO_LABEL = '[Sandbox demo model]';

interface DemoPath {
  /** Which questions take this path. */
  when: RegExp;
  tool: string;
  arguments: (question: string) => Record<string, unknown>;
  intro: string;
}

const FAILED_STACKS_QUERY = 'query DemoStacks { stacks { id name state branch space } }';

/**
 * Labelled paths that make the real tools run, so the demo shows them without
 * an API key. Order matters: the first match wins.
 */
const DEMO_PATHS: DemoPath[] = [
  {
    when: /\b(fail|failed|failing|broken|state of|which stacks|list stacks)\b/i,
    tool: 'query_graphql',
    arguments: () => ({ query: FAILED_STACKS_QUERY }),
    intro: 'Let me query your Spacelift account.',
  },
  {
    when: /\b(schema|graphql|api field|which fields)\b/i,
    tool: 'inspect_graphql',
    arguments: () => ({ action: 'describe', typeName: 'Stack' }),
    intro: "Let me look at the account's GraphQL schema.",
  },
  {
    when: /\b(this page|on this|this (stack|run|policy|context)|looking at|here)\b/i,
    tool: 'page_context',
    arguments: () => ({}),
    intro: 'Let me read the page you are on.',
  },
  {
    when: /\b(docs?|documentation|how (do|can|to)|what is|what are|explain)\b/i,
    tool: 'search_docs',
    arguments: (q) => ({ query: q.replace(/[?!.]/g, '').slice(0, 80) }),
    intro: 'Let me search the Spacelift documentation.',
  },
  {
    when: /\b(go to|open|navigate to|take me to)\b/i,
    tool: 'navigate',
    arguments: (q) => {
      const stack = /\b(?:stack\s+)?([a-z0-9]+(?:-[a-z0-9]+)+)\b/i.exec(q)?.[1];
      if (stack) return { page: 'stack', stackId: stack.toLowerCase() };
      const list = /\b(stacks|policies|contexts|spaces|modules|worker pools)\b/i.exec(q)?.[1]?.toLowerCase().replace(' ', '-');
      return { page: list ?? 'stacks' };
    },
    intro: 'Opening that page for you.',
  },
];

/**
 * What the model answers when no test queued a turn: a clearly labelled demo
 * that still calls the extension's real tools and answers from their results.
 */
export function demoTurn(request: ChatCompletionRequest): ScriptedTurn {
  const last = request.messages.at(-1);
  const toolNames = new Set((request.tools ?? []).map((t) => t.function.name));

  if (last?.role === 'tool') {
    const toolName = toolNameOf(request.messages, last.tool_call_id);
    return { text: `${DEMO_LABEL} ${summarise(toolName, messageText(last))}`, chunkSize: 12, chunkDelayMs: 15 };
  }
  const question = messageText([...request.messages].reverse().find((m) => m.role === 'user'));
  const path = DEMO_PATHS.find((p) => p.when.test(question) && toolNames.has(p.tool));
  if (path) {
    return { text: `${DEMO_LABEL} ${path.intro}`, toolCalls: [{ name: path.tool, arguments: path.arguments(question) }], chunkDelayMs: 15 };
  }
  return {
    text:
      `${DEMO_LABEL} This is a scripted reply from the local sandbox, not a real model. ` +
      `You asked: "${question.slice(0, 200)}". Try "Which stacks failed?", "What is on this page?", ` +
      '"How do stack dependencies work?", "Show me the Stack type in the GraphQL schema" or "Go to prod-eks". ' +
      'Set OPENAI_API_KEY (or an OpenAI-compatible base URL) before starting the demo to use a real model.',
    chunkSize: 10,
    chunkDelayMs: 15,
  };
}

function toolNameOf(messages: ChatMessage[], callId: string | undefined): string {
  for (const m of messages) for (const call of m.tool_calls ?? []) if (call.id === callId) return call.function.name;
  return 'tool';
}

/** Tool results reach the model wrapped as untrusted data; unwrap for the summary. */
function contentOf(output: string): unknown {
  try {
    const parsed = JSON.parse(output) as { untrusted_data?: { content?: unknown } } | unknown;
    return (parsed as { untrusted_data?: { content?: unknown } }).untrusted_data?.content ?? parsed;
  } catch {
    return output;
  }
}

function summarise(toolName: string, output: string): string {
  const content = contentOf(output) as Record<string, any>;
  if (/^(Refused|Error)/i.test(output) || content?.error) return `The ${toolName} tool reported a problem: ${output.slice(0, 300)}`;
  switch (toolName) {
    case 'query_graphql': {
      const stacks: { id: string; name: string; state: string }[] = content?.data?.stacks ?? content?.result?.data?.stacks ?? [];
      if (!stacks.length) return `The query returned: ${output.slice(0, 300)}`;
      const failed = stacks.filter((s) => s.state === 'FAILED');
      const list = failed.map((s) => `- **${s.name}** (\`${s.id}\`)`).join('\n');
      return failed.length
        ? `Of your ${stacks.length} stacks, ${failed.length} failed on their last run:\n\n${list}\n\nOpen one of them to see the failed run's log.`
        : `None of your ${stacks.length} stacks is in a failed state.`;
    }
    case 'search_docs': {
      const results: { title: string; url: string }[] = content?.results ?? [];
      if (!results.length) return 'The documentation search found nothing for that.';
      return `The documentation has this:\n\n${results.slice(0, 3).map((r) => `- [${r.title}](${r.url})`).join('\n')}`;
    }
    case 'inspect_graphql':
      return `Here is what the schema says:\n\n\`\`\`graphql\n${String(typeof content === 'string' ? content : JSON.stringify(content)).slice(0, 600)}\n\`\`\``;
    case 'navigate':
      return `Done: you are now on ${content?.openedPath ?? 'the page'}.`;
    case 'page_context': {
      if (content?.title) {
        const headings = (content.headings ?? []).slice(0, 5).map((h: string) => `- ${h}`).join('\n');
        return `You are on **${content.title}** (${content.url}).${headings ? `\n\nSections on the page:\n${headings}` : ''}`;
      }
      return output.slice(0, 400);
    }
    default:
      return `The ${toolName} tool returned: ${output.slice(0, 300)}`;
  }
}
