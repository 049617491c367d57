/** The floor (floor.ts) as a process of its own: `node dist/floor-server.js`, DATABASE_URL a PostgreSQL URL or `file:`. */
import type { AddressInfo } from 'node:net';
import { parseDatabaseUrl } from '@members/db';
import { floorApp, openFloorStatements } from './floor.js';
import { childServerConfig } from './config.js';

const location = parseDatabaseUrl(childServerConfig().databaseUrl);
const statements = await openFloorStatements({ postgres: location.dialect === 'postgresql', target: location.target });
const server = floorApp(statements).listen(0, '127.0.0.1', () => {
  console.log(`floor on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => void statements.close()));
