import { describe, expect, it } from 'vitest';
import { grants } from '../src/auth/scopes.js';
import { RateLimiter } from '../src/auth/rate-limiter.js';

describe('grants', () => {
  it('lets a write scope read, and admin do everything', () => {
    expect(grants(['members:write'], 'members:read')).toBe(true);
    expect(grants(['members:read'], 'members:write')).toBe(false);
    expect(grants(['customers:write'], 'members:read')).toBe(false);
    expect(grants(['admin'], 'customers:write')).toBe(true);
    expect(grants([], 'members:read')).toBe(false);
  });
});

describe('RateLimiter', () => {
  it('allows the burst, then asks to wait, then refills at the rate', () => {
    const limiter = new RateLimiter(2, 3);
    const t0 = 1_000_000;
    expect([limiter.take('k', t0), limiter.take('k', t0), limiter.take('k', t0)]).toEqual([0, 0, 0]);
    expect(limiter.take('k', t0)).toBe(1);
    expect(limiter.take('k', t0 + 500)).toBe(0);
    expect(limiter.take('k', t0 + 500)).toBe(1);
  });

  it('keeps one bucket per key', () => {
    const limiter = new RateLimiter(1, 1);
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('b', 0)).toBe(0);
  });
});
