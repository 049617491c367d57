import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      setupFiles: ['test/support/conformance-setup.ts'],
      // These tests mostly wait (on servers they start, receivers, databases, killed processes), not compute: four
      // files at a time on two cores took the SQLite run from about 220 s to 156 s, the PostgreSQL run from 237 s
      // to 191 s. Their deadlines are waits for events with generous bounds, never fixed sleeps.
      maxWorkers: 4,
    },
  }),
);
