/** Everything the server reads from its environment, checked once at start; a bad value names its variable. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL without a transaction pooler, for migrations and LISTEN, when DATABASE_URL is a pooled one. */
  databaseDirectUrl: string | undefined;
  /** Shares rate limits between server processes when set. */
  redisUrl: string | undefined;
  /** Largest accepted request body in bytes, on every surface. */
  bodyLimitBytes: number;
  /** Requests per second per API key, sustained; 0 turns the limits off. */
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** Requests per second per client address without a valid key. */
  anonymousRateLimitPerSecond: number;
  anonymousRateLimitBurst: number;
  logLevel: string;
  /** Origins allowed to call from a browser; none means no CORS headers at all. */
  corsOrigins: string[];
  /** Whether spans are exported (OTEL_EXPORTER_OTLP_ENDPOINT is set). */
  tracing: boolean;
  /** When set, `/metrics` asks for it as a bearer token. */
  metricsToken: string | undefined;
  /** Where callers reach the server (behind a proxy): the customer portal links start here. */
  publicUrl: string | undefined;
  /** Whether this process delivers webhooks (`npm run worker` is the other way). */
  webhookWorker: boolean;
  webhooks: { pollMs: number; timeoutMs: number; retryBaseMs: number; perEndpoint: number; leaseMs: number };
  /** Finished deliveries, their attempts and their events are deleted once this many days old. */
  webhookRetentionDays: number;
  eventRetentionDays: number;
  auditRetentionDays: number;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function directUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.DATABASE_DIRECT_URL || undefined;
  if (url === undefined) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url) || !/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? '')) {
    throw new ConfigError('DATABASE_DIRECT_URL is for PostgreSQL: set it, and DATABASE_URL, to postgres:// URLs');
  }
  return url;
}

/** The database settings, which the admin CLI reads alone: it starts no server. */
export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env) {
  return { databaseUrl: env.DATABASE_URL, databaseDirectUrl: directUrl(env) };
}

/** Days of webhook history to keep: WEBHOOK_RETENTION_DAYS, or the admin CLI's `--days` when given. */
export function retentionDays(days?: string, env: NodeJS.ProcessEnv = process.env): number {
  return days === undefined
    ? integer(env, 'WEBHOOK_RETENTION_DAYS', 30, 1, 3650)
    : integer({ '--days': days }, '--days', 30, 1, 3650);
}

/** Days the event log keeps an event no delivery still needs (`events.list`, `events.stream` resume within them). */
export const eventRetentionDays = (env: NodeJS.ProcessEnv = process.env) =>
  integer(env, 'EVENT_RETENTION_DAYS', 30, 1, 3650);

/** Days the audit trail keeps an entry (`audit.list`, `GET /audit`): long past any erasure, holding no values. */
export const auditRetentionDays = (env: NodeJS.ProcessEnv = process.env) =>
  integer(env, 'AUDIT_RETENTION_DAYS', 365, 1, 3650);

/**
 * Whether spans are exported, and under which service name: read before anything else is loaded, since tracing must
 * start before the modules it instruments. The SDK reads the other OTEL_* variables itself.
 */
export function readTracingConfig(env: NodeJS.ProcessEnv = process.env) {
  return { enabled: Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT), serviceName: env.OTEL_SERVICE_NAME || 'members' };
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = env.LOG_LEVEL || 'info';
  if (!logLevels.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    ...readDatabaseConfig(env),
    redisUrl: env.REDIS_URL || undefined,
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1),
    rateLimitPerSecond: integer(env, 'RATE_LIMIT_PER_SECOND', 100),
    rateLimitBurst: integer(env, 'RATE_LIMIT_BURST', 200, 1),
    anonymousRateLimitPerSecond: integer(env, 'RATE_LIMIT_ANONYMOUS_PER_SECOND', 5, 1),
    anonymousRateLimitBurst: integer(env, 'RATE_LIMIT_ANONYMOUS_BURST', 20, 1),
    logLevel,
    webhookWorker: env.WEBHOOK_WORKER !== 'off',
    webhookRetentionDays: retentionDays(undefined, env),
    eventRetentionDays: eventRetentionDays(env),
    auditRetentionDays: auditRetentionDays(env),
    webhooks: {
      pollMs: integer(env, 'WEBHOOK_POLL_MS', 250, 10),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100),
      retryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 10_000, 10),
      perEndpoint: integer(env, 'WEBHOOK_CONCURRENCY_PER_ENDPOINT', 16, 1, 256),
      leaseMs: integer(env, 'WEBHOOK_LEASE_MS', 10_000, 1_000),
    },
    metricsToken: env.METRICS_TOKEN || undefined,
    publicUrl: publicUrlOf(env.PUBLIC_URL),
    tracing: readTracingConfig(env).enabled,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  };
}

function publicUrlOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new ConfigError(`PUBLIC_URL must be an http or https URL, not ${JSON.stringify(value)}`);
  }
  return value;
}

/** A token-bucket style setting as a window: `burst` requests per the time `perSecond` takes to refill them. */
export const windowOf = (perSecond: number, burst: number) => ({
  points: burst,
  windowSeconds: Math.max(1, Math.round(burst / perSecond)),
});
