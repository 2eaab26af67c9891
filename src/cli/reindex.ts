import { join } from 'node:path';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { loadConfig } from '../config.js';
import { loadIndexDefinition } from '../index/index-definition.js';
import { rebuildIndex } from '../index/rebuild-index.js';
import { readSourceRecords, sourceFiles } from '../ingest/source-records.js';
import { createLogger } from '../logger.js';
import { PROJECT_ROOT } from '../project-root.js';
import { provideEngine } from '../provide-engine.js';

// Full rebuild: npm run reindex [-- FILE|FOLDER …] (default: seeds/). A new index version is built
// from the sources while the current one keeps answering; then the alias moves in one step.
const paths = process.argv.slice(2);
const files = await sourceFiles(paths.length > 0 ? paths : [join(PROJECT_ROOT, 'seeds')]);
const config = loadConfig();
const provided = await provideEngine(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
let exitCode = 0;
try {
  const started = Date.now();
  const report = await rebuildIndex(
    provided.engine,
    config.indexAlias,
    loadIndexDefinition(PROJECT_ROOT),
    loadTaxonomy(PROJECT_ROOT),
    readSourceRecords(files),
    { onProgress: (r) => process.stderr.write(`\rrebuilding: ${r.read} read, ${r.rejected.length} rejected   `) },
  );
  process.stderr.write('\n');
  console.log(
    `${config.indexAlias} now serves ${report.index} (was ${report.previous.join(', ') || 'nothing'}; removed ${report.removed.join(', ') || 'none'}): ` +
      `read ${report.read}, indexed ${report.indexed}, duplicates ${report.duplicates}, rejected ${report.rejected.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const rejected of report.rejected.slice(0, 20)) console.log(`  rejected ${rejected.file}:${rejected.line}: ${rejected.reason}`);
} catch (error) {
  console.error(`reindex failed, the alias is unchanged: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await provided.release();
}
process.exit(exitCode);
