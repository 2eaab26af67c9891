import { execFile } from 'node:child_process';
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

  it('prints its usage and exits 0 when asked for help', async () => {
    const { code, stderr } = await run('ingest', ['--help']);
    expect([code, stderr.startsWith('usage: npm run ingest')]).toEqual([0, true]);
  });
});
