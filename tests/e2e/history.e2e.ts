import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAssistant, type AssistantSession } from './harness/assistant-session';
import { readStoredConversation } from './harness/extension';
import { AssistantPanel } from './pages/assistant-panel';
import { HistoryView } from './pages/history-view';
import { SandboxApp } from './pages/sandbox-app';
import { sampleHistoryFile } from './fixtures/history-file';

const IN_PANEL = 'infra-assistant-panel >>> ';

describe('History: list, search, switch, rename, delete and undo, export and import, live across tabs', () => {
  let s: AssistantSession;
  let history: HistoryView;
  let downloads: string;

  beforeAll(async () => {
    s = await openAssistant('/stack/prod-network');
    history = new HistoryView(s.page);
    downloads = mkdtempSync(join(tmpdir(), 'ia-downloads-'));
    const session = await s.chromium.browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(downloads, { recursive: true, force: true });
  });
  beforeEach(async () => {
    s.sandbox.model.reset();
    await s.page.bringToFront();
    if (await history.isOpen()) await s.page.click(`${IN_PANEL}[data-testid="ia-history-button"]`);
  });

  async function ask(question: string, answer: string, title?: string | { error: { status: number; message: string } }) {
    if (typeof title === 'string') s.sandbox.model.queueTitle({ text: title });
    else if (title) s.sandbox.model.queueTitle(title);
    s.sandbox.model.queue({ text: answer });
    await s.panel.send(question);
    await s.panel.waitForAnswer(answer);
  }

  /**
   * Run `trigger` and read the file it downloads, once complete. (With the test's download folder
   * set through CDP, Chromium names files by their download GUID; the name the extension gave is
   * checked in the toast.)
   */
  async function download(trigger: () => Promise<void>, timeout = 15_000): Promise<{ text: string }> {
    const before = new Set(readdirSync(downloads));
    await trigger();
    const started = Date.now();
    for (;;) {
      const file = readdirSync(downloads).find((f) => !before.has(f) && !f.endsWith('.crdownload'));
      if (file) {
        const text = readFileSync(join(downloads, file), 'utf8');
        if (text.length > 0) return { text };
      }
      if (Date.now() - started > timeout) throw new Error(`No new download; have ${readdirSync(downloads).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('titles from the first exchange, newest first by day; search highlights; switching opens a conversation as stored, and it goes on', async () => {
    await ask('Why did the last run of prod-network fail?', 'The state lock was held by another run.', 'State lock on prod-network');
    await s.panel.newConversation();
    // The title model fails here: the question stays the title.
    await ask('How does drift detection work in Spacelift?', 'Drift detection runs proposed runs on a schedule.', { error: { status: 500, message: 'title model down' } });

    await history.open();
    expect(await history.focused()).toBe('ia-history-search');
    const titles = await history.waitForTitles((t) => t[0] === 'How does drift detection work in Spacelift?' && t[1] === 'State lock on prod-network');
    expect(titles).toHaveLength(2);
    expect(await history.days()).toEqual(['Today']);
    expect((await history.rows())[0]!.current).toBe(true); // the conversation on screen is marked
    // Titles were asked apart from the chat: two answers, two title requests, no answer taken by a title.
    expect(s.sandbox.model.requests).toHaveLength(2);
    expect(s.sandbox.model.titleRequests).toHaveLength(2);

    // Search: matches in the title and in a message (the last word is a prefix), highlighted.
    await history.search('drift sched');
    const hits = await history.waitForResults();
    expect(hits.map((h) => h.title)).toEqual(['How does drift detection work in Spacelift?']);
    expect(hits[0]!.marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['drift', 'schedule']));
    expect(hits[0]!.snippet).toContain('Drift detection runs proposed runs on a schedule.');
    await history.search('state lock');
    const lock = await history.waitForResults();
    expect(lock.map((h) => h.title)).toEqual(['State lock on prod-network']);
    expect(lock[0]!.marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['state', 'lock']));
    await history.search('nothing-like-this-anywhere');
    await history.waitForResults();
    expect(await s.page.$eval(`${IN_PANEL}[data-testid="ia-history-status"]`, (el) => el.textContent)).toContain('No conversations match');

    // Switch with the keyboard: the result list's first row, Enter.
    await history.search('state lock');
    await history.waitForResults();
    await s.page.keyboard.press('Enter');
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-history"]`, { hidden: true });
    expect(await s.panel.messages()).toEqual([
      { role: 'user', text: 'Why did the last run of prod-network fail?' },
      { role: 'assistant', text: 'The state lock was held by another run.' },
    ]);
    expect(await s.panel.focusedTestId()).toBe('ia-composer');

    // And it can be continued: the model gets the whole stored history, storage gets the new turn.
    await ask('How do I unlock it?', 'Use force-unlock from the stack settings.');
    const request = s.sandbox.model.requests.at(-1)!;
    expect(request.messages.filter((m) => m.role !== 'system').map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    await history.open();
    // Continuing moved it to the top.
    await history.waitForTitles((t) => t[0] === 'State lock on prod-network');
    const stored = await readStoredConversation(s.chromium, (await history.rows())[0]!.id);
    expect(stored.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('renames inline (F2, or the row menu), keeps the focus, and the name survives a reload', async () => {
    await history.open();
    await history.waitForTitles((t) => t.length >= 2);
    const first = (await history.rows())[0]!;
    expect(first.active).toBe(true);
    await s.page.keyboard.press('F2');
    const input = await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-history-rename"]`);
    expect(await history.focused()).toBe('ia-history-rename');
    await input!.type('Unlocking prod-network');
    await s.page.keyboard.press('Enter');
    await history.waitForTitles((t) => t[0] === 'Unlocking prod-network');
    expect(await history.focused()).toBe('ia-history-search');

    await history.openRowMenu('How does drift detection work in Spacelift?');
    await history.chooseMenuItem('ia-menu-rename');
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-history-rename"]`);
    await s.page.keyboard.type('Drift detection');
    await s.page.keyboard.press('Enter');
    await history.waitForTitles((t) => t.includes('Drift detection'));

    // Escape cancels a rename.
    await s.page.keyboard.press('F2');
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-history-rename"]`);
    await s.page.keyboard.type('Not this');
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-history-rename"]`, { hidden: true });
    expect(await history.isOpen()).toBe(true); // Escape left the rename, not History
    expect((await history.rows())[0]!.title).toBe('Unlocking prod-network');

    await s.page.reload({ waitUntil: 'domcontentloaded' });
    await s.panel.waitUntilOpen();
    await history.open();
    expect(await history.waitForTitles((t) => t.length >= 2)).toEqual(expect.arrayContaining(['Unlocking prod-network', 'Drift detection']));
    // The user's name is searchable, and is never replaced by a generated title.
    await history.search('unlocking');
    expect((await history.waitForResults()).map((h) => h.title)).toEqual(['Unlocking prod-network']);
  });

  it('deletes with Undo: the row goes, the toast brings it back; deleting the open conversation returns to the welcome screen', async () => {
    await history.open();
    await history.waitForTitles((t) => t.length >= 2);
    // Keyboard: move to the second row, Delete (the search box is empty, so Delete is for the row).
    await s.page.keyboard.press('ArrowDown');
    const second = (await history.rows()).find((r) => r.active)!;
    expect(second.title).toBe('Drift detection');
    await s.page.keyboard.press('Delete');
    expect(await history.waitForToast(/Deleted/)).toBe('Deleted “Drift detection”');
    await history.waitForTitles((t) => !t.includes('Drift detection'));
    await history.clickToastAction();
    await history.waitForToast(/Restored/);
    await history.waitForTitles((t) => t.includes('Drift detection'));

    // Through the menu, the conversation that is open (not undone this time): the panel starts afresh.
    const open = (await history.rows()).find((r) => r.current)!;
    await history.openRowMenu(open.title);
    await history.chooseMenuItem('ia-menu-delete');
    await history.waitForToast(/Deleted/);
    await history.waitForTitles((t) => !t.includes(open.title));
    await s.page.click(`${IN_PANEL}[data-testid="ia-history-button"]`);
    await s.page.waitForSelector(`${IN_PANEL}[data-testid="ia-welcome"]`, { visible: true });
    await history.open();
    await history.search('unlocking');
    await history.waitForResults();
    expect(await history.rows()).toEqual([]);
    await history.search('');
  });

  it('exports one conversation as Markdown and JSON and all history as JSON, and imports a file without duplicates', async () => {
    await history.open();
    await history.waitForTitles((t) => t.includes('Drift detection'));
    const { text: markdown } = await download(async () => {
      await history.openRowMenu('Drift detection');
      await history.chooseMenuItem('ia-menu-export-markdown');
      expect(await history.waitForToast(/Saved/)).toMatch(/^Saved infra-assistant-drift-detection-\d{4}-\d\d-\d\d\.md to your downloads$/);
    });
    expect(markdown.startsWith('# Drift detection\n')).toBe(true);
    expect(markdown).toContain('How does drift detection work in Spacelift?');
    expect(markdown).toContain('Drift detection runs proposed runs on a schedule.');
    expect(markdown).not.toContain('sandbox-key'); // the model's API key in the test profile

    const json = await download(async () => {
      await history.openRowMenu('Drift detection');
      await history.chooseMenuItem('ia-menu-export-json');
      await history.waitForToast(/Saved .*\.json/);
    });
    const one = JSON.parse(json.text) as { format: string; conversations: { title: string; messages: unknown[] }[] };
    expect(one.format).toBe('infra-assistant.history');
    expect(one.conversations.map((c) => [c.title, c.messages.length])).toEqual([['Drift detection', 2]]);

    const allFile = await download(async () => {
      await s.page.click(`${IN_PANEL}[data-testid="ia-history-menu"]`);
      await history.chooseMenuItem('ia-menu-export-all');
      expect(await history.waitForToast(/Saved \d+ conversation/)).toMatch(/^Saved 1 conversation to infra-assistant-history-/);
    });
    const all = JSON.parse(allFile.text) as { conversations: { title: string }[] };
    expect(all.conversations.map((c) => c.title)).toEqual(['Drift detection']);
    expect(JSON.stringify(all)).not.toContain('sandbox-key');

    // Import a history file: new conversations appear, by day, and are searchable.
    const file = join(downloads, 'import-me.json');
    writeFileSync(file, JSON.stringify(sampleHistoryFile(new URL(s.sandbox.appUrl).origin)));
    await history.importFile(file);
    expect(await history.waitForToast(/Imported/)).toBe('Imported 12 conversations: 12 new');
    await history.waitForTitles((t) => t.includes('Failed run on prod-network') && t.includes('Drift detection on staging'));
    expect((await history.days()).slice(0, 2)).toEqual(['Today', 'Yesterday']);
    await history.search('AssumeRoleWithWebIdentity');
    expect((await history.waitForResults()).map((h) => h.title)).toEqual(['OIDC with AWS']);
    await history.search('');
    // The same file again: nothing doubles.
    await history.importFile(file);
    expect(await history.waitForToast(/already here/)).toBe('Imported 12 conversations: 0 new, 12 already here');
    await history.search('AssumeRoleWithWebIdentity');
    expect((await history.waitForResults()).map((h) => h.title)).toEqual(['OIDC with AWS']);
    await history.search('');

    // A file that is not a history file: a clear error, nothing stored.
    const bad = join(downloads, 'not-history.json');
    writeFileSync(bad, JSON.stringify({ hello: 'world' }));
    await history.importFile(bad);
    expect(await history.waitForToast(/Could not import/)).toBe('Could not import not-history.json: This is not an Infra Assistant history file');
  });

  it('two Spacelift tabs see the same history live: a new conversation, its title, a rename, the open thread', async () => {
    const page2 = await s.chromium.browser.newPage();
    const app2 = new SandboxApp(page2, s.sandbox.appUrl);
    const panel2 = new AssistantPanel(page2);
    const history2 = new HistoryView(page2);
    await app2.open('/stacks');
    await panel2.waitForLauncher();
    await panel2.clickLauncher();
    await panel2.waitUntilOpen();
    await history2.open();
    await history2.waitForTitles((t) => t.length > 5);

    // Tab 1 asks something new; tab 2's open History shows it, then its generated title, without a reload.
    await s.page.bringToFront();
    await s.panel.newConversation();
    await ask('Which stacks use the shared-vars context?', 'Three stacks attach shared-vars.', 'Stacks using shared-vars');
    await page2.bringToFront();
    await history2.waitForTitles((t) => t[0] === 'Stacks using shared-vars');

    // Tab 2 renames it; tab 1's History shows the new name when opened, and its thread stays.
    await history2.openRowMenu('Stacks using shared-vars');
    await history2.chooseMenuItem('ia-menu-rename');
    await page2.waitForSelector(`${IN_PANEL}[data-testid="ia-history-rename"]`);
    await page2.keyboard.type('shared-vars usage');
    await page2.keyboard.press('Enter');
    await history2.waitForTitles((t) => t[0] === 'shared-vars usage');
    await s.page.bringToFront();
    await history.open();
    await history.waitForTitles((t) => t[0] === 'shared-vars usage');
    await s.page.click(`${IN_PANEL}[data-testid="ia-history-button"]`);

    // Tab 2 opens the same conversation and goes on; tab 1, idle, shows the new turn.
    await page2.bringToFront();
    await history2.clickRow('shared-vars usage');
    s.sandbox.model.queue({ text: 'In dev, only dev-eks.' });
    await panel2.send('And in dev?');
    await panel2.waitForAnswer('In dev, only dev-eks.');
    await s.page.bringToFront();
    await s.page.waitForFunction(
      () => document.querySelector('infra-assistant-panel')?.shadowRoot?.querySelectorAll('[data-message-id]').length === 4,
      { timeout: 15_000 },
    );
    expect(await s.panel.messages()).toEqual([
      { role: 'user', text: 'Which stacks use the shared-vars context?' },
      { role: 'assistant', text: 'Three stacks attach shared-vars.' },
      { role: 'user', text: 'And in dev?' },
      { role: 'assistant', text: 'In dev, only dev-eks.' },
    ]);
    await page2.close();
  });
});
