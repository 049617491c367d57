import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '../errors.js';
import { rateLimitRefusals } from '../metrics.js';

/** `points` requests per window of `windowSeconds`. */
export interface RateLimitPolicy {
  points: number;
  windowSeconds: number;
}

/** What the standard RateLimit headers tell the caller after a charge. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
  windowSeconds: number;
}

type Bucket = 'key' | 'address';

/**
 * The limits on callers: per API key, and per client address for requests without a valid key (so a flood of
 * wrong keys is refused before it costs lookups). With Redis every server process shares them; without, each process
 * keeps its own. If Redis fails, a process falls back to its own memory rather than refusing everyone.
 */
export class RateLimits {
  private readonly limiters: Record<Bucket, RateLimiterAbstract>;
  /** Hashes of keys seen valid lately (oldest first), which an address's limit does not hold back. */
  private readonly vouched = new Map<string, number>();

  constructor(
    private readonly policies: Record<Bucket, RateLimitPolicy>,
    redis?: Redis,
  ) {
    const limiter = (bucket: Bucket) => {
      const options = {
        keyPrefix: `members:rate:${bucket}`,
        points: policies[bucket].points,
        duration: policies[bucket].windowSeconds,
      };
      const memory = new RateLimiterMemory(options);
      return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
    };
    this.limiters = { key: limiter('key'), address: limiter('address') };
  }

  /** Whether `id` has no request left in this window (without charging it). */
  async exhausted(bucket: Bucket, id: string): Promise<RateLimitState | null> {
    const current = await this.limiters[bucket].get(id);
    return current && current.remainingPoints <= 0 ? this.state(bucket, current) : null;
  }

  /** Remembers that a key (by its hash) was valid, for ten minutes, among the last 10,000 such keys. */
  vouch(keyHash: string, now = Date.now()): void {
    this.vouched.delete(keyHash);
    this.vouched.set(keyHash, now + 10 * 60 * 1000);
    if (this.vouched.size > 10_000) this.vouched.delete(this.vouched.keys().next().value ?? '');
  }

  isVouched(keyHash: string, now = Date.now()): boolean {
    return (this.vouched.get(keyHash) ?? 0) > now;
  }

  /** Charges `points`; the state afterwards, or `rate_limited` with the seconds to wait. */
  async charge(bucket: Bucket, id: string, points = 1): Promise<RateLimitState> {
    try {
      return this.state(bucket, await this.limiters[bucket].consume(id, points));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw limited(this.state(bucket, refusal), bucket);
    }
  }

  private state(bucket: Bucket, res: RateLimiterRes): RateLimitState {
    const { points, windowSeconds } = this.policies[bucket];
    return {
      limit: points,
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      windowSeconds,
    };
  }
}

/** The 429 for a caller over `bucket`'s limit, counted in the metrics. */
export function limited(state: RateLimitState, bucket: Bucket): DomainError {
  rateLimitRefusals.inc({ limit: bucket });
  return new DomainError('rate_limited', `Too many requests; retry in ${state.resetSeconds}s`, {
    retryAfter: state.resetSeconds,
  });
}
