export { dropEventStreams, mountTrpc } from './mount.js';
export { appRouter, type AppRouter } from './router.js';
export * from './reference.js';
