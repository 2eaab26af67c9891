import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { NodeRecipe } from './node-recipe.js';

export interface EmbeddedNodeOptions {
  /** Folder for the node's data and logs; the caller owns it. */
  workDir: string;
  /** HTTP port; a free one is picked when omitted. */
  httpPort?: number;
  heap?: string;
  log?: (message: string) => void;
  startTimeoutMs?: number;
  /** Told the process id as soon as the node's process exists, long before it serves. */
  onSpawn?: (pid: number) => void;
}

/** How an engine's process ended: its exit code, or the signal that killed it. */
export interface NodeExit {
  code: number | null;
  signal: string | null;
}

/** An engine process this process answers for: it watches it end, and can stop it. */
export interface EngineProcess {
  /** The engine's process (and process group) id. */
  pid: number;
  /** Settles when the process ends, whoever ended it. */
  exited: Promise<NodeExit>;
  stop(): Promise<void>;
}

export interface EmbeddedNode extends EngineProcess {
  url: string;
  version: string;
  logFile: string;
}

/** The folders a node writes to, all under the caller's work dir. */
export interface NodeFolders {
  data: string;
  logs: string;
  tmp: string;
  logFile: string;
}

export function prepareNodeFolders(workDir: string): NodeFolders {
  const folders = { data: join(workDir, 'data'), logs: join(workDir, 'logs'), tmp: join(workDir, 'tmp') };
  for (const dir of Object.values(folders)) mkdirSync(dir, { recursive: true });
  return { ...folders, logFile: join(folders.logs, 'console.log') };
}

/**
 * Settings and JVM options every embedded node shares: one node on loopback, on the given ports,
 * writing to the work dir's folders.
 */
export function developmentNodeSettings(options: {
  nodeName: string;
  httpPort: number;
  transportPort: number;
  folders: NodeFolders;
  heap: string;
  /** A node of a loopback cluster (OpenSearch): the others' transport ports, and the names of all nodes. */
  cluster?: { seedTransportPorts: number[]; nodeNames: string[] };
}): {
  settings: Record<string, string>;
  javaOptions: string[];
} {
  const discovery: Record<string, string> = options.cluster
    ? {
        'discovery.seed_hosts': options.cluster.seedTransportPorts.map((port) => `127.0.0.1:${port}`).join(','),
        'cluster.initial_cluster_manager_nodes': options.cluster.nodeNames.join(','),
      }
    : { 'discovery.type': 'single-node' };
  const settings = {
    'cluster.name': 'arabic-news-search',
    'node.name': options.nodeName,
    ...discovery,
    'network.host': '127.0.0.1',
    'http.port': String(options.httpPort),
    'transport.port': String(options.transportPort),
    'path.data': options.folders.data,
    'path.logs': options.folders.logs,
    // A nearly full disk must not turn the node read-only under a developer's feet.
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
  };
  const javaOptions = [`-Xms${options.heap}`, `-Xmx${options.heap}`];
  // Both engines refuse to run as root and learn the uid through JNA. Their native layer only serves
  // memory locking, syscall filters and process limits, which a loopback development node does not use.
  if (process.getuid?.() === 0) javaOptions.push('-Djna.nosys=true', '-Djna.nounpack=true');
  return { settings, javaOptions };
}

export interface EngineLaunch {
  /** Product name for messages: `OpenSearch`, `Elasticsearch`. */
  name: string;
  version: string;
  executable: string;
  /** Node settings, passed as `-Ekey=value`. */
  settings: Record<string, string>;
  /** How the launcher's variables are named: `OPENSEARCH_JAVA_HOME`, `ES_JAVA_HOME` … */
  envPrefix: 'OPENSEARCH' | 'ES';
  javaHome: string;
  javaOptions: string[];
  configDir: string;
  tmpDir: string;
  url: string;
  logFile: string;
  startTimeoutMs: number;
  log: (message: string) => void;
  onSpawn?: (pid: number) => void;
}

/**
 * Starts an engine's launcher as its own process group, its output in the log file; resolves once
 * the cluster is at least yellow. The group is killed when this process exits, so a node never
 * outlives its owner.
 */
