import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      globalSetup: ['../../vitest.database-setup.ts'],
      setupFiles: ['test/support/conformance-setup.ts'],
      // Test receivers listen on loopback, which the service refuses as a webhook target unless told otherwise.
      env: { WEBHOOK_ALLOW_PRIVATE: '1' },
    },
  }),
);
