import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { MeasuredSequencer } from './vitest.sequencer.js';

/** Workspace packages resolve to their sources (the `source` export condition), so tests need no build. */
const conditions = ['source', 'node', 'development|production'];

/**
 * Each package's results also go to `.test-results/` at the root, where `npm test` (scripts/test.mjs) adds them up
 * into the run's closing line.
 */
const resultsFile = fileURLToPath(new URL(`./.test-results/${path.basename(process.cwd())}.json`, import.meta.url));

export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    reporters: ['default', ['json', { outputFile: resultsFile }]],
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Longest files first, by their measured time, where a package keeps one (test/durations.json).
    sequence: { sequencer: MeasuredSequencer },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One PostgreSQL database for the run when DATABASE_URL names a server; SQLite files otherwise.
    globalSetup: [fileURLToPath(new URL('./vitest.database-setup.ts', import.meta.url))],
    // Test webhook receivers listen on loopback, which the service refuses as a target unless told otherwise.
    env: { WEBHOOK_ALLOW_PRIVATE: '1' },
  },
});

/** For packages whose tests touch no database (contracts, rest, openapi): no run database to make, seconds to run. */
export const unitConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    reporters: ['default', ['json', { outputFile: resultsFile }]],
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
