import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests beside the code (in src/ and tools/), and suites in test/ that need
// the real engine (started once per run by the global setup). `vitest --project unit` runs without
// an engine.
export default defineConfig({
  test: {
    // The JSON report lets CI print a plain "N passed, N failed" line; CI lists every case, so the
    // log shows which engine and version each contract case ran against.
    reporters: [process.env.CI ? 'verbose' : 'default', 'json'],
    outputFile: { json: '.run/test-results.json' },
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'tools/**/*.test.ts'] } },
      {
        test: {
          name: 'engine',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/engine-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
