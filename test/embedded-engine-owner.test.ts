import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { isProcessAlive } from '../src/embedded/engine-process.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { provideEngine } from '../src/provide-engine.js';

const workDir = mkdtempSync(join(tmpdir(), 'engine-owner-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A process that starts the embedded engine of `workDir` and holds it, as `npm start` does. */
async function startOwner(): Promise<{ pid: number; url: string }> {
  const owner = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test', 'support', 'hold-embedded-engine.ts')], {
    env: { ...process.env, SEARCH_URL: '', ENGINE_WORK_DIR: workDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    owner.once('exit', (code) => reject(new Error(`the owner exited (${code}) before its engine answered`)));
    createInterface({ input: owner.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { pid: owner.pid!, url };
}

describe('an embedded engine whose owner died', () => {
  it('is adopted by the next process, which stops it when it ends', { timeout: 240_000 }, async () => {
    const owner = await startOwner();
    const { enginePid } = JSON.parse(readFileSync(join(workDir, 'engine.json'), 'utf8')) as { enginePid: number };
    process.kill(owner.pid, 'SIGKILL'); // as the out-of-memory killer would: no exit handler runs
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(isProcessAlive(enginePid)).toBe(true);

    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push((JSON.parse(line) as { msg: string }).msg) });
    const provided = await provideEngine(loadConfig({ ENGINE_WORK_DIR: workDir }), logger);
    expect(provided.url).toBe(owner.url);
    expect(warnings).toContain('adopting the embedded engine its previous owner left running');
    expect((await provided.engine.info()).kind).toBe('opensearch');
    await provided.release();
    expect(isProcessAlive(enginePid)).toBe(false);
  });
});
