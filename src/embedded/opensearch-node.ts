import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  developmentNodeSettings,
  findFreePort,
  findJavaHome,
  launchEngineProcess,
  prepareNodeFolders,
  type EmbeddedNode,
  type EmbeddedNodeOptions,
} from './engine-process.js';
import { loadNodeRecipe } from './node-recipe.js';
import { provisionEngineHome } from './provision-engine.js';

/**
 * Provisions (first time only) and starts a local OpenSearch node bound to 127.0.0.1,
 * resolves once the cluster is at least yellow, and stops it when this process exits.
 */
export async function startEmbeddedOpenSearch(options: EmbeddedNodeOptions & { cluster?: ClusterMembership }): Promise<EmbeddedNode> {
  const log = options.log ?? (() => {});
  const recipe = loadNodeRecipe('opensearch');
  const home = await provisionEngineHome('opensearch', recipe, log);
  const httpPort = options.httpPort ?? (await findFreePort());
  const transportPort = options.cluster?.transportPort ?? (await findFreePort());
  // The launcher leaves a temp folder per start; it goes inside the work dir the owner cleans.
  const folders = prepareNodeFolders(options.workDir);

  const { settings, javaOptions } = developmentNodeSettings({
    nodeName: options.cluster?.nodeName ?? 'embedded',
    httpPort,
    transportPort,
    folders,
    heap: options.heap ?? '512m',
    ...(options.cluster ? { cluster: { seedTransportPorts: options.cluster.seedTransportPorts, nodeNames: options.cluster.nodeNames } } : {}),
  });
  // Hunspell dictionaries load only when an index asks for one (the stemmer comparison does).
  settings['indices.analysis.hunspell.dictionary.lazy'] = 'true';
  installHunspellDictionaries(join(home, 'config'));

  return launchEngineProcess({
    name: 'OpenSearch',
    version: recipe.version,
    executable: join(home, 'bin', 'opensearch'),
    settings,
    envPrefix: 'OPENSEARCH',
    javaHome: findJavaHome(recipe, { name: 'OpenSearch', javaHomeVariable: 'OPENSEARCH_JAVA_HOME' }),
    javaOptions,
    configDir: join(home, 'config'),
    tmpDir: folders.tmp,
    url: `http://127.0.0.1:${httpPort}`,
    logFile: folders.logFile,
    startTimeoutMs: options.startTimeoutMs ?? 120_000,
    log,
  });
}

/** Where a node stands in a loopback cluster: its name and transport port, and the whole cluster's. */
export interface ClusterMembership {
  nodeName: string;
  transportPort: number;
  seedTransportPorts: number[];
  nodeNames: string[];
}

export interface EmbeddedCluster {
  /** Every node's URL, comma-separated: what SEARCH_URL takes. */
  url: string;
  nodes: EmbeddedNode[];
  /** Starts node `i` again where it was (same ports, same data), after it ended. */
  restart(i: number): Promise<EmbeddedNode>;
  stop(): Promise<void>;
}

/**
 * A cluster of `count` OpenSearch nodes on loopback, each its own process with its own folder
 * (`<workDir>/node-<i>`) and ports chosen once, so a node started again rejoins where it was.
 * Resolves once the cluster is at least yellow.
 */
export async function startEmbeddedOpenSearchCluster(options: EmbeddedNodeOptions & { count: number }): Promise<EmbeddedCluster> {
  const names = Array.from({ length: options.count }, (_, i) => `embedded-${i}`);
  const httpPorts = await Promise.all(names.map(() => findFreePort()));
  const transportPorts = await Promise.all(names.map(() => findFreePort()));
  const startNode = (i: number) =>
    startEmbeddedOpenSearch({
      ...options,
      workDir: join(options.workDir, `node-${i}`),
      httpPort: httpPorts[i]!,
      cluster: { nodeName: names[i]!, transportPort: transportPorts[i]!, seedTransportPorts: transportPorts, nodeNames: names },
    });
  const settled = await Promise.allSettled(names.map((_, i) => startNode(i)));
  const nodes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw failed.reason;
  }
  return {
    url: nodes.map((node) => node.url).join(','),
    nodes,
    restart: async (i) => (nodes[i] = await startNode(i)),
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}

/** Debian's hunspell-ar, when installed, becomes the engine's `ar` hunspell dictionary. */
function installHunspellDictionaries(configDir: string): void {
  const source = '/usr/share/hunspell';
  const target = join(configDir, 'hunspell', 'ar');
  if (!existsSync(join(source, 'ar.dic')) || existsSync(join(target, 'ar.dic'))) return;
  mkdirSync(target, { recursive: true });
  // Lucene reads the encoding only from the first 30 KB; Debian's ar.aff declares it on line 24139.
  const affix = readFileSync(join(source, 'ar.aff'), 'utf8').replace(/^SET\s+\S+\s*$/m, '');
  writeFileSync(join(target, 'ar.aff'), `SET UTF-8\n${affix}`);
  copyFileSync(join(source, 'ar.dic'), join(target, 'ar.dic'));
}
