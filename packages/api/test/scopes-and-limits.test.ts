import { describe, expect, it } from 'vitest';
import { grants } from '@members/contracts';
import { RateLimits } from '../src/auth/rate-limits.js';
import { DomainError } from '../src/errors.js';

describe('grants', () => {
  it('lets a write scope read, and admin do everything', () => {
    expect(grants(['members:write'], 'members:read')).toBe(true);
    expect(grants(['members:read'], 'members:write')).toBe(false);
    expect(grants(['customers:write'], 'members:read')).toBe(false);
    expect(grants(['admin'], 'customers:write')).toBe(true);
    expect(grants([], 'members:read')).toBe(false);
  });
});

describe('RateLimits (in memory)', () => {
  const limits = () =>
    new RateLimits({ key: { points: 3, windowSeconds: 2 }, address: { points: 1, windowSeconds: 60 } });

  it("allows the window's points, then refuses with the seconds to wait", async () => {
    const rate = limits();
    expect(await rate.charge('key', 'k', 2)).toMatchObject({ limit: 3, remaining: 1, windowSeconds: 2 });
    expect(await rate.charge('key', 'k')).toMatchObject({ remaining: 0 });
    const refusal = await rate.charge('key', 'k').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'rate_limited', retryAfter: expect.any(Number) as unknown });
    expect((refusal as DomainError).retryAfter).toBeLessThanOrEqual(2);
  });

  it('keeps each key and each address apart, and tells an exhausted one without charging it', async () => {
    const rate = limits();
    await rate.charge('address', '10.0.0.1');
    expect(await rate.exhausted('address', '10.0.0.1')).toMatchObject({ remaining: 0 });
    expect(await rate.exhausted('address', '10.0.0.2')).toBeNull();
    expect(await rate.charge('key', '10.0.0.1')).toMatchObject({ remaining: 2 });
  });
});
