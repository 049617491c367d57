import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`${name}/index.html`, import.meta.url));

/**
 * Two pages, one bundle of shared code: the operator console (`/console`) and the customer portal (`/portal`).
 * Everything is emitted under `/web/` so the server serves it from one directory, with no CDN and no inline script.
 */
export default defineConfig({
  base: '/web/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rollupOptions: { input: { console: page('console'), portal: page('portal') } },
  },
});
