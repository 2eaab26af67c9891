import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { provideEngine } from '../../src/provide-engine.js';

// Starts the embedded engine of ENGINE_WORK_DIR as `npm start` would, prints its URL, and holds it
// until killed: a suite kills this process to leave an engine behind with no owner.
const provided = await provideEngine(loadConfig(), createLogger('silent'));
console.log(JSON.stringify({ url: provided.url }));
setInterval(() => {}, 60_000);
