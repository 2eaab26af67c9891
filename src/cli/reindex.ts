import { join } from 'node:path';
import { readSourceRecords, sourceFiles } from '../ingest/source-records.js';
import { PROJECT_ROOT } from '../project-root.js';
import { runWithEngine } from './run-with-engine.js';
import { asksForHelp, exitWithUsage } from './usage.js';

// Full rebuild: npm run reindex [-- FILE|FOLDER …] (default: seeds/). A new index version is built
// from the sources while the current one keeps answering; then the alias moves in one step.
const USAGE = 'npm run reindex [-- FILE|FOLDER …]   (default: seeds/)';
const paths = process.argv.slice(2);
if (asksForHelp(paths)) exitWithUsage(USAGE);
const files = await sourceFiles(paths.length > 0 ? paths : [join(PROJECT_ROOT, 'seeds')]).catch((error: Error) => exitWithUsage(USAGE, error.message));
await runWithEngine(async ({ service }) => {
  const started = Date.now();
  try {
    const report = await service.rebuild(readSourceRecords(files), {
      onProgress: (r) => process.stderr.write(process.stderr.isTTY ? `\rrebuilding: ${r.read} read, ${r.rejected.length} rejected   ` : ''),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(
      `${service.alias} now serves ${report.index} (was ${report.previous.join(', ') || 'nothing'}; removed ${report.removed.join(', ') || 'none'}): ` +
        `read ${report.read}, indexed ${report.indexed}, duplicates ${report.duplicates}, stories stored twice ${report.repeatedStories}, with teasers cut ${report.withTeasers}, rejected ${report.rejected.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const rejected of report.rejected.slice(0, 20)) console.log(`  rejected ${rejected.file}:${rejected.line}: ${rejected.reason}`);
    return 0;
  } catch (error) {
    console.error(`reindex failed, the alias is unchanged: ${(error as Error).message}`);
    return 1;
  }
});
