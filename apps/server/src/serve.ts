/**
 * The server, as `main.ts` starts it. Start-up failures print one line naming the setting at fault and exit 1; SIGTERM
 * or SIGINT stops taking connections, lets requests in flight finish, closes the database, sends the last spans, exits 0.
 */
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import {
  bootstrapFirstOrganization,
  countCustomersSharingEmails,
  DeliveryWorker,
  forgetLapsed,
  pruneWebhooks,
  RateLimits,
} from '@members/api';
import { openDatabase, type Database } from '@members/db';
import { dropEventStreams } from '@members/trpc';
import { createApp } from './app.js';
import { ConfigError, readConfig, windowOf, type ServerConfig } from './config.js';
import { createLogger } from './request-log.js';

/** One line on stderr and exit 1: what an operator reads when the server cannot start. */
function fail(message: string): never {
  console.error(`members: ${message.replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
/** A URL as it may be printed: without its password. */
const shown = (url: string) => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

let config: ServerConfig;
try {
  config = readConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : firstLine(error));
}
const logger = createLogger(config.logLevel);

let db: Database;
try {
  db = await openDatabase(config.databaseUrl, { migrate: true, directUrl: config.databaseDirectUrl });
} catch (error) {
  const where = config.databaseUrl ? `DATABASE_URL=${shown(config.databaseUrl)}` : 'the default SQLite file';
  fail(`cannot open the database at ${where}: ${firstLine(error)}`);
}
if (db.appliedMigrations.length > 0) console.log(`Applied migrations: ${db.appliedMigrations.join(', ')}`);

let redis: Redis | undefined;
if (config.redisUrl) {
  redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // Once connected, a lost Redis is survived (each process falls back to its own limits) and reconnected.
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis unavailable: rate limits are per process'));
  await redis
    .connect()
    .catch((error: unknown) => fail(`cannot reach REDIS_URL=${shown(config.redisUrl ?? '')}: ${firstLine(error)}`));
}

const first = await bootstrapFirstOrganization(db);
if (first) {
  // Shown once: only the key's hash is stored.
  console.log(`Created organization ${first.organization.id} ("${first.organization.name}").`);
  console.log(`Its API key (shown only now): ${first.apiKey.key}`);
  console.log(
    `The key's id, to revoke or rotate it (npm run --silent admin -- key rotate --id ID): ${first.apiKey.id}`,
  );
}

// Kept by the migration that made customer emails unique, rather than changed or refused: said at every start
// until an operator resolves them.
const sharingEmails = await countCustomersSharingEmails(db);
if (sharingEmails > 0) {
  console.warn(
    `${sharingEmails === 1 ? '1 customer shares' : `${sharingEmails} customers share`} an email with an older customer of their organization (kept from before customer emails were unique); list them with: npm run --silent admin -- customer duplicates`,
  );
}

const limits =
  config.rateLimitPerSecond > 0
    ? new RateLimits(
        {
          key: windowOf(config.rateLimitPerSecond, config.rateLimitBurst),
          address: windowOf(config.anonymousRateLimitPerSecond, config.anonymousRateLimitBurst),
        },
        redis,
      )
    : null;
const app = createApp({
  db,
  bodyLimitBytes: config.bodyLimitBytes,
  limits,
  logger,
  corsOrigins: config.corsOrigins,
  metricsToken: config.metricsToken,
  publicUrl: config.publicUrl,
});
const server = createServer(app);
server.on('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? 'the port is in use' : firstLine(error);
  fail(`cannot listen on ${config.host}:${config.port} (PORT, HOST): ${reason}`);
});
// On PostgreSQL the worker has connections of its own: waiting in line behind a burst of requests for the request
// pool, delivery fell behind the writes it was to keep up with. SQLite's one connection is shared, as it must be.
const deliveryDb =
  config.webhookWorker && db.dialect === 'postgresql'
    ? await openDatabase(config.databaseUrl, { poolSize: 3, directUrl: config.databaseDirectUrl }).catch(
        (error: unknown) => fail(`cannot open the database for webhook delivery: ${firstLine(error)}`),
      )
    : db;
const worker = config.webhookWorker
  ? new DeliveryWorker(deliveryDb, {
      ...config.webhooks,
      onError: (error) => logger.error({ err: error }, 'webhook delivery'),
    })
  : null;
/**
 * Lapsed idempotency keys and customer sessions, and webhook rows past their retention, forgotten at start and every
 * ten minutes.
 */
const housekeepingMs = 10 * 60_000;
const forget = async () => {
  await forgetLapsed(db).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not forget lapsed keys and sessions'),
  );
  await pruneWebhooks(db, config.webhookRetentionDays, {
    eventRetentionDays: config.eventRetentionDays,
    auditRetentionDays: config.auditRetentionDays,
  }).then(
    (pruned) =>
      pruned.deliveries + pruned.events + pruned.auditEntries > 0 && logger.info({ pruned }, 'webhook retention'),
    (error: unknown) => logger.warn({ err: error }, 'could not prune webhook deliveries'),
  );
};
const housekeeping = setInterval(() => void forget(), housekeepingMs);
housekeeping.unref();
void forget();
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  worker?.start();
  console.log(`Members service on http://${config.host}:${port} (${db.dialect})`);
  const local = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`Console: http://${local}:${port}/console`);
});

let stopping = false;
/** Stop taking connections, close idle ones, let requests in flight finish, then close the database. */
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  app.locals.stopping = true;
  clearInterval(housekeeping);
  const delivering = worker?.stop();
  // Event streams never finish by themselves: their connections drop now, and clients resume by their last id.
  dropEventStreams();
  server.close(() => {
    void Promise.all([delivering, redis?.quit()])
      .then(() => Promise.all([db.close(), deliveryDb === db ? undefined : deliveryDb.close()]))
      .then(() => (config.tracing ? import('./tracing.js').then(({ stopTracing }) => stopTracing()) : undefined))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error while closing');
          process.exit(1);
        },
      );
  });
  server.closeIdleConnections();
  // A request that never ends must not keep the process alive forever.
  setTimeout(() => {
    logger.error('requests still running 30 s after the signal: exiting');
    process.exit(1);
  }, 30_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
