import { bootstrapFirstOrganization } from '@members/api';
import { openDatabase } from '@members/db';
import { createApp } from './app.js';
import { readConfig } from './config.js';

const config = readConfig();
const db = await openDatabase(config.databaseUrl, { migrate: true });
if (db.appliedMigrations.length > 0) console.log(`Applied migrations: ${db.appliedMigrations.join(', ')}`);

const first = await bootstrapFirstOrganization(db.fork());
if (first) {
  // Shown once: only the key's hash is stored.
  console.log(`Created organization ${first.organization.id} ("${first.organization.name}").`);
  console.log(`Its API key (shown only now): ${first.apiKey.key}`);
}

const app = createApp({
  db,
  bodyLimitBytes: config.bodyLimitBytes,
  rateLimit: { perSecond: config.rateLimitPerSecond, burst: config.rateLimitBurst },
});
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Members service on http://${config.host}:${port} (${db.dialect})`);
});
server.on('error', (error) => {
  console.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

/** Stop taking connections, let requests in flight finish, then close the database. */
function shutdown(signal: string) {
  console.log(`${signal}: shutting down`);
  server.close(() => {
    void db.close().then(() => process.exit(0));
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
