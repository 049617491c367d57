import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      globalSetup: ['../../vitest.database-setup.ts'],
      // Webhook targets in these tests are on loopback, which the service refuses unless told otherwise.
      env: { WEBHOOK_ALLOW_PRIVATE: '1' },
    },
  }),
);
