import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      setupFiles: ['test/support/conformance-setup.ts'],
      globalSetup: ['test/support/official-documents-setup.ts'],
      // Two files at a time, one per core. Four were tried (the tests mostly wait on servers, receivers and killed
      // processes): the run was a minute shorter, but a 100,000-row import and a 1,234-customer export then missed
      // their deadlines on a loaded machine, and a test that fails one run in twenty is a broken test.
      maxWorkers: 2,
      // A worker keeps its modules from one file to the next: loading the server's graph (MikroORM, Express, the
      // SDKs) anew for each of the 47 files took three minutes of the run. The files share no module state that
      // matters: each starts its own servers on its own database or organization.
      isolate: false,
    },
  }),
);
