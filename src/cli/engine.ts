import { join, resolve } from 'node:path';
import { loadConfigOrExit } from '../load-config-or-exit.js';
import { superviseEngine } from '../embedded/engine-supervisor.js';
import { startEmbeddedOpenSearchCluster } from '../embedded/opensearch-cluster.js';
import { createLogger } from '../logger.js';
import { PROJECT_ROOT } from '../project-root.js';
import { provideEngine } from '../provide-engine.js';
import { asksForHelp, exitWithUsage } from './usage.js';

// Starts the embedded engine alone (or reports the one already running), for working on the index
// or queries by hand; `npm start`, ingest and the measures in other terminals then use it. Ctrl-C stops it.
// `-- --nodes N` starts a cluster of N nodes on loopback instead (each restarted if it ends), and
// prints the SEARCH_URL that reaches them all.
const config = loadConfigOrExit();
const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
const USAGE = 'npm run engine [-- --nodes N]   (N from 1 to 9)';
const args = process.argv.slice(2);
if (asksForHelp(args)) exitWithUsage(USAGE);
const nodesAt = args.indexOf('--nodes');
const nodes = nodesAt >= 0 ? Number(args[nodesAt + 1]) : 1;
const unknown = args.find((_, at) => nodesAt < 0 || (at !== nodesAt && at !== nodesAt + 1));
if (unknown !== undefined) exitWithUsage(USAGE, `unknown argument: ${unknown}`);
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 9) exitWithUsage(USAGE, `--nodes: a whole number from 1 to 9`);
let release: () => Promise<void>;
if (nodes === 1) {
  const provided = await provideEngine(config, logger);
  console.log(provided.redactedUrl);
  release = provided.release;
} else {
  const cluster = await startEmbeddedOpenSearchCluster({
    count: nodes,
    workDir: join(resolve(PROJECT_ROOT, config.engineWorkDir), 'cluster'),
    heap: config.engineHeap,
    log: (message) => logger.info(message),
  });
  const supervisors = cluster.nodes.map((node, i) =>
    superviseEngine(node, () => cluster.restart(i), { log: (message, details) => logger.warn({ node: i, ...details }, message) }),
  );
  console.log(`SEARCH_URL=${cluster.url} INDEX_REPLICAS=1`);
  release = async () => {
    await Promise.all(supervisors.map((supervisor) => supervisor.stop()));
  };
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void release().then(() => process.exit(0)));
}
