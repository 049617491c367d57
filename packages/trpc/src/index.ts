export { mountTrpc } from './mount.js';
export { appRouter, type AppRouter } from './router.js';
export { trpcErrorShape, type TrpcErrorShape } from './error-shape.js';
