// npx tsx scripts/panel-screenshots.ts [outDir]: screenshots of the panel in each placement and theme,
// against the sandbox, for looking at (and for docs/screenshots/). Needs a build first.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openAssistant, type AssistantSession } from '../tests/e2e/harness/assistant-session';

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
  await shot(s, 'panel-narrow');
  await s.close();
}
