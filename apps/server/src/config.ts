/** Everything the server reads from its environment, checked once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Largest accepted request body in bytes, on every surface. */
  bodyLimitBytes: number;
  /** Requests per second per API key, sustained; 0 turns the limit off. */
  rateLimitPerSecond: number;
  rateLimitBurst: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min} (got "${raw}")`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL,
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1),
    rateLimitPerSecond: integer(env, 'RATE_LIMIT_PER_SECOND', 100),
    rateLimitBurst: integer(env, 'RATE_LIMIT_BURST', 200, 1),
  };
}
