import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('health', () => {
  it('runs on the database this run was asked for', () => {
    expect(server.db.dialect).toBe(inject('postgresUrl') ? 'postgresql' : 'sqlite');
  });

  it('/healthz answers while the process is up and /readyz while the database answers', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('/readyz answers 503 once the database is gone', async () => {
    const doomed = await startServer();
    await doomed.db.orm.close(true);
    const reply = await fetch(`${doomed.url}/readyz`);
    expect(reply.status).toBe(503);
    expect(await reply.json()).toEqual({ status: 'database unreachable' });
  });

  it('answers unknown routes with 404 in the Kardow error shape', async () => {
    const reply = await fetch(`${server.url}/nowhere`);
    expect(reply.status).toBe(404);
    expect(await reply.json()).toMatchObject({ error: { code: 'not_found', issues: [] } });
  });
});
