// npx tsx scripts/panel-screenshots.ts [outDir]: screenshots of the panel in each placement and theme,
// against the sandbox, for looking at (and for docs/screenshots/). Needs a build first.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openAssistant, type AssistantSession } from '../tests/e2e/harness/assistant-session';
import { stopServiceWorker } from '../tests/e2e/harness/extension';

const outDir = resolve(process.argv[2] ?? '.tmp/screenshots');
mkdirSync(outDir, { recursive: true });

const ANSWER = `Two stacks failed in the last day:

| Stack | State | Last change |
|---|---|---|
| [prod-eks](/stack/prod-eks) | FAILED | Scale the node group |
| [prod-network](/stack/prod-network) | FAILED | Tighten the VPC flow logs |

**prod-eks** failed at \`terraform apply\`: the AWS provider was denied \`eks:UpdateNodegroupConfig\`.

\`\`\`hcl
resource "aws_eks_node_group" "main" {
  scaling_config {
    desired_size = 6
  }
}
\`\`\`

Check the role attached to the stack, then trigger a new run.`;

async function conversation(s: AssistantSession, turns: number) {
  for (let i = 0; i < turns; i++) {
    s.sandbox.model.queue(
      { text: 'Let me look. ', toolCalls: [{ name: 'page_context', arguments: {} }] },
      { toolCalls: [{ name: 'query_graphql', arguments: { query: 'query Stacks { stacks { id state } }', operationName: 'Stacks' } }] },
      { text: ANSWER },
    );
    await s.panel.send(i === 0 ? 'Which stacks failed, and why?' : `And what about run ${i + 1}?`);
    await s.panel.waitForIdle();
    // After the first exchange the background asks the model for a title: let it take its turn first.
    await new Promise((r) => setTimeout(r, 1500));
  }
}

async function shot(s: AssistantSession, name: string) {
  await new Promise((r) => setTimeout(r, 300));
  await s.page.screenshot({ path: resolve(outDir, `${name}.png`) });
  console.log(`saved ${name}.png`);
}

// Docked, light, with an answer.
{
  const s = await openAssistant('/stacks');
  await conversation(s, 1);
  await shot(s, 'panel-docked');
  // Long thread with tool cards, dark.
  await s.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await conversation(s, 2);
  // Open the last query card, as a user checking what was asked would.
  await s.page.evaluate(() => {
    const cards = document.querySelector('infra-assistant-panel')!.shadowRoot!.querySelectorAll<HTMLDetailsElement>('[data-testid="ia-tool-card"][data-tool="query_graphql"]');
    cards[cards.length - 1]!.scrollIntoView({ block: 'start' });
  });
  const cards = await s.page.$$('infra-assistant-panel >>> [data-testid="ia-tool-card"][data-tool="query_graphql"] summary');
  await cards.at(-1)!.click();
  await shot(s, 'panel-dark-long-thread');
  // Floating (unpinned) on the same wide window, dark then light.
  await s.page.click('infra-assistant-panel >>> [data-testid="ia-pin"]');
  await shot(s, 'panel-floating-dark');
  await s.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await s.page.hover('infra-assistant-panel >>> [data-testid="ia-mode-build"]');
  await shot(s, 'panel-floating');
  await s.close();
}

// A narrow window: opens floating by default; the header at its narrowest.
{
  const s = await openAssistant('/stack/prod-eks', { windowSize: [420, 800] });
  await conversation(s, 1);
  // The narrowest the header has to fit: a 360 px wide window.
  const box = await s.panel.frame();
  await s.page.focus('infra-assistant-panel >>> [data-testid="ia-float-resize-se"]');
  for (let width = box!.width; width > 360; width -= 16) await s.page.keyboard.press('ArrowLeft');
  await shot(s, 'panel-narrow');
  await s.close();
}

// An answer cut off by a stopped worker: kept, with Continue and Retry.
{
  const s = await openAssistant('/stack/prod-eks');
  await conversation(s, 1);
  s.sandbox.model.queue({ text: `${'Checking each stack in turn: prod-eks, prod-network, staging-api. '.repeat(8)}`, chunkSize: 10, chunkDelayMs: 60 });
  await s.panel.send('Check every stack for drift, one by one');
  await s.page.waitForFunction(
    () => {
      const answers = document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-testid="ia-message-assistant"]');
      return (answers?.[answers.length - 1]?.textContent?.match(/Checking each stack/g)?.length ?? 0) >= 2;
    },
  );
  await stopServiceWorker(s.chromium.browser);
  await s.page.waitForSelector('infra-assistant-panel >>> [data-testid="ia-error-continue"]', { timeout: 10_000 });
  await shot(s, 'panel-interrupted');
  await s.close();
}
