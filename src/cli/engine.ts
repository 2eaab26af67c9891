import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmbeddedOpenSearch } from '../embedded/opensearch-node.js';

// Starts the embedded engine alone, for working on the index or queries by hand. Ctrl-C stops it.
const workDir = resolve(process.env.ENGINE_WORK_DIR ?? '.run/opensearch');
mkdirSync(workDir, { recursive: true });
const node = await startEmbeddedOpenSearch({
  workDir,
  ...(process.env.ENGINE_PORT ? { httpPort: Number(process.env.ENGINE_PORT) } : {}),
  log: (message) => console.error(message),
});
console.log(node.url);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void node.stop().then(() => process.exit(0)));
}
