// Prints the plain closing line "N passed, N failed, N skipped" from vitest's JSON report, preceded
// by the contract suite's count per engine (its top-level describe names the engine and version).
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? '.run/test-results.json';
try {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const perEngine = new Map();
  for (const file of report.testResults) {
    if (!file.name.includes('/test/contract/')) continue;
    for (const test of file.assertionResults) {
      const engine = test.ancestorTitles[0] ?? '(no engine)';
      const counts = perEngine.get(engine) ?? { passed: 0, failed: 0, skipped: 0 };
      const outcome = test.status === 'passed' || test.status === 'failed' ? test.status : 'skipped';
      counts[outcome]++;
      perEngine.set(engine, counts);
    }
  }
  for (const [engine, c] of perEngine) console.log(`contract on ${engine}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
} catch (error) {
  console.log(`tests: no report at ${path} (${error.message})`);
}
