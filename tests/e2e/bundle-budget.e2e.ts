import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness/chromium';

// Sizes are deterministic, unlike timings: the content script runs on every
// Spacelift page, so its budget is a test (timings live in `npm run bench`).
describe('bundle budget', () => {
  it('keeps the content script that runs on every Spacelift page under 10 kB', () => {
    const bytes = statSync(resolve(EXTENSION_DIR, 'content-scripts/content.js')).size;
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
  });

  it('keeps React and the polyfill out of the content script', () => {
    const source = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
    expect(source).not.toContain('webextension-polyfill');
    expect(source).not.toContain('react.production');
  });
});
