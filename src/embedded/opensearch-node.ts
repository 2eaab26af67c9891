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
export async function startEmbeddedOpenSearch(options: EmbeddedNodeOptions): Promise<EmbeddedNode> {
  const log = options.log ?? (() => {});
  const recipe = loadNodeRecipe('opensearch');
  const home = await provisionEngineHome('opensearch', recipe, log);
  const httpPort = options.httpPort ?? (await findFreePort());
  const transportPort = await findFreePort();
  // The launcher leaves a temp folder per start; it goes inside the work dir the owner cleans.
  const folders = prepareNodeFolders(options.workDir);

  const { settings, javaOptions } = developmentNodeSettings({ nodeName: 'embedded', httpPort, transportPort, folders, heap: options.heap ?? '512m' });
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
