import { IngestInterruptedError, type IngestReport } from '../ingest/ingest-articles.js';
import { readSourceRecords, sourceFiles } from '../ingest/source-records.js';
import { runWithEngine } from './run-with-engine.js';
import { asksForHelp, exitWithUsage } from './usage.js';

// Ingests article files into the index the service reads: npm run ingest -- FILE|FOLDER …
// NDJSON/JSON (gzip too) with id or url, title, text, published, source, category; seed .txt files.
// Uses SEARCH_URL, else the embedded node `npm start` runs, else starts one.
const USAGE = 'npm run ingest -- FILE|FOLDER …   (.ndjson, .jsonl, .json, .txt; .gz too)';
const paths = process.argv.slice(2);
if (asksForHelp(paths)) exitWithUsage(USAGE);
if (paths.length === 0) exitWithUsage(USAGE, 'no file or folder given');
const files = await sourceFiles(paths).catch((error: Error) => exitWithUsage(USAGE, error.message));
const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
await runWithEngine(async ({ service }) => {
  await service.ensureIndex();
  const started = Date.now();
  let bytesRead = 0;
  let lastLine = 0;
  const progress = (report: IngestReport) => {
    const seconds = (Date.now() - started) / 1000;
    const share = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 0;
    const eta = share > 0.01 ? Math.round((seconds / share) * (1 - share)) : undefined;
    const line =
      `${(share * 100).toFixed(0).padStart(3)}%  ${report.read} read, ${(report.read / Math.max(seconds, 0.001)).toFixed(0)}/s` +
      `${eta !== undefined ? `, ETA ${eta}s` : ''}, ${report.rejected.length} rejected`;
    // A bar redrawn in place on a terminal; plain lines, at most one every 5 s, in a log.
    if (process.stderr.isTTY) process.stderr.write(`\r[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${line}   `);
    else if (Date.now() - lastLine >= 5_000) {
      lastLine = Date.now();
      process.stderr.write(`ingest: ${line}\n`);
    }
  };
  try {
    const report = await service.ingest(
      readSourceRecords(files, (bytes) => (bytesRead += bytes)),
      { onProgress: progress },
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `read ${report.read}, indexed ${report.indexed}, updated ${report.updated}, unchanged ${report.unchanged}, ` +
        `duplicates skipped ${report.duplicates}, stories stored twice ${report.repeatedStories}, with teasers cut ${report.withTeasers}, rejected ${report.rejected.length} — ${seconds.toFixed(1)} s, ${(report.read / seconds).toFixed(0)} articles/s`,
    );
    for (const rejected of report.rejected.slice(0, 50)) {
      console.log(`  rejected ${rejected.file}:${rejected.line}${rejected.id ? ` (${rejected.id})` : ''}: ${rejected.reason}`);
    }
    if (report.rejected.length > 50) console.log(`  … and ${report.rejected.length - 50} more`);
    for (const dropped of report.droppedFields.slice(0, 50)) {
      console.log(`  stored without its ${dropped.field} ${dropped.file}:${dropped.line} (${dropped.id}): ${dropped.reason}`);
    }
    if (report.droppedFields.length > 50) console.log(`  … and ${report.droppedFields.length - 50} more stored without a field`);
    return 0;
  } catch (error) {
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!(error instanceof IngestInterruptedError)) throw error;
    const { report, notStoredFrom } = error;
    console.error(
      `ingest interrupted: ${(error.cause as Error).message}\n` +
        `stored before the failure: ${report.indexed} indexed, ${report.updated} updated, ${report.unchanged} unchanged (of ${report.read} read), ${report.rejected.length} rejected\n` +
        `not stored from ${notStoredFrom.file}:${notStoredFrom.line} on; run the same command again to complete it (stored articles are skipped as unchanged)`,
    );
    return 1;
  }
});
