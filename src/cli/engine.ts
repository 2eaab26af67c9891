import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { provideEngine } from '../provide-engine.js';

// Starts the embedded engine alone (or reports the one already running), for working on the index
// or queries by hand; `npm start`, ingest and the measures in other terminals then use it. Ctrl-C stops it.
const provided = await provideEngine(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'info'));
console.log(provided.redactedUrl);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void provided.release().then(() => process.exit(0)));
}
