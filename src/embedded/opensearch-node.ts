import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadNodeRecipe, type NodeRecipe } from './node-recipe.js';
import { provisionOpenSearch } from './provision-opensearch.js';

export interface EmbeddedNodeOptions {
  /** Folder for the node's data and logs; the caller owns it. */
  workDir: string;
  /** HTTP port; a free one is picked when omitted. */
  httpPort?: number;
  heap?: string;
  log?: (message: string) => void;
  startTimeoutMs?: number;
}

export interface EmbeddedNode {
  url: string;
  version: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Provisions (first time only) and starts a local OpenSearch node bound to 127.0.0.1,
 * resolves once the cluster is at least yellow, and stops it when this process exits.
 */
export async function startEmbeddedOpenSearch(options: EmbeddedNodeOptions): Promise<EmbeddedNode> {
  const log = options.log ?? (() => {});
  const recipe = loadNodeRecipe();
  const home = await provisionOpenSearch(recipe, log);
  const httpPort = options.httpPort ?? (await findFreePort());
  const transportPort = await findFreePort();
  const dataDir = join(options.workDir, 'data');
  const logsDir = join(options.workDir, 'logs');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(logsDir, { recursive: true });
  // The launcher leaves a temp folder per start; keep it inside the work dir the owner cleans.
  const tmpDir = join(options.workDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const logFile = join(logsDir, 'console.log');
  const output = openSync(logFile, 'a');

  const settings = {
    'cluster.name': 'arabic-news-search',
    'node.name': 'embedded',
    'discovery.type': 'single-node',
    'network.host': '127.0.0.1',
    'http.port': String(httpPort),
    'transport.port': String(transportPort),
    'path.data': dataDir,
    'path.logs': logsDir,
    // A nearly full disk must not turn the node read-only under a developer's feet.
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
    // Hunspell dictionaries load only when an index asks for one (the stemmer comparison does).
    'indices.analysis.hunspell.dictionary.lazy': 'true',
  };
  installHunspellDictionaries(join(home, 'config'));
  const javaOptions = [`-Xms${options.heap ?? '512m'}`, `-Xmx${options.heap ?? '512m'}`];
  // OpenSearch refuses to run as root, and it learns the uid through JNA. Its native layer only
  // serves memory locking and syscall filters, which a loopback development node does not use.
  if (process.getuid?.() === 0) javaOptions.push('-Djna.nosys=true', '-Djna.nounpack=true');

  const child = spawn(join(home, 'bin', 'opensearch'), Object.entries(settings).map(([k, v]) => `-E${k}=${v}`), {
    env: {
      ...process.env,
      OPENSEARCH_JAVA_HOME: findJavaHome(recipe),
      OPENSEARCH_JAVA_OPTS: javaOptions.join(' '),
      OPENSEARCH_PATH_CONF: join(home, 'config'),
      OPENSEARCH_TMPDIR: tmpDir,
    },
    stdio: ['ignore', output, output],
    detached: true,
  });
  closeSync(output);
  const stopOnExit = () => killTree(child, 'SIGKILL');
  process.once('exit', stopOnExit);

  const url = `http://127.0.0.1:${httpPort}`;
  log(`starting OpenSearch ${recipe.version} on ${url} (log: ${logFile})`);
  try {
    await waitUntilHealthy(url, child, options.startTimeoutMs ?? 120_000);
  } catch (error) {
    killTree(child, 'SIGKILL');
    process.off('exit', stopOnExit);
    throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail(logFile, 30)}`);
  }
  log(`OpenSearch ${recipe.version} is up on ${url}`);

  return {
    url,
    version: recipe.version,
    logFile,
    stop: async () => {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killTree(child, 'SIGTERM');
      const timer = setTimeout(() => killTree(child, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
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

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: the launcher script and its JVM
  } catch {
    // already gone
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`OpenSearch exited during start-up (code ${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=1s`, {
        signal: AbortSignal.timeout(3000),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`OpenSearch did not become healthy within ${Math.round(timeoutMs / 1000)} s`);
}

/** A JDK the recipe's version runs on: OPENSEARCH_JAVA_HOME, JAVA_HOME, or one of the system's JVMs. */
function findJavaHome(recipe: NodeRecipe): string {
  const candidates = [process.env.OPENSEARCH_JAVA_HOME, process.env.JAVA_HOME].filter((c): c is string => !!c);
  const jvmRoot = '/usr/lib/jvm';
  if (existsSync(jvmRoot)) {
    const installed = readdirSync(jvmRoot).map((name) => join(jvmRoot, name));
    for (const major of recipe.javaMajor.preferred) {
      candidates.push(...installed.filter((dir) => new RegExp(`(^|[-/])(java-|jdk-?|temurin-)?${major}([.-]|$)`).test(dir)));
    }
  }
  for (const home of candidates) {
    const major = javaMajor(home);
    if (major !== undefined && major >= recipe.javaMajor.min && major <= recipe.javaMajor.max) return home;
  }
  throw new Error(
    `no JDK ${recipe.javaMajor.min}–${recipe.javaMajor.max} found for OpenSearch ${recipe.version}; set OPENSEARCH_JAVA_HOME`,
  );
}

function javaMajor(home: string): number | undefined {
  const java = join(home, 'bin', 'java');
  if (!existsSync(java)) return undefined;
  try {
    const release = readFileSync(join(home, 'release'), 'utf8').match(/JAVA_VERSION="(\d+)/);
    if (release?.[1]) return Number(release[1]);
    const printed = execFileSync(java, ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return Number(printed.match(/version "(\d+)/)?.[1]);
  } catch {
    return undefined;
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
