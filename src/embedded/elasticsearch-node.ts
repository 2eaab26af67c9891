import { cpSync, rmSync } from 'node:fs';
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
 * Provisions (first time only) and starts a local Elasticsearch node bound to 127.0.0.1, security
 * off, resolves once the cluster is at least yellow, and stops it when this process exits.
 * It is the integ-test distribution: a real server, but without analysis-common, reindex,
 * rank-eval or the root endpoint (see provisioning/elasticsearch-node.json).
 */
export async function startEmbeddedElasticsearch(options: EmbeddedNodeOptions): Promise<EmbeddedNode> {
  const log = options.log ?? (() => {});
  const recipe = loadNodeRecipe('elasticsearch');
  const home = await provisionEngineHome('elasticsearch', recipe, log);
  const asRoot = process.getuid?.() === 0;
  // Elasticsearch refuses to run as root and learns the uid through its native layer: JNA on
  // Java 17–20, which can be switched off as for OpenSearch; the JDK's own foreign-function
  // interface from Java 21, which cannot. So as root only a JDK below 21 will do.
  const javaHome = findJavaHome(recipe, {
    name: 'Elasticsearch',
    javaHomeVariable: 'ES_JAVA_HOME',
    ...(asRoot ? { maxMajor: 20, why: 'as root only a JDK below 21, whose native layer can be switched off' } : {}),
  });
  const httpPort = options.httpPort ?? (await findFreePort());
  const transportPort = await findFreePort();
  const folders = prepareNodeFolders(options.workDir);
  // A config folder per node: the node writes its keystore there, and the shared home stays as provisioned.
  const configDir = join(options.workDir, 'config');
  rmSync(configDir, { recursive: true, force: true });
  cpSync(join(home, 'config'), configDir, { recursive: true });

  const { settings, javaOptions } = developmentNodeSettings({
    nodeName: 'embedded-elasticsearch',
    httpPort,
    transportPort,
    folders,
    heap: options.heap ?? '512m',
  });
  // Security is on by default in 8.x (TLS, passwords); a loopback development node does without.
  settings['xpack.security.enabled'] = 'false';

  return launchEngineProcess({
    name: 'Elasticsearch',
    version: recipe.version,
    executable: join(home, 'bin', 'elasticsearch'),
    settings,
    envPrefix: 'ES',
    javaHome,
    javaOptions,
    configDir,
    tmpDir: folders.tmp,
    url: `http://127.0.0.1:${httpPort}`,
    logFile: folders.logFile,
    startTimeoutMs: options.startTimeoutMs ?? 120_000,
    log,
  });
}
