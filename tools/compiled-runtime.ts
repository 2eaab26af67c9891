import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/project-root.js';

/** The package's `config.node_flags`: the V8 heap bounds every process the product runs with. */
export function nodeFlags(): string[] {
  const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { config: { node_flags: string } };
  return packageJson.config.node_flags.split(/\s+/).filter(Boolean);
}

/**
 * The arguments node gets for a compiled entry, as `npm start` and `npm run ingest` give them:
 * the package's `config.node_flags`, then the entry under `dist/` (built by `npm run build`).
 */
export function compiledEntryArgs(entry: string): string[] {
  return [...nodeFlags(), join(PROJECT_ROOT, 'dist', entry)];
}
