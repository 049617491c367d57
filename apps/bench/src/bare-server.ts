/** The bench's bare-SQL baseline as a process of its own: `node dist/bench/bare-server.js`, DATABASE_URL as the server's. */
import type { AddressInfo } from 'node:net';
import { bareApp, bareDatabase } from './bare-sql.js';
import { childServerConfig } from './config.js';

const { databaseUrl, port } = childServerConfig();
const { db, postgres } = bareDatabase(databaseUrl);
const server = bareApp(db, postgres).listen(port, '127.0.0.1', () => {
  console.log(`bare SQL on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => void db.destroy()));
