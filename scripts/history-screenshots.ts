// Screenshots of History (list, search with highlights, inline rename) in light and dark, for docs/screenshots/.
// Run after a build: npx tsx scripts/history-screenshots.ts [outDir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openAssistant } from '../tests/e2e/harness/assistant-session';
import { HistoryView } from '../tests/e2e/pages/history-view';
import { sampleHistoryFile } from '../tests/e2e/fixtures/history-file';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(out, { recursive: true });
const s = await openAssistant('/stack/prod-network');
try {
  const history = new HistoryView(s.page);
  const file = join(mkdirTmp(), 'history.json');
  writeFileSync(file, JSON.stringify(sampleHistoryFile(new URL(s.sandbox.appUrl).origin)));
  await history.open();
  await history.importFile(file);
  await history.waitForToast(/Imported/);
  await s.page.click('infra-assistant-panel >>> .ia-toast-close');
  await history.waitForTitles((t) => t.length >= 10);
  for (const scheme of ['light', 'dark'] as const) {
    await s.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await history.search('');
    await history.waitForTitles((t) => t.length >= 10);
    await s.page.click('infra-assistant-panel >>> [data-testid="ia-history-search"]');
    await s.page.keyboard.press('ArrowDown');
    await shot(`history-list-${scheme}.png`);
    await history.search('state lock');
    await history.waitForResults();
    await shot(`history-search-${scheme}.png`);
    await history.search('');
    await history.waitForTitles((t) => t.length >= 10);
    await history.openRowMenu('Failed run on prod-network');
    await shot(`history-menu-${scheme}.png`);
    await history.chooseMenuItem('ia-menu-rename');
    await s.page.waitForSelector('infra-assistant-panel >>> [data-testid="ia-history-rename"]');
    await s.page.keyboard.press('End');
    await s.page.keyboard.type(': state lock');
    await shot(`history-rename-${scheme}.png`);
    await s.page.keyboard.press('Escape');
  }
} finally {
  await s.close();
}

async function shot(name: string) {
  await new Promise((r) => setTimeout(r, 150));
  await s.page.screenshot({ path: join(out, name) });
  console.log(join(out, name));
}

function mkdirTmp(): string {
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}
