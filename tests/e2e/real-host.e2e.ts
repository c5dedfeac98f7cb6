import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, SANDBOX_TLS_HOST, type Sandbox } from '../sandbox/server';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium';
import { useSandboxModel } from './harness/extension';
import { AssistantPanel } from './pages/assistant-panel';
import { SandboxApp } from './pages/sandbox-app';

// The extension on Spacelift's real host names, offline: the sandbox serves HTTPS as
// acme.app.spacelift.io (a test certificate), and Chromium resolves *.app.spacelift.io
// to 127.0.0.1. This checks the manifest's real match pattern and host permission, not
// the sandbox's *.localhost ones.
describe('on a real Spacelift host name (https://acme.app.spacelift.io)', () => {
  let sandbox: Sandbox;
  let chromium: ExtensionBrowser;
  let panel: AssistantPanel;
  let app: SandboxApp;

  beforeAll(async () => {
    sandbox = await startSandbox({ tls: 'spacelift-io' });
    chromium = await launchWithExtension({
      extraArgs: [`--host-resolver-rules=MAP *.app.spacelift.io 127.0.0.1`, '--ignore-certificate-errors'],
    });
    await useSandboxModel(chromium, sandbox);
    const page = await chromium.browser.newPage();
    app = new SandboxApp(page, sandbox.appUrl);
    panel = new AssistantPanel(page);
  });

  afterAll(async () => {
    await chromium?.close();
    await sandbox?.close();
  });

  it('injects the launcher, opens the panel, and answers with live data from that account', async () => {
    expect(sandbox.appUrl).toMatch(new RegExp(`^https://${SANDBOX_TLS_HOST.replace(/\./g, '\\.')}:\\d+$`));
    await app.open('/stack/prod-network');
    await panel.waitForLauncher();
    await panel.clickLauncher();
    await panel.waitUntilOpen();

    sandbox.model.queue(
      { toolCalls: [{ name: 'query_graphql', arguments: { query: 'query RealHostCheck { stacks { id state } }' } }] },
      { text: 'Two stacks failed.' },
    );
    await panel.send('Which stacks failed?');
    await panel.waitForAnswer('Two stacks failed.');

    expect(await panel.toolCards()).toEqual([{ tool: 'query_graphql', state: 'output-available' }]);
    // The worker called this account's own /graphql, with the page's browser session.
    const received = sandbox.graphql.requests.filter((r) => r.operationName === 'RealHostCheck');
    expect(received).toHaveLength(1);
    expect(received[0]!.userId).toBe('ada.admin');
    // The model was told which page of which account the user is on.
    expect(String(sandbox.model.requests[0]!.messages[0]?.content)).toContain(`the stack "prod-network" (${sandbox.appUrl}/stack/prod-network)`);
  });
});
