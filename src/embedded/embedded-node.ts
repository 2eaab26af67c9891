import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  developmentNodeSettings,
  findFreePort,
  findJavaHome,
  launchEngineProcess,
  prepareNodeFolders,
  type EmbeddedNode,
  type EngineLaunch,
  type EmbeddedNodeOptions,
} from './engine-process.js';
import { productNames, loadNodeRecipe, type EmbeddedProduct, type NodeRecipe } from './node-recipe.js';
import { provisionEngineHome } from './provision-engine.js';

/** Where a node stands in a loopback cluster: its name and transport port, and the whole cluster's. */
export interface ClusterMembership {
  nodeName: string;
  transportPort: number;
  seedTransportPorts: number[];
  nodeNames: string[];
}

/** What one product's node does its own way; the rest of a start is the same for both. */
interface NodeFlavour {
  envPrefix: EngineLaunch['envPrefix'];
  nodeName: string;
  findJavaHome(recipe: NodeRecipe): string;
  /** Readies the config folder the node starts with, and returns its path. */
  prepareConfigDir(home: string, workDir: string): string;
  /** Settings beyond the development ones both share. */
  settings: Record<string, string>;
}

const flavours: Record<EmbeddedProduct, NodeFlavour> = {
  opensearch: {
    envPrefix: 'OPENSEARCH',
    nodeName: 'embedded',
    findJavaHome: (recipe) => findJavaHome(recipe, { name: 'OpenSearch', javaHomeVariable: 'OPENSEARCH_JAVA_HOME' }),
    prepareConfigDir: (home) => {
      const configDir = join(home, 'config');
      installHunspellDictionaries(configDir);
      return configDir;
    },
    // Hunspell dictionaries load only when an index asks for one (the stemmer comparison does).
    settings: { 'indices.analysis.hunspell.dictionary.lazy': 'true' },
  },
  // The integ-test distribution: a real server, but without analysis-common, reindex, rank-eval or
  // the root endpoint (see provisioning/elasticsearch-node.json).
  elasticsearch: {
    envPrefix: 'ES',
    nodeName: 'embedded-elasticsearch',
    // Elasticsearch refuses to run as root and learns the uid through its native layer: JNA on
    // Java 17–20, which can be switched off as for OpenSearch; the JDK's own foreign-function
    // interface from Java 21, which cannot. So as root only a JDK below 21 will do.
    findJavaHome: (recipe) =>
      findJavaHome(recipe, {
        name: 'Elasticsearch',
        javaHomeVariable: 'ES_JAVA_HOME',
        ...(process.getuid?.() === 0 ? { maxMajor: 20, why: 'as root only a JDK below 21, whose native layer can be switched off' } : {}),
      }),
    // A config folder per node: the node writes its keystore there, and the shared home stays as provisioned.
    prepareConfigDir: (home, workDir) => {
      const configDir = join(workDir, 'config');
      rmSync(configDir, { recursive: true, force: true });
      cpSync(join(home, 'config'), configDir, { recursive: true });
      return configDir;
    },
    // Security is on by default in 8.x (TLS, passwords); a loopback development node does without.
    settings: { 'xpack.security.enabled': 'false' },
  },
};

/**
 * Provisions (first time only) and starts a local node of the product bound to 127.0.0.1,
 * resolves once the cluster is at least yellow, and stops it when this process exits.
 * Only OpenSearch nodes form a loopback cluster: the settings name its cluster managers.
 */
export function startEmbeddedNode(product: 'opensearch', options: EmbeddedNodeOptions & { cluster?: ClusterMembership }): Promise<EmbeddedNode>;
export function startEmbeddedNode(product: EmbeddedProduct, options: EmbeddedNodeOptions): Promise<EmbeddedNode>;
export async function startEmbeddedNode(product: EmbeddedProduct, options: EmbeddedNodeOptions & { cluster?: ClusterMembership }): Promise<EmbeddedNode> {
  const flavour = flavours[product];
  const log = options.log ?? (() => {});
  const recipe = loadNodeRecipe(product);
  const home = await provisionEngineHome(product, recipe, log);
  const javaHome = flavour.findJavaHome(recipe);
  const httpPort = options.httpPort ?? (await findFreePort());
  const transportPort = options.cluster?.transportPort ?? (await findFreePort());
  // The launcher leaves a temp folder per start; it goes inside the work dir the owner cleans.
  const folders = prepareNodeFolders(options.workDir);
  const configDir = flavour.prepareConfigDir(home, options.workDir);

  const { settings, javaOptions } = developmentNodeSettings({
    nodeName: options.cluster?.nodeName ?? flavour.nodeName,
    httpPort,
    transportPort,
    folders,
    heap: options.heap ?? '512m',
    ...(options.cluster ? { cluster: { seedTransportPorts: options.cluster.seedTransportPorts, nodeNames: options.cluster.nodeNames } } : {}),
  });

  return launchEngineProcess({
    name: productNames[product],
    version: recipe.version,
    // Both distributions name their launcher after the product.
    executable: join(home, 'bin', product),
    settings: { ...settings, ...flavour.settings },
    envPrefix: flavour.envPrefix,
    javaHome,
    javaOptions,
    configDir,
    tmpDir: folders.tmp,
    url: `http://127.0.0.1:${httpPort}`,
    logFile: folders.logFile,
    startTimeoutMs: options.startTimeoutMs ?? 120_000,
    log,
    ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
  });
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
