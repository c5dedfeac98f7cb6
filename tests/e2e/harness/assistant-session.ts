import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { useIntegrations, useSandboxDocs, useSandboxModel, writeConversation, type MessageRecord } from './extension';
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

/**
 * Put a conversation straight into the extension's IndexedDB and reopen the page on it, as a reload
 * brings back the conversation a tab had open. One real turn goes first, so the extension has created
 * its database with its own schema.
 */
export async function openStoredConversation(s: AssistantSession, conversation: { id: string; title: string }, records: MessageRecord[]): Promise<void> {
  s.sandbox.model.queue({ text: 'Ready.' });
  await s.panel.send('Hello');
  await s.panel.waitForAnswer('Ready.');
  await writeConversation(s.chromium, { ...conversation, account: new URL(s.sandbox.appUrl).origin, model: 'sandbox-scripted' }, records);
  await s.page.evaluate((id) => sessionStorage.setItem('infra-assistant:panel', JSON.stringify({ conversationId: id, open: true })), conversation.id);
  await s.page.reload({ waitUntil: 'domcontentloaded' });
  await s.panel.waitUntilOpen();
}
