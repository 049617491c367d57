import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member, Payment } from '@members/db';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { sync } from '../support/kardow.js';

let server: TestServer;
let tenant: Tenant;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  await tenant.plan({ name: 'Concurrent', stripePriceId: 'price_concurrent' });
});
afterAll(() => server.close());

describe('concurrent syncs', () => {
  it('20 concurrent syncs of one new email create exactly one member: one 201, the rest 200', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sync(server.url, tenant.key, { email: 'race@example.com', customFields: { [`k${i}`]: i } }),
      ),
    );
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(18).fill(200), 201].sort());
    expect(new Set(replies.map((reply) => reply.body.data.member.id)).size).toBe(1);
    expect(
      await server.db.fork().count(Member, { organization: tenant.organizationId, email: 'race@example.com' }),
    ).toBe(1);
    // Every request's custom field landed: the merges ran one after another, none lost.
    const last = await server.db
      .fork()
      .findOneOrFail(Member, { organization: tenant.organizationId, email: 'race@example.com' });
    expect(Object.keys(last.customFields ?? {})).toHaveLength(20);
  });

  it('20 concurrent syncs with one stripePaymentIntentId record one payment and all return it', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sync(server.url, tenant.key, {
          email: `payer-${i % 4}@example.com`,
          access: { stripePriceId: 'price_concurrent' },
          payment: {
            jobId: '66666666-6666-6666-6666-666666666666',
            amount: 10,
            currency: 'USD',
            stripePaymentIntentId: 'pi_race',
          },
        }),
      ),
    );
    expect(replies.every((reply) => reply.status === 200 || reply.status === 201)).toBe(true);
    expect(new Set(replies.map((reply) => reply.body.data.payment?.id)).size).toBe(1);
    expect(
      await server.db.fork().count(Payment, { organization: tenant.organizationId, stripePaymentIntentId: 'pi_race' }),
    ).toBe(1);
  });
});
