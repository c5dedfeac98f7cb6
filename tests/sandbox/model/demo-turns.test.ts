import { describe, expect, it } from 'vitest';
import { demoTurn, DEMO_LABEL } from './demo-turns';
import type { ChatCompletionRequest } from './script';

const TOOLS = ['page_context', 'navigate', 'search_docs', 'read_docs_page', 'inspect_graphql', 'query_graphql'];
const ask = (question: string): ChatCompletionRequest => ({
  model: 'sandbox-scripted',
  messages: [{ role: 'user', content: question }],
  tools: TOOLS.map((name) => ({ type: 'function', function: { name } })),
});

describe('the sandbox demo model', () => {
  // The questions the README and the demo's welcome reply suggest.
  it.each([
    ['Which stacks failed?', 'query_graphql'],
    ['What is on this page?', 'page_context'],
    ['How do stack dependencies work?', 'search_docs'],
    ['Show me the Stack type in the GraphQL schema', 'inspect_graphql'],
    ['Go to prod-eks', 'navigate'],
  ])('"%s" calls %s', (question, tool) => {
    const turn = demoTurn(ask(question));
    expect('toolCalls' in turn && turn.toolCalls[0]?.name).toBe(tool);
  });

  it('navigates to the stack named in the question', () => {
    const turn = demoTurn(ask('Go to prod-eks'));
    expect('toolCalls' in turn && turn.toolCalls[0]?.arguments).toEqual({ page: 'stack', stackId: 'prod-eks' });
  });

  it('answers anything else with a clearly labelled scripted reply', () => {
    const turn = demoTurn(ask('Tell me a joke'));
    expect('text' in turn && turn.text?.startsWith(DEMO_LABEL)).toBe(true);
    expect('toolCalls' in turn).toBe(false);
  });

  it('summarises a tool result it receives', () => {
    const request = ask('Which stacks failed?');
    request.messages.push(
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'query_graphql', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'c1', content: JSON.stringify({ untrusted_data: { content: { data: { stacks: [{ id: 'a', name: 'a', state: 'FAILED' }, { id: 'b', name: 'b', state: 'FINISHED' }] } } } }) },
    );
    const turn = demoTurn(request);
    expect('text' in turn && turn.text).toMatch(/Of your 2 stacks, 1 failed/);
  });
});
