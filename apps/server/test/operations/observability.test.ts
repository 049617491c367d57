import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@members/db';
import { request } from '../support/http.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTenant, testDatabaseUrl, type Tenant } from '../support/server.js';
import { closeAfterAll } from '../support/teardown.js';

/** Debian's prometheus, which .ci/run installs. Without it the test is skipped, except in CI, where it must run. */
const prometheusBinary = process.env.PROMETHEUS_PATH ?? '/usr/bin/prometheus';
const prometheusRuns = existsSync(prometheusBinary) || process.env.CI === 'true';

let databaseUrl: string;
let db: Database;
let tenant: Tenant;

const onClose = closeAfterAll();
beforeAll(async () => {
  databaseUrl = testDatabaseUrl();
  db = await openDatabase(databaseUrl, { migrate: true });
  onClose(db, (d) => d.close());
  tenant = await createTenant(db);
}, 60_000);

/** Polls `read` until it answers something, or fails after `timeoutMs`. */
async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('/metrics', () => {
  let server: ServerProcess;
  const onClose = closeAfterAll();
  beforeAll(async () => {
    server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      METRICS_TOKEN: 'scrape-token',
      LOG_LEVEL: 'silent',
    });
    onClose(server, (s) => s.stop());
  }, 60_000);

  it('asks for its token, then serves request durations by route template, the pool and the webhook backlog', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await request(`${server.url}/members/metrics@example.com`, { key: tenant.key })).status).toBe(404);
    const scraped = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer scrape-token' } });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain');
    const text = await scraped.text();
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/members/{lookup}",status="404"} 1',
    );
    expect(text).not.toContain('metrics@example.com');
    expect(text).toMatch(/^db_pool_connections\{state="used"\} \d+$/m);
    expect(text).toMatch(/^webhook_deliveries_pending\{surface="kardow"\} \d+$/m);
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});

describe.skipIf(!prometheusRuns)('a real Prometheus', () => {
  let server: ServerProcess;
  let prometheus: ChildProcess;
  let dataDir: string;
  let prometheusUrl: string;

  const onClose = closeAfterAll();
  beforeAll(async () => {
    server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      METRICS_TOKEN: 'scrape-token',
      LOG_LEVEL: 'silent',
    });
    onClose(server, (s) => s.stop());
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'members-prometheus-'));
    onClose(dataDir, (d) => rmSync(d, { recursive: true, force: true }));
    const target = new URL(server.url).host;
    writeFileSync(
      path.join(dataDir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        'scrape_configs:',
        '  - job_name: members',
        '    authorization: { credentials: scrape-token }',
        `    static_configs: [{ targets: ['${target}'] }]`,
      ].join('\n'),
    );
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      prometheusBinary,
      [
        `--config.file=${path.join(dataDir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dataDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
    onClose(prometheus, async (p) => {
      if (p.exitCode !== null) return;
      const exited = new Promise((resolve) => p.once('exit', resolve));
      p.kill('SIGTERM');
      await exited;
    });
  }, 60_000);

  it('scrapes the server, and its HTTP API answers the request count by route', async () => {
    for (let i = 0; i < 3; i++) {
      const reply = await request(`${server.url}/members/sync`, {
        key: tenant.key,
        body: { email: `scraped-${i}@example.com` },
      });
      expect(reply.status).toBe(201);
    }
    const query = encodeURIComponent('sum(http_request_duration_seconds_count{route="/members/sync",method="POST"})');
    const value = await eventually(async () => {
      const answer = (await (await fetch(`${prometheusUrl}/api/v1/query?query=${query}`)).json()) as {
        data: { result: { value: [number, string] }[] };
      };
      const count = Number(answer.data.result[0]?.value[1] ?? 0);
      return count >= 3 ? count : undefined;
    }, 'Prometheus to scrape three syncs');
    expect(value).toBe(3);
  }, 60_000);
});

describe('OpenTelemetry traces', () => {
  let server: ServerProcess;
  let collector: Server;
  const spans: { name: string; traceId: string; attributes: Record<string, unknown> }[] = [];

  const onClose = closeAfterAll();
  beforeAll(async () => {
    // An OTLP/HTTP receiver of our own: the exporter posts JSON to /v1/traces.
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.url === '/v1/traces') spans.push(...spansOf(body));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    onClose(collector, (c) => {
      c.closeAllConnections();
      return new Promise((resolve) => c.close(resolve));
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'silent',
    });
    onClose(server, (s) => s.stop());
  }, 60_000);

  it('exports the spans of one sync: the request with its request id, its route, its procedure and its queries', async () => {
    const reply = await fetch(`${server.url}/members/sync`, {
      method: 'POST',
      headers: { 'x-api-key': tenant.key, 'content-type': 'application/json', 'x-request-id': 'trace-otel-sync' },
      body: JSON.stringify({ email: 'traced@example.com' }),
    });
    expect(reply.status).toBe(201);
    const requestSpan = await eventually(
      () => Promise.resolve(spans.find((span) => span.attributes['request.id'] === 'trace-otel-sync')),
      'the request’s span',
    );
    expect(requestSpan.attributes['http.route'] ?? requestSpan.name).toContain('/members/sync');
    const sameTrace = await eventually(() => {
      const found = spans.filter((span) => span.traceId === requestSpan.traceId);
      return Promise.resolve(found.some((span) => span.name === 'procedure members.sync') ? found : undefined);
    }, 'the procedure’s span');
    if ((process.env.DATABASE_URL ?? '').startsWith('postgres')) {
      // The sync is one statement, its event logged in it: `with upserted as (insert …) insert into webhook_event …`.
      expect(sameTrace.some((span) => span.name.startsWith('pg.query:WITH'))).toBe(true);
      // The delivery worker polled several times while the server was up; its claims (also WITH) are not traced.
      const untraced = spans.filter(
        (span) => span.name.startsWith('pg.query:WITH') && span.traceId !== requestSpan.traceId,
      );
      expect(untraced).toEqual([]);
    }
  });
});

/** Spans from an OTLP/HTTP JSON export, with their attributes as plain values. */
function spansOf(body: string) {
  interface Attribute {
    key: string;
    value: Record<string, unknown>;
  }
  const exported = JSON.parse(body) as {
    resourceSpans?: { scopeSpans?: { spans?: { name: string; traceId: string; attributes?: Attribute[] }[] }[] }[];
  };
  return (exported.resourceSpans ?? []).flatMap((resource) =>
    (resource.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        name: span.name,
        traceId: span.traceId,
        attributes: Object.fromEntries((span.attributes ?? []).map(({ key, value }) => [key, Object.values(value)[0]])),
      })),
    ),
  );
}
