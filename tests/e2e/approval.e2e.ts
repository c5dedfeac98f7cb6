import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant, openStoredConversation, type AssistantSession } from './harness/assistant-session';
import { readStoredConversation, type MessageRecord } from './harness/extension';
import { ARM_DELAY_MS } from '../../lib/panel/genuine-activation';

const IN_PANEL = 'infra-assistant-panel >>> ';
const CONVERSATION = 'approval-conversation';

/** A conversation whose last answer asks to trigger a run: an approval card waiting for a person. */
function records(): MessageRecord[] {
  const at = Date.now() - 60_000;
  return [
    { id: 'q1', conversationId: CONVERSATION, seq: 0, role: 'user', createdAt: at, status: 'complete', message: { id: 'q1', role: 'user', parts: [{ type: 'text', text: 'Retry the failed run on prod-eks' }] } },
    {
      id: 'a1',
      conversationId: CONVERSATION,
      seq: 1,
      role: 'assistant',
      createdAt: at + 1,
      status: 'complete',
      message: {
        id: 'a1',
        role: 'assistant',
        parts: [
          { type: 'step-start' },
          { type: 'text', text: 'I can trigger a new tracked run on prod-eks.', state: 'done' },
          {
            type: 'tool-trigger_run',
            toolCallId: 'call-1',
            state: 'approval-requested',
            input: { stack: 'prod-eks' },
            approval: { id: 'approval-1', requestReason: 'Triggers a tracked run on prod-eks' },
          },
        ],
      },
    },
  ];
}

describe('approval cards in the real panel: only a person\'s click answers them', () => {
  let s: AssistantSession;

  beforeAll(async () => {
    s = await openAssistant('/stack/prod-eks');
    await openStoredConversation(s, { id: CONVERSATION, title: 'Retry prod-eks' }, records());
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-approval-card"]`, { visible: true });
  });
  afterAll(() => s?.close());

  it('shows what would run and why', async () => {
    const card = await s.page.$eval(`${IN_PANEL}[data-testid="ia-approval-card"]`, (el) => el.textContent ?? '');
    expect(card).toContain('trigger run');
    expect(card).toContain('Triggers a tracked run on prod-eks');
    expect(card).toContain('"stack": "prod-eks"');
  });

  it("ignores a page script's click, and says so", async () => {
    const requests = s.sandbox.model.requests.length;
    // The page's own world: it can reach the open shadow root and click the button.
    await s.page.evaluate(() => {
      const button = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="ia-approve"]')!;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
    });
    const refused = await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-approval-refused"]`, { visible: true });
    expect(await refused!.evaluate((el) => el.textContent)).toMatch(/A script on this page tried to answer this approval/);
    // Still waiting for a person: nothing was sent, nothing stored as answered.
    expect(await s.page.$(`${IN_PANEL}[data-testid="ia-approval-card"]`)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(s.sandbox.model.requests.length).toBe(requests);
    const stored = await readStoredConversation(s.chromium, CONVERSATION);
    expect(JSON.stringify(stored.messages.at(-1)!.message)).toContain('approval-requested');
  });

  it("takes a person's click; and in Ask mode even an approved change runs nothing", async () => {
    const mutationsBefore = s.sandbox.graphql.requests.filter((r) => /mutation/i.test(r.query ?? '') && !/apiKeyUser/i.test(r.query ?? '')).length;
    s.sandbox.model.queue({ text: 'Nothing was changed: Ask mode can only read.' });
    // A click in the card's first 400 ms is ignored by design (it was meant for what was there before).
    await new Promise((r) => setTimeout(r, ARM_DELAY_MS + 100));
    // A real click: the browser makes a trusted event at the button's place.
    await s.page.click(`${IN_PANEL}[data-testid="ia-approve"]`);
    // The card is answered, and the answer carries on by itself.
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-approval-card"]`, { hidden: true });
    await s.panel.waitForAnswer('Nothing was changed: Ask mode can only read.');
    expect(await s.panel.errorNotice()).toBeNull();
    // The model was told the approved call did not run, and why; the card says the same.
    const request = s.sandbox.model.requests.at(-1)!;
    expect(JSON.stringify(request.messages)).toMatch(/trigger_run[\s\S]*Not run: the conversation is in Ask mode/);
    expect(await s.panel.toolCards()).toEqual([{ tool: 'trigger_run', state: 'output-error' }]);
    expect((await s.panel.toolSummaries())[0]).toMatch(/^Not run: the conversation is in Ask mode/);
    // The background ran the conversation in Ask mode: no tool could change anything, no mutation was sent.
    const mutationsAfter = s.sandbox.graphql.requests.filter((r) => /mutation/i.test(r.query ?? '') && !/apiKeyUser/i.test(r.query ?? '')).length;
    expect(mutationsAfter).toBe(mutationsBefore);
    const stored = await readStoredConversation(s.chromium, CONVERSATION);
    expect(JSON.stringify(stored.messages)).not.toContain('"approval-requested"');
  });
});
