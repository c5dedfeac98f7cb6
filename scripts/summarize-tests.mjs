// Adds up vitest's JSON reports and prints the plain closing line CI reads.
// Usage: summarize-tests.mjs <failed checks without a report> <report.json>...
// A missing report (the runner crashed) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [checkFailures, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = Number(checkFailures) || 0;
let skipped = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.log(`(no report at ${file})`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed to load has no failed test in it: count the file.
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).every((t) => t.status !== 'failed')) failed += 1;
  }
}
// Skipped tests (those that need ../shared beside the project) are said on their own line: the closing
// line is exactly "N passed, N failed", the format CI reads.
if (skipped) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