export async function launchEngineProcess(launch: EngineLaunch): Promise<EmbeddedNode> {
  const { name, version, url, logFile } = launch;
  const output = openSync(logFile, 'a');
  const prefix = launch.envPrefix;
  const env = {
    ...process.env,
    [`${prefix}_JAVA_HOME`]: launch.javaHome,
    [`${prefix}_JAVA_OPTS`]: launch.javaOptions.join(' '),
    [`${prefix}_PATH_CONF`]: launch.configDir,
    [`${prefix}_TMPDIR`]: launch.tmpDir,
  };
  const args = Object.entries(launch.settings).map(([key, value]) => `-E${key}=${value}`);
  const child = spawn(launch.executable, args, { env, stdio: ['ignore', output, output], detached: true });
  closeSync(output);
  const exited = new Promise<NodeExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stopOnExit = () => killTree(child, 'SIGKILL');
  process.once('exit', stopOnExit);

  if (child.pid !== undefined) launch.onSpawn?.(child.pid);
  launch.log(`starting ${name} ${version} on ${url} (log: ${logFile})`);
  try {
    await waitUntilHealthy(name, url, child, launch.startTimeoutMs);
  } catch (error) {
    killTree(child, 'SIGKILL');
    process.off('exit', stopOnExit);
    throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail(logFile, 30)}`);
  }
  launch.log(`${name} ${version} is up on ${url}`);

  return {
    url,
    version,
    pid: child.pid!,
    logFile,
    exited,
    stop: async () => {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      killTree(child, 'SIGTERM');
      const timer = setTimeout(() => killTree(child, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Takes over an engine whose owner died: it is stopped when this process exits, as one this
 * process started would be. `stop` ends its process group and waits for it to go; `exited`
 * settles when it ends (not our child: its end is seen by asking every second).
 */
export function adoptEngineProcess(pid: number): EngineProcess {
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const stopOnExit = () => killGroup('SIGKILL');
  process.once('exit', stopOnExit);
  const exited = new Promise<NodeExit>((resolve) => {
    const watch = setInterval(() => {
      if (isProcessAlive(pid)) return;
      clearInterval(watch);
      resolve({ code: null, signal: null });
    }, 1000);
    watch.unref();
  });
  return {
    pid,
    exited,
    stop: async () => {
      process.off('exit', stopOnExit);
      killGroup('SIGTERM');
      const deadline = Date.now() + 20_000;
      while (isProcessAlive(pid)) {
        if (Date.now() > deadline) killGroup('SIGKILL');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  };
}

/** True while a process with this id exists (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: the launcher script and its JVMs
  } catch {
    // already gone
  }
}

async function waitUntilHealthy(name: string, url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited during start-up (code ${child.exitCode ?? child.signalCode})`);
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
  throw new Error(`${name} did not become healthy within ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * A JDK the recipe's version runs on: the product's own variable, JAVA_HOME, or one of the
 * system's JVMs, in the recipe's order of preference. `maxMajor` narrows the recipe's range.
 */
export function findJavaHome(recipe: NodeRecipe, product: { name: string; javaHomeVariable: string; maxMajor?: number; why?: string }): string {
  const max = Math.min(recipe.javaMajor.max, product.maxMajor ?? Number.POSITIVE_INFINITY);
  const candidates = [process.env[product.javaHomeVariable], process.env.JAVA_HOME].filter((c): c is string => !!c);
  const jvmRoot = '/usr/lib/jvm';
  if (existsSync(jvmRoot)) {
    const installed = readdirSync(jvmRoot).map((name) => join(jvmRoot, name));
    for (const major of recipe.javaMajor.preferred) {
      candidates.push(...installed.filter((dir) => new RegExp(`(^|[-/])(java-|jdk-?|temurin-)?${major}([.-]|$)`).test(dir)));
    }
  }
  for (const home of candidates) {
    const major = javaMajor(home);
    if (major !== undefined && major >= recipe.javaMajor.min && major <= max) return home;
  }
  throw new Error(
    `no JDK ${recipe.javaMajor.min}–${max} found for ${product.name} ${recipe.version}${product.why ? ` (${product.why})` : ''}; set ${product.javaHomeVariable}`,
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
