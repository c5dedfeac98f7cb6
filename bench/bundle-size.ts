import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = resolve(import.meta.dirname, '../.output/chrome-mv3');

/** Bytes each built script costs: the content script runs on every Spacelift page, the panel only when opened. */
export function benchBundleSize(): Record<string, number | string> {
  if (!existsSync(resolve(OUTPUT, 'manifest.json'))) return { note: 'no build: run npm run build first' };
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const size = (file: string) => {
    const path = resolve(OUTPUT, file);
    return { raw: kb(statSync(path).size), gzip: kb(gzipSync(readFileSync(path)).length) };
  };
  const content = size('content-scripts/content.js');
  const panel = size('panel.js');
  const background = size('background.js');
  return {
    'content script, kB (target ≤ 10)': content.raw,
    'content script gzip, kB': content.gzip,
    'panel (lazy), kB': panel.raw,
    'panel gzip, kB': panel.gzip,
    'background, kB': background.raw,
  };
}
