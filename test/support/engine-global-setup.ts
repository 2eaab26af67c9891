import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { detectEngineKind } from '../../src/engine/connect-engine.js';
import { startEmbeddedOpenSearch } from '../../src/embedded/opensearch-node.js';

declare module 'vitest' {
  export interface ProvidedContext {
    engineUrl: string;
    engineLabel: string;
  }
}

/**
 * One real engine for the whole run: SEARCH_URL when set, else the embedded OpenSearch node with
 * a throwaway data folder. Suites create indices with names unique to the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.SEARCH_URL) {
    const kind = await detectEngineKind(process.env.SEARCH_URL, 10_000);
    project.provide('engineUrl', process.env.SEARCH_URL);
    project.provide('engineLabel', `${kind} at SEARCH_URL`);
    return async () => {};
  }
  const workDir = mkdtempSync(join(tmpdir(), 'arabic-news-search-test-'));
  const started = Date.now();
  const node = await startEmbeddedOpenSearch({ workDir, log: (message) => console.log(`[engine] ${message}`) });
  console.log(`[engine] embedded OpenSearch ${node.version} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('engineUrl', node.url);
  project.provide('engineLabel', `embedded OpenSearch ${node.version}`);
  return async () => {
    await node.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
