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
import { SearchService } from '../src/service/search-service.js';
import { createTestApp, ingestSeeds, uniqueAlias } from './support/test-service.js';

const workDir = mkdtempSync(join(tmpdir(), 'engine-owner-'));
/** Every engine process the test learns of: one left running by a failed assertion is killed, not left to run on. */
const enginePids = new Set<number>();
afterAll(() => {
  for (const pid of enginePids) {
    try {
      if (isProcessAlive(pid)) process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  rmSync(workDir, { recursive: true, force: true });
});

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
  it('is adopted by the next process, restarted when killed, and stopped when its new owner ends', { timeout: 240_000 }, async () => {
    const owner = await startOwner();
    const { enginePid } = JSON.parse(readFileSync(join(workDir, 'engine.json'), 'utf8')) as { enginePid: number };
    enginePids.add(enginePid);
    process.kill(owner.pid, 'SIGKILL'); // as the out-of-memory killer would: no exit handler runs
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(isProcessAlive(enginePid)).toBe(true);

    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push((JSON.parse(line) as { msg: string }).msg) });
    const provided = await provideEngine(loadConfig({ ENGINE_WORK_DIR: workDir }), logger, { restartBackoffMs: [200] });
    expect(provided.url).toBe(owner.url);
    expect(warnings).toContain('adopting the embedded engine its previous owner left running');
    expect((await provided.engine.info()).kind).toBe('opensearch');

    // The adopted engine is supervised: killed, it is refused at once and comes back on the same URL.
    const service = SearchService.open({
      engine: provided.engine,
      alias: uniqueAlias('owner'),
      dataRoot: PROJECT_ROOT,
      maxQueryClauses: 1024,
      defaultProfile: 'default',
      logger: pino({ level: 'silent' }),
      engineStatus: provided,
    });
    await service.ensureIndex();
    await ingestSeeds(service);
    const app = createTestApp(service);
    expect((await app.request('/health/ready')).status).toBe(200);
    process.kill(enginePid, 'SIGKILL');
    await until(() => provided.process()?.state === 'restarting');
    const started = Date.now();
    const during = await app.request('/search?q=Blinken');
    expect(Date.now() - started).toBeLessThan(100);
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ error: { code: 'engine_unavailable', message: expect.stringContaining('unavailable') } });
    const notReady = await app.request('/health/ready');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not_ready', reason: expect.stringContaining('restarting') });
    expect((await app.request('/health/live')).status).toBe(200);
    expect(((await (await app.request('/health')).json()) as { engine: { process: { state: string } } }).engine.process.state).toBe('restarting');

    // Long before it serves, the new process is named: by /health, and by the record other processes read.
    const processNow = async () =>
      ((await (await app.request('/health')).json()) as { engine: { process: { state: string; pid: number | null } } }).engine.process;
    await until(async () => (await processNow()).pid !== null, 30_000);
    const starting = await processNow();
    enginePids.add(starting.pid!);
    expect(starting.state).toBe('restarting');
    expect(starting.pid).not.toBe(enginePid);
    expect(JSON.parse(readFileSync(join(workDir, 'engine.json'), 'utf8'))).toEqual({
      url: owner.url,
      enginePid: starting.pid,
      ownerPid: process.pid,
      starting: true,
    });
    // A second process meanwhile waits for it, rather than starting a node of its own on the same data or stopping this one.
    const guestWarnings: string[] = [];
    const guestLogger = pino({ level: 'warn' }, { write: (line: string) => guestWarnings.push((JSON.parse(line) as { msg: string }).msg) });
    const guest = await provideEngine(loadConfig({ ENGINE_WORK_DIR: workDir }), guestLogger);
    expect(guest.url).toBe(owner.url);
    expect(guestWarnings).toContain('the embedded engine is restarting under its owner; waiting for it');
    expect(guest.process()).toBeUndefined();
    await guest.release();
    expect(isProcessAlive(starting.pid!)).toBe(true);

    await until(async () => (await app.request('/search?q=Blinken')).status === 200, 120_000);
    const health = (await (await app.request('/health')).json()) as { engine: { process: { state: string; restarts: number; pid: number } } };
    expect(health.engine.process).toMatchObject({ state: 'running', restarts: 1 });
    expect(health.engine.process.pid).not.toBe(enginePid);
    const record = JSON.parse(readFileSync(join(workDir, 'engine.json'), 'utf8')) as { url: string; enginePid: number; ownerPid: number };
    expect(record).toEqual({ url: owner.url, enginePid: health.engine.process.pid, ownerPid: process.pid });

    await provided.release();
    expect(isProcessAlive(enginePid)).toBe(false);
    expect(isProcessAlive(health.engine.process.pid)).toBe(false);
  });
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
