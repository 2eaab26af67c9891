// Compiles src/ to dist/ (incremental) when TypeScript is installed, so the commands that run dist/
// are never stale in a clone; after `npm prune --omit=dev` it is not, and they run the dist/ built before.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (existsSync(join(root, 'dist', 'src', 'main.js'))) process.exit(0);
  console.error('no dist/ to run and no TypeScript to build it: run `npm ci && npm run build` first (then `npm prune --omit=dev` if wanted)');
  process.exit(1);
}
const { status } = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
process.exit(status ?? 1);
