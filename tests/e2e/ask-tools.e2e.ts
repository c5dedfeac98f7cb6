import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEYS, SEED_RUN_IDS } from '../sandbox/graphql/index';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { stopServiceWorker, useSpaceliftApiKey } from './harness/extension';

const IN_PANEL = 'infra-assistant-panel >>> ';

describe('Ask mode: each read-only tool runs for real against the sandbox', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stacks');
  });

  afterAll(() => s?.close());

  beforeEach(async () => {
    s.sandbox.model.reset();
    if (await s.panel.isOpen()) await s.panel.newConversation();
  });

  it('query_graphql: with no key stored, reuses the browser\'s Spacelift session', async () => {
    s.sandbox.model.queue(
      { toolCalls: [{ name: 'query_graphql', arguments: { query: 'query SessionCheck { viewer { id name } }' } }] },
      { text: 'You are signed in.' },
    );
    await s.panel.send('Who am I?');
    await s.panel.waitForIdle();
    expect(await s.panel.toolCards()).toEqual([{ tool: 'query_graphql', state: 'output-available' }]);
    const received = s.sandbox.graphql.requests.filter((r) => r.operationName === 'SessionCheck');
    expect(received).toHaveLength(1);
    expect(received[0]!.userId).toBe('ada.admin'); // the page's session user
  });

  it('query_graphql: the GraphQL server receives the query, with the API key user\'s rights', async () => {
    await useSpaceliftApiKey(s.chromium, s.sandbox.appUrl, SANDBOX_API_KEYS.reader);
    s.sandbox.model.queue(
      { toolCalls: [{ name: 'query_graphql', arguments: { query: 'query FailedCheck { stacks { id name state } }' } }] },
      { text: 'prod-eks failed.' },
    );
    await s.panel.send('Which stacks failed?');
    await s.panel.waitForIdle();

    expect(await s.panel.toolCards()).toEqual([{ tool: 'query_graphql', state: 'output-available' }]);
    const received = s.sandbox.graphql.requests.filter((r) => r.operationName === 'FailedCheck');
    expect(received).toHaveLength(1);
    expect(received[0]!.userId).toBe('rita.reader');
    // The model got the reader's view, wrapped as untrusted data.
    const toolMessage = String(s.sandbox.model.requests[1]!.messages.find((m) => m.role === 'tool')?.content);
    expect(toolMessage).toContain('untrusted_data');
    expect(toolMessage).toContain('prod-eks');
    expect(toolMessage).not.toContain('dev-app'); // outside the reader's spaces
    expect(await s.panel.toolSummaries()).toEqual(['9 stacks']);
    expect(await s.panel.toolCardText(0)).toContain('prod-network');
  });

  it('query_graphql: a large result reaches the model shortened, with a note; the card shows all of it', async () => {
    const query = 'query Everything { stacks { id name description state branch repository labels space createdAt runs { id state type createdAt title commit { hash message authorName } } } }';
    s.sandbox.model.queue({ toolCalls: [{ name: 'query_graphql', arguments: { query } }] }, { text: 'Here is everything.' });
    await s.panel.send('Tell me everything about every stack');
    await s.panel.waitForIdle();
    const toolMessage = JSON.stringify(s.sandbox.model.requests[1]!.messages.find((m) => m.role === 'tool')?.content);
    expect(toolMessage).toContain('untrusted_data');
    expect(toolMessage).toMatch(/Result shortened for the model/);

    // The card: the whole result (every run of every stack), the note, and a copy button.
    const text = await s.panel.toolCardText(0);
    const output = await s.page.$eval(`${IN_PANEL}[data-testid="ia-tool-output"]`, (pre) => pre.textContent ?? '');
    const full = JSON.parse(output) as { data: { stacks: { runs: unknown[] }[] } };
    expect(output.length).toBeGreaterThan(toolMessage.length);
    expect(full.data.stacks.length).toBeGreaterThan(5);
    expect(full.data.stacks.every((stack) => Array.isArray(stack.runs))).toBe(true);
    expect(text).toContain('The assistant read a shortened copy of this result');
    expect(await s.page.$(`${IN_PANEL}[data-testid="ia-tool-copy"]`)).not.toBeNull();
  });

  it('query_graphql: a mutation is refused before anything is sent, and the model is told why', async () => {
    s.sandbox.model.queue(
      { toolCalls: [{ name: 'query_graphql', arguments: { query: 'mutation { runTrigger(stack: "prod-eks") { id } }' } }] },
      { text: 'I cannot change anything in Ask mode.' },
    );
    const before = s.sandbox.graphql.requests.length;
    await s.panel.send('Trigger a run on prod-eks');
    await s.panel.waitForIdle();
    expect(await s.panel.toolCards()).toEqual([{ tool: 'query_graphql', state: 'output-error' }]);
    expect((await s.panel.toolSummaries())[0]).toMatch(/^Refused before sending: Only queries are allowed/);
    expect(s.sandbox.graphql.requests.slice(before).some((r) => r.query?.includes('runTrigger'))).toBe(false);
    const toolMessage = String(s.sandbox.model.requests[1]!.messages.find((m) => m.role === 'tool')?.content);
    expect(toolMessage).toMatch(/Only queries are allowed/);
  });

  it('inspect_graphql: introspects the account once and answers about one type', async () => {
    s.sandbox.model.queue(
      { toolCalls: [{ name: 'inspect_graphql', arguments: { action: 'describe', typeName: 'Run' } }] },
      { text: 'Runs have a state.' },
      { toolCalls: [{ name: 'inspect_graphql', arguments: { action: 'search', keyword: 'policy' } }] },
      { text: 'Found policies.' },
    );
    await s.panel.send('What fields does a run have?');
    await s.panel.waitForIdle();
    await s.panel.send('And policies?');
    await s.panel.waitForIdle();
    const cards = await s.panel.toolCards();
    expect(cards.map((c) => c.state)).toEqual(['output-available', 'output-available']);
    expect(await s.panel.toolCardText(0)).toMatch(/state/);
    const introspections = s.sandbox.graphql.requests.filter((r) => r.query?.includes('__schema'));
    expect(introspections).toHaveLength(1);
  });

  it('search_docs: fetches the docs index once, then serves it from IndexedDB even after the worker restarts', async () => {
    s.sandbox.model.queue(
      { toolCalls: [{ name: 'search_docs', arguments: { query: 'stack dependencies' } }] },
      { text: 'See the dependencies s.page.' },
    );
    await s.panel.send('How do stack dependencies work?');
    await s.panel.waitForIdle();
    expect(await s.panel.toolCards()).toEqual([{ tool: 'search_docs', state: 'output-available' }]);
    expect(await s.panel.toolCardText(0)).toMatch(/depend/i);
    expect(s.sandbox.docsIndexFetches()).toBe(1);

    await stopServiceWorker(s.chromium.browser);
    s.sandbox.model.queue(
      { toolCalls: [{ name: 'search_docs', arguments: { query: 'approval policy' } }] },
      { text: 'Approval policies decide.' },
    );
    await s.panel.send('What is an approval policy?');
    await s.panel.waitForIdle();
    expect((await s.panel.toolCards()).at(-1)).toEqual({ tool: 'search_docs', state: 'output-available' });
    expect(s.sandbox.docsIndexFetches()).toBe(1);
  });

  it('navigate: opens a run page through the app\'s own routing, and the conversation carries on', async () => {
    await s.app.markDocument();
    const runPath = `/stack/prod-eks/run/${SEED_RUN_IDS.prodEksAccessDenied}`;
    s.sandbox.model.queue(
      { toolCalls: [{ name: 'navigate', arguments: { page: 'run', stackId: 'prod-eks', runId: SEED_RUN_IDS.prodEksAccessDenied } }] },
      { toolCalls: [{ name: 'page_context', arguments: {} }] },
      { text: 'This run failed with AccessDenied.' },
    );
    await s.panel.send('Open the failed run of prod-eks and tell me what went wrong');
    await s.panel.waitForIdle();
    expect(new URL(s.page.url()).pathname).toBe(runPath);
    expect(await s.app.documentStillMarked()).toBe(true); // client-side, no reload
    expect(await s.panel.toolCards()).toEqual([
      { tool: 'navigate', state: 'output-available' },
      { tool: 'page_context', state: 'output-available' },
    ]);
    // page_context read the new page and named its entity.
    const pageResult = String(s.sandbox.model.requests[2]!.messages.filter((m) => m.role === 'tool').at(-1)?.content);
    expect(pageResult).toContain(`"runId":"${SEED_RUN_IDS.prodEksAccessDenied}"`);
    expect(pageResult).toMatch(/AccessDenied/);
    expect((await s.panel.messages()).at(-1)?.text).toBe('This run failed with AccessDenied.');
  });

  it('page_context: reads the page as compact markdown, tables kept as tables, our panel left out', async () => {
    await s.app.clickNav('/stacks');
    s.sandbox.model.queue({ toolCalls: [{ name: 'page_context', arguments: {} }] }, { text: 'Here are your stacks.' });
    await s.panel.send('Summarise this page');
    await s.panel.waitForIdle();
    const result = JSON.parse(String(s.sandbox.model.requests[1]!.messages.filter((m) => m.role === 'tool').at(-1)?.content)) as {
      untrusted_data: { content: { entity: unknown; content: string; url: string } };
    };
    const snapshot = result.untrusted_data.content;
    expect(snapshot.entity).toEqual({ kind: 'stacks' });
    expect(snapshot.content).toMatch(/^\| .*Name.* \|$/m); // a markdown table header row
    expect(snapshot.content).toMatch(/^\| (---( \| )?)+ \|$/m);
    expect(snapshot.content).toContain('prod-network');
    expect(snapshot.content).not.toContain('Summarise this page'); // the panel's own text is not the page's
  });

  it('navigate: refuses another origin and javascript: URLs, and stays put', async () => {
    const before = s.page.url();
    s.sandbox.model.queue(
      { toolCalls: [{ name: 'navigate', arguments: { page: 'path', path: 'https://evil.example/stacks' } }] },
      { toolCalls: [{ name: 'navigate', arguments: { page: 'path', path: 'javascript:alert(document.cookie)' } }] },
      { text: 'I can only open pages of this Spacelift s.app.' },
    );
    await s.panel.send('Go to https://evil.example');
    await s.panel.waitForIdle();
    expect(s.page.url()).toBe(before);
    expect((await s.panel.toolCards()).map((c) => c.state)).toEqual(['output-error', 'output-error']);
  });
});
