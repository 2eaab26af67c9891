import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root.js';

describe('the generated regions', () => {
  // regions.json is made from the hand file: an edit made to it directly is lost at the next build.
  it('are what npm run build:regions makes of taxonomy/sources/regions-hand.json and the hand lists', async () => {
    const run = promisify(execFile)('npx', ['tsx', 'tools/taxonomy/build-regions.ts', '--check'], { cwd: PROJECT_ROOT, timeout: 60_000 });
    await expect(run).resolves.toBeDefined();
  }, 60_000);
});
