import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSandbox } from '../tests/sandbox/server';
import { EXTENSION_DIR, launchWithExtension } from '../tests/e2e/harness/chromium';
import { useSandboxDocs, useSandboxModel } from '../tests/e2e/harness/extension';
import { AssistantPanel } from '../tests/e2e/pages/assistant-panel';
import { SandboxApp } from '../tests/e2e/pages/sandbox-app';
import type { Integration } from '../lib/settings/model-integrations';

// npm run demo [-- --port 4321] [--once] [--screenshot docs/screenshots/demo.png]
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SANDBOX_PORT ?? '4321' },
    once: { type: 'boolean', default: false },
    screenshot: { type: 'string', default: '.tmp/demo.png' },
    question: { type: 'string', default: 'What is on this page?' },
  },
});

/** A real provider when the environment names one; the sandbox's scripted model otherwise. */
function modelFromEnvironment(): Partial<Integration> | undefined {
  const { OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL } = process.env;
  const model = (id: string) => ({ models: [{ id }], defaultModel: id });
  if (OPENAI_BASE_URL) {
    return { name: 'Your endpoint', provider: 'openai-compatible', baseURL: OPENAI_BASE_URL, apiKey: OPENAI_API_KEY ?? '', ...model(OPENAI_MODEL ?? 'llama3.1') };
  }
  if (OPENAI_API_KEY) return { name: 'OpenAI', provider: 'openai', baseURL: '', apiKey: OPENAI_API_KEY, ...model(OPENAI_MODEL ?? 'gpt-4.1-mini') };
  return undefined;
}

const sandbox = await startSandbox({ port: Number(values.port) });
const headless = !process.env.DISPLAY || values.once;
const chromium = await launchWithExtension({ headless });
const model = modelFromEnvironment();
await useSandboxModel(chromium, sandbox, model);
await useSandboxDocs(chromium, sandbox);

const page = (await chromium.browser.pages())[0] ?? (await chromium.browser.newPage());
const app = new SandboxApp(page, sandbox.appUrl);
const panel = new AssistantPanel(page);
await app.open('/stack/prod-network');
await panel.waitForLauncher();
await panel.clickLauncher();
await panel.waitUntilOpen();

console.log(`
Infra Assistant demo
  Sandbox Spacelift:  ${sandbox.appUrl}/stacks
  Model:              ${model ? `${model.provider} ${model.defaultModel}` : `the sandbox's scripted model (${sandbox.apiUrl}/v1, "sandbox-scripted")`}
  Built extension:    ${EXTENSION_DIR}

To use it in your own Chrome or Chromium: open chrome://extensions, switch on Developer mode,
"Load unpacked" and pick the folder above. In the extension's popup "Add integration", choose "OpenAI-compatible",
base URL ${sandbox.appUrl}/v1, "Fetch models" (or add sandbox-scripted), Save, then open ${sandbox.appUrl}/stack/prod-network
and press Alt+Shift+A.`);

if (headless) {
  await panel.send(values.question);
  await panel.waitForIdle(120_000);
  mkdirSync(values.screenshot.replace(/\/[^/]+$/, ''), { recursive: true });
  await page.screenshot({ path: values.screenshot });
  console.log(`\nNo display here, so the demo ran headless: it asked "${values.question}" and saved ${values.screenshot}.`);
}

if (values.once) {
  await chromium.close();
  await sandbox.close();
} else {
  console.log('\nThe sandbox keeps running. Press Ctrl+C to stop.');
  const stop = async () => {
    await chromium.close();
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
