import { describe, expect, it } from 'vitest';
import { CustomerMember, CustomerSession, IdempotencyKey } from '@members/db';
import { principalForSessionToken } from '../src/auth/member-sessions.js';
import { createCustomerSession } from '../src/customer-portal/customer-sessions.js';
import { createCustomer } from '../src/customers/customers.js';
import { forgetLapsed } from '../src/housekeeping.js';
import { IdempotencyStore } from '../src/idempotency/idempotency-store.js';
import { refusalOf, serviceTestSetup } from './support/scope.js';

const setup = serviceTestSetup();

describe('customer sessions', () => {
  it("sign in an individual's owner by default, a team's named member, for an hour; refused once lapsed", async () => {
    const scope = await setup.scope();
    const solo = await createCustomer(scope, { email: 'me@sessions.example', type: 'individual' });
    const own = await createCustomerSession(await setup.scope(), { customerId: solo.id });
    expect((await principalForSessionToken(setup.db.fork(), own.token))?.member).toMatchObject({ role: 'owner' });

    const team = await createCustomer(await setup.scope(), { email: 'owner@sessions.example', type: 'team' });
    expect(await refusalOf(createCustomerSession(await setup.scope(), { customerId: team.id }))).toBe(
      'validation_failed',
    );
    const owner = await setup.db.fork().findOneOrFail(CustomerMember, { customer: team.id, role: 'owner' });
    const named = { customerId: team.id, memberId: owner.id };
    const session = await createCustomerSession(await setup.scope(), named);
    const principal = await principalForSessionToken(setup.db.fork(), session.token);
    expect(principal?.member).toMatchObject({ customerId: team.id, role: 'owner', customerType: 'team' });

    const lapsed = await createCustomerSession(await setup.scope(), named);
    await setup.db.fork().nativeUpdate(CustomerSession, { id: lapsed.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await principalForSessionToken(setup.db.fork(), lapsed.token)).toBeNull();

    const forgotten = await forgetLapsed(setup.db);
    expect(forgotten.sessions).toBeGreaterThanOrEqual(1);
    const left = await setup.db.fork().find(CustomerSession, { customerId: team.id });
    expect(left.map((row) => row.id)).toEqual([session.id]);
  });

  it('refuse an unknown customer or member at the field that named it, writing nothing', async () => {
    const before = await setup.db.fork().count(CustomerSession, {});
    expect(await refusalOf(createCustomerSession(await setup.scope(), { externalCustomerId: 'nobody' }))).toBe(
      'validation_failed',
    );
    const solo = await createCustomer(await setup.scope(), { email: 'solo@sessions.example', type: 'individual' });
    expect(
      await refusalOf(createCustomerSession(await setup.scope(), { customerId: solo.id, externalMemberId: 'ghost' })),
    ).toBe('validation_failed');
    expect(await setup.db.fork().count(CustomerSession, {})).toBe(before);
  });
});

describe('housekeeping', () => {
  it('forgets idempotency keys past their 24 hours and keeps the rest', async () => {
    const store = new IdempotencyStore(setup.db);
    const key = { callerHash: 'caller-hash', key: `key-${Date.now()}`, fingerprint: 'fingerprint' };
    const claim = store.claim(key);
    if (claim.kind !== 'run') throw new Error(`expected a claim, got ${claim.kind}`);
    await claim.request.run(() => Promise.resolve(), { alone: true });
    await claim.request.settle(200, '{}');
    const kept = () => setup.db.fork().count(IdempotencyKey, { callerHash: key.callerHash, key: key.key });
    const dayAfter = new Date(Date.now() + 25 * 3_600_000);
    expect(await kept()).toBe(1);
    await forgetLapsed(setup.db, new Date());
    expect(await kept()).toBe(1);
    await forgetLapsed(setup.db, dayAfter);
    expect(await kept()).toBe(0);
  });
});
