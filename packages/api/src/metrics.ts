import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { surfaceName } from '@members/contracts';
import { rawQuery, type Database } from '@members/db';

/**
 * The process's Prometheus metrics, served at `/metrics`. Instruments are made once per process (a registry refuses
 * a name twice); what reads the database (the webhook backlog, the pool) is read when Prometheus scrapes, not before.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from a request arriving to its response finishing, by method, route template and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const deliveryAttempts = new Counter({
  name: 'webhook_delivery_attempts_total',
  help: 'Webhook delivery attempts by surface and outcome: succeeded, retrying (failed, to be tried again) or failed (given up).',
  labelNames: ['surface', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const deliveryLag = new Histogram({
  name: 'webhook_delivery_lag_seconds',
  help: 'From the change that wrote an event to its receiver answering a successful delivery.',
  labelNames: ['surface'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
  registers: [metricsRegistry],
});

export const deliveriesInFlight = new Gauge({
  name: 'webhook_deliveries_in_flight',
  help: 'Deliveries this process is sending now.',
  registers: [metricsRegistry],
});

export const rateLimitRefusals = new Counter({
  name: 'rate_limit_refusals_total',
  help: 'Requests refused with 429, by limit: per API key or per client address.',
  labelNames: ['limit'] as const,
  registers: [metricsRegistry],
});

export const idempotentReplays = new Counter({
  name: 'idempotent_replays_total',
  help: 'Requests answered from a stored Idempotency-Key response instead of running again.',
  registers: [metricsRegistry],
});

export const erasures = new Counter({
  name: 'erasures_total',
  help: "People erased, by surface: Kardow's delete_member, Polar's customer delete with anonymize=true.",
  labelNames: ['surface'] as const,
  registers: [metricsRegistry],
});

export const webhookRowsPruned = new Counter({
  name: 'webhook_rows_pruned_total',
  help: 'Webhook rows deleted by retention (WEBHOOK_RETENTION_DAYS), by table.',
  labelNames: ['table'] as const,
  registers: [metricsRegistry],
});

export const eventStreamsOpen = new Gauge({
  name: 'event_streams_open',
  help: 'Subscriptions to events.stream this process serves now.',
  registers: [metricsRegistry],
});

export const eventStreamsDropped = new Counter({
  name: 'event_streams_dropped_total',
  help: 'Subscriptions to events.stream dropped because their client stopped reading (it may resume from its last id).',
  registers: [metricsRegistry],
});

/** The database the scrape-time gauges read: the one the process serves (set by the app that serves it). */
let watched: Database | undefined;
export const watchDatabase = (db: Database) => {
  watched = db;
};

new Gauge({
  name: 'db_pool_connections',
  help: 'Database connections by state: in use, idle, and requests waiting for one.',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    if (!watched) return;
    const { used, free, waiting } = watched.poolStats();
    this.set({ state: 'used' }, used);
    this.set({ state: 'free' }, free);
    this.set({ state: 'waiting' }, waiting);
  },
});

new Gauge({
  name: 'webhook_deliveries_pending',
  help: 'Webhook deliveries not yet succeeded or given up on (the backlog), by surface.',
  labelNames: ['surface'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!watched) return;
    // A database that is away leaves the gauge as it was; the scrape still answers.
    const rows = await rawQuery<{ surface: string; pending: number | string }>(
      watched.fork(),
      `select e.surface, count(*) as pending from webhook_delivery d join webhook_event e on e.id = d.event_id
        where d.status = 'pending' group by e.surface`,
      [],
    ).catch(() => null);
    if (!rows) return;
    this.reset();
    for (const surface of surfaceName.options) {
      this.set({ surface }, Number(rows.find((row) => row.surface === surface)?.pending ?? 0));
    }
  },
});
