import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectEngine, fetchEngine } from '../../src/engine/connect-engine.js';
import type { EngineKind } from '../../src/engine/search-engine.js';
import { startEmbeddedNode } from '../../src/embedded/embedded-node.js';
import { startEmbeddedOpenSearchCluster } from '../../src/embedded/opensearch-cluster.js';
import { productNames, loadNodeRecipe } from '../../src/embedded/node-recipe.js';

/** One engine of the run, as the contract suite sees it. */
export interface TestEngine {
  /** Names the engine in test titles, e.g. `embedded Elasticsearch`. */
  label: string;
  url: string;
  kind: EngineKind;
  version: string;
  /**
   * Which index definition the engine can create, asked of the engine: the project's own
   * (`mappings/`, `analyzers/`, which needs analysis-common) or the contract suite's neutral one.
   */
  indexDefinition: 'project' | 'neutral';
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The engine every product suite runs on: SEARCH_URL, or an OpenSearch node with the Arabic analysis. */
    engineUrl: string;
    engineLabel: string;
    /** Every engine of the run, the one above first; the contract suite runs its cases on each. */
    engines: TestEngine[];
  }
}

interface RunningEngine extends Omit<TestEngine, 'version' | 'kind' | 'indexDefinition'> {
  stop(): Promise<void>;
}

/**
 * The real engines of the run; the first is the product suites' engine. `TEST_ENGINES`:
 * - `embedded` (default): the embedded OpenSearch node and, for the contract suite, the embedded
 *   Elasticsearch node, side by side with throwaway data folders;
 * - `opensearch`: the embedded OpenSearch node only;
 * - `opensearch-cluster`: three embedded OpenSearch nodes on loopback, the suites talking to the
 *   first (indices spread over all three);
 * - `docker`: the same two as the vendors' images (testcontainers), OpenSearch first;
 * - `docker-elasticsearch`: the Elasticsearch image alone, so every suite runs on a stock Elasticsearch.
 * The docker choices need a Docker engine that answers, and fail plainly without one.
 * SEARCH_URL set: that engine alone, nothing started.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (message: string) => console.log(`[engine] ${message}`);
  const choice = process.env.TEST_ENGINES?.trim() || 'embedded';
  const choices: Record<string, () => Promise<RunningEngine>[]> = {
    embedded: () => [startEmbedded('opensearch', log), startEmbedded('elasticsearch', log)],
    opensearch: () => [startEmbedded('opensearch', log)],
    'opensearch-cluster': () => [startEmbeddedCluster(3, log)],
    docker: () => [startContainer('opensearch', log), startContainer('elasticsearch', log)],
    'docker-elasticsearch': () => [startContainer('elasticsearch', log)],
  };
  const starter = choices[choice];
  if (!starter) throw new Error(`TEST_ENGINES must be one of ${Object.keys(choices).join(', ')} (got ${choice})`);
  let starts: Promise<RunningEngine>[];
  if (process.env.SEARCH_URL) {
    starts = [Promise.resolve({ label: 'SEARCH_URL', url: process.env.SEARCH_URL, stop: async () => {} })];
  } else {
    if (choice.startsWith('docker') && !(await dockerAnswers())) {
      throw new Error(`TEST_ENGINES=${choice} needs a Docker engine, and none answers (docker info); the default runs without Docker`);
    }
    starts = starter();
  }

  const settled = await Promise.allSettled(starts);
  const running = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stopAll = async () => {
    await Promise.all(running.map((engine) => engine.stop()));
  };
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }

  try {
    const engines = await Promise.all(running.map(describeEngine));
    const primary = engines[0]!;
    project.provide('engineUrl', primary.url);
    project.provide('engineLabel', `${primary.label} ${primary.version}`);
    project.provide('engines', engines);
    return stopAll;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Asks the engine itself for its kind and version, as the product does, and what it can analyze. */
async function describeEngine(engine: RunningEngine): Promise<TestEngine> {
  const client = await connectEngine({ url: engine.url, requestTimeoutMs: 10_000 });
  try {
    const info = await client.info();
    const label = engine.label === 'SEARCH_URL' ? `${productNames[info.kind]} at SEARCH_URL` : engine.label;
    const indexDefinition = (await hasArabicAnalysis(engine.url)) ? 'project' : 'neutral';
    return { label, url: engine.url, kind: info.kind, version: info.version, indexDefinition };
  } finally {
    await client.close();
  }
}

/**
 * Whether the engine has the analysis-common filters the project's analyzers are built from
 * (the integ-test Elasticsearch has not). Asked through `_analyze`, which needs no index.
 */
async function hasArabicAnalysis(url: string): Promise<boolean> {
  const body = JSON.stringify({ tokenizer: 'standard', filter: ['arabic_normalization'], text: 'أمريكا' });
  const response = await fetchEngine(url, '_analyze', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return response.ok;
}

async function startEmbedded(kind: EngineKind, log: (message: string) => void): Promise<RunningEngine> {
  const name = productNames[kind];
  const workDir = mkdtempSync(join(tmpdir(), `arabic-news-search-test-${kind}-`));
  const started = Date.now();
  try {
    const node = await startEmbeddedNode(kind, { workDir, log });
    log(`embedded ${name} ${node.version} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      label: `embedded ${name}`,
      url: node.url,
      stop: async () => {
        await node.stop();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    if (kind === 'opensearch') throw error;
    throw new Error(`${(error as Error).message}\n(the product suites do not need it: TEST_ENGINES=opensearch runs without it)`);
  }
}

async function startEmbeddedCluster(count: number, log: (message: string) => void): Promise<RunningEngine> {
  const workDir = mkdtempSync(join(tmpdir(), 'arabic-news-search-test-cluster-'));
  const started = Date.now();
  try {
    const cluster = await startEmbeddedOpenSearchCluster({ workDir, count, log });
    log(`embedded OpenSearch cluster of ${count} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      label: `embedded OpenSearch cluster of ${count}`,
      url: cluster.nodes[0]!.url,
      stop: async () => {
        await cluster.stop();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

/** `docker info` within a few seconds: a client without a running engine does not count. */
async function dockerAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 }, (error, stdout) => resolve(!error && stdout.trim() !== ''));
  });
}

/** The same versions as the embedded nodes, as the vendors' images (full distributions). */
async function startContainer(kind: EngineKind, log: (message: string) => void): Promise<RunningEngine> {
  const version = loadNodeRecipe(kind).version;
  const started = Date.now();
  let url: string;
  let stop: () => Promise<unknown>;
  if (kind === 'opensearch') {
    const { OpenSearchContainer } = await import('@testcontainers/opensearch');
    const container = await new OpenSearchContainer(`opensearchproject/opensearch:${version}`)
      .withSecurityEnabled(false)
      .withEnvironment({ DISABLE_SECURITY_PLUGIN: 'true', DISABLE_INSTALL_DEMO_CONFIG: 'true', OPENSEARCH_JAVA_OPTS: '-Xms512m -Xmx512m' })
      .start();
    url = container.getHttpUrl();
    stop = () => container.stop();
  } else {
    const { ElasticsearchContainer } = await import('@testcontainers/elasticsearch');
    const container = await new ElasticsearchContainer(`docker.elastic.co/elasticsearch/elasticsearch:${version}`)
      .withEnvironment({ 'xpack.security.enabled': 'false', ES_JAVA_OPTS: '-Xms512m -Xmx512m' })
      .start();
    url = container.getHttpUrl();
    stop = () => container.stop();
  }
  const name = productNames[kind];
  log(`${name} ${version} container ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${url}`);
  return { label: `${name} container`, url, stop: async () => void (await stop()) };
}
