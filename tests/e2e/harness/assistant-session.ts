import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { useIntegrations, useSandboxDocs, useSandboxModel } from './extension';
import type { Integration } from '../../../lib/settings/model-integrations';
import { AssistantPanel } from '../pages/assistant-panel';
import { SandboxApp } from '../pages/sandbox-app';

export interface AssistantSession {
  sandbox: Sandbox;
  chromium: ExtensionBrowser;
  page: Page;
  app: SandboxApp;
  panel: AssistantPanel;
  close(): Promise<void>;
}

/**
 * The usual start of an end-to-end test: a sandbox, Chromium with the built
 * extension pointed at the sandbox's model and docs, and a sandbox page open
 * with its launcher in place (and the panel open, unless asked not to).
 */
export async function openAssistant(
  path: string,
  options: {
    openPanel?: boolean;
    integrations?: (sandbox: Sandbox) => Integration[];
    before?: (chromium: ExtensionBrowser, sandbox: Sandbox) => Promise<void>;
    windowSize?: [number, number];
  } = {},
): Promise<AssistantSession> {
  const sandbox = await startSandbox();
  const chromium = await launchWithExtension({ windowSize: options.windowSize });
  if (options.integrations) await useIntegrations(chromium, options.integrations(sandbox));
  else await useSandboxModel(chromium, sandbox);
  await options.before?.(chromium, sandbox);
  await useSandboxDocs(chromium, sandbox);
  const page = await chromium.browser.newPage();
  // E2E_DEBUG=1 shows what the page and the panel print.
  if (process.env.E2E_DEBUG) page.on('console', (message) => console.log(`[page] ${message.type()} ${message.text()}`));
  const app = new SandboxApp(page, sandbox.appUrl);
  const panel = new AssistantPanel(page);
  await app.open(path);
  await panel.waitForLauncher();
  if (options.openPanel ?? true) {
    await panel.clickLauncher();
    await panel.waitUntilOpen();
  }
  return {
    sandbox,
    chromium,
    page,
    app,
    panel,
    async close() {
      await chromium.close();
      await sandbox.close();
    },
  };
}
