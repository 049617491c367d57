/**
 * The webhook delivery worker as a process of its own (`npm run worker`), for operators who scale delivery apart
 * from the servers (run those with WEBHOOK_WORKER=off). Several may run on one PostgreSQL; with SQLite, run one.
 * SIGTERM or SIGINT finishes the deliveries under way, closes the database and exits 0.
 */
import { DeliveryWorker } from '@members/api';
import { openDatabase } from '@members/db';
import { readConfig } from './config.js';
import { createLogger } from './request-log.js';

const config = readConfig();
const logger = createLogger(config.logLevel);
const db = await openDatabase(config.databaseUrl, { migrate: true, directUrl: config.databaseDirectUrl }).catch(
  (error: unknown) => {
    console.error(`worker: cannot open the database (DATABASE_URL): ${(error as Error).message.split('\n')[0]}`);
    process.exit(1);
  },
);
const worker = new DeliveryWorker(db, {
  ...config.webhooks,
  onError: (error) => logger.error({ err: error }, 'webhook delivery'),
});
worker.start();
console.log(`Webhook worker delivering (${db.dialect})`);

const stop = async (signal: string) => {
  logger.info({ signal }, 'worker stopping');
  await worker.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
