import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their sources (the `source` export condition), so tests need no build. */
const conditions = ['source', 'node', 'development|production'];

export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
