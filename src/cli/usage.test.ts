import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';

/** Runs a command line tool from source: its exit code and what it wrote to stderr. */
async function run(tool: string, args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', `src/cli/${tool}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      timeout: 30_000,
      env: { ...process.env, SEARCH_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('command line tools given bad arguments', () => {
  it.each([
    ['eval', ['--bogus'], "Unknown option '--bogus'"],
    // Refused before any index is built (no engine is reachable here).
    ['eval', ['--k', 'abc'], '--k: a whole number from 1 to 100, not "abc"'],
    ['eval', ['--collection', 'foo'], '--collection: one of seeds, typos'],
    ['eval', ['--profile', 'nope'], '--profile: no profile named "nope" in relevance/profiles/'],
    ['eval', ['--qrels', '/no/such.qrels'], '--qrels: no file /no/such.qrels'],
    ['eval', ['--collection', 'typos', '--judgments', 'relevance/judgments/seeds.json'], '--judgments: judged seed queries, for --collection seeds only'],
    ['ingest', ['/no/such/file.ndjson'], 'no such file or folder: /no/such/file.ndjson'],
    ['reindex', ['/no/such/folder'], 'no such file or folder: /no/such/folder'],
    ['engine', ['--bogus'], 'unknown argument: --bogus'],
    ['call-admin', ['nope'], 'unknown action: nope'],
  ])('%s %s says what is wrong and how to call it, exit 2, no stack trace', async (tool, args, problem) => {
    const { code, stderr } = await run(tool, args);
    expect(code).toBe(2);
    expect(stderr).toContain(problem);
    expect(stderr).toContain('usage: ');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('eval refuses a baseline measured with another gain or collection, or that does not say', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
    const baseline = (fields: object) => {
      const file = join(dir, `${Object.keys(fields).join('-') || 'none'}.json`);
      writeFileSync(file, JSON.stringify({ k: 10, profile: 'default', mean: {}, queries: [{ id: 'q1', metrics: {} }], ...fields }));
      return file;
    };
    const exponential = await run('eval', ['--baseline', baseline({ collection: 'seeds', gain: 'exponential' })]);
    expect([exponential.code, exponential.stderr]).toEqual([2, expect.stringContaining('nDCG gain exponential, not linear (add --gain exponential)')]);
    expect((await run('eval', ['--collection', 'arcd', '--baseline', baseline({ collection: 'seeds', gain: 'linear' })])).stderr).toContain(
      'collection seeds, not arcd',
    );
    expect((await run('eval', ['--baseline', baseline({})])).stderr).toContain('does not say with which collection and gain it was measured');
    rmSync(dir, { recursive: true, force: true });
  }, 30_000); // three runs of the tool, each reading its lists: over 5 s on a loaded machine

  it('prints its usage and exits 0 when asked for help', async () => {
    const { code, stderr } = await run('ingest', ['--help']);
    expect([code, stderr.startsWith('usage: npm run ingest')]).toEqual([0, true]);
  });
});
