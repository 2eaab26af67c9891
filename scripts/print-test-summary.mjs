// Prints the plain closing line "N passed, N failed, N skipped" from vitest's JSON report.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? '.run/test-results.json';
try {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
} catch (error) {
  console.log(`tests: no report at ${path} (${error.message})`);
}
