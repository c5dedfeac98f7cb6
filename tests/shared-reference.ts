import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A file of `../shared` beside the project (the team's reference: the real docs
 * index, the reconstructed Spacelift schema). A bare clone has none: tests that
 * use it skip, benchmarks say so. Nothing the product needs comes from there.
 */
export function sharedReference(relative: string): string | undefined {
  const path = resolve(import.meta.dirname, '../../shared', relative);
  return existsSync(path) ? path : undefined;
}
