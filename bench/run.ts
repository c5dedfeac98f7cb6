// `npm run bench`: every speed and size figure, printed as tables.
// Runs on this machine as it is; see docs/benchmarks.md for how each is measured.
import { benchBundleSize } from './bundle-size';
import { benchDocsSearch } from './docs-search';
import { benchGraphqlAnswers } from './graphql-answers';
import { benchQueryAnswers } from './query-answers';
import { benchHistory } from './history';
import { benchHistoryPanel } from './history-panel';
import { benchFirstText } from './first-text';
import { benchUsageLedger } from './usage-ledger';
import { benchPanel } from './panel';

type Figures = Record<string, number | string>;

const sections: [string, () => Figures | Promise<Figures>][] = [
  ['Bundle sizes (built extension)', benchBundleSize],
  ['Docs search', benchDocsSearch],
  ['inspect_graphql answers', benchGraphqlAnswers],
  ['query_graphql answers (what the model receives)', benchQueryAnswers],
  ['History at 10,000 conversations / 200,000 messages (fake-indexeddb)', () => benchHistory()],
  ['History in the panel at 10,000 conversations / 200,000 messages (Chromium, real IndexedDB)', () => benchHistoryPanel()],
  ['Usage ledger at 27,000 calls (fake-indexeddb)', benchUsageLedger],
  ["Model's first text → on screen in the panel (Chromium, built extension)", benchFirstText],
  ['The panel: opening, frames while streaming into a long thread, page-load cost (Chromium, built extension)', benchPanel],
];

for (const [title, run] of sections) {
  const started = performance.now();
  try {
    const figures = await run();
    console.log(`\n## ${title}  (${Math.round(performance.now() - started)} ms)`);
    for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(52)} ${value}`);
  } catch (error) {
    console.log(`\n## ${title}: failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
