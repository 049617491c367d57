import { beforeAll, describe, expect, it } from 'vitest';
import { memberAccessInput, memberSyncBatchInput, memberSyncInput } from '@members/contracts';
import { createPlan } from '../src/admin/organizations.js';
import { changeAccess } from '../src/organization-members/change-access.js';
import { lookupMember } from '../src/organization-members/lookup-member.js';
import { syncMemberBatch } from '../src/organization-members/sync-batch.js';
import { syncMember } from '../src/organization-members/sync-member.js';
import { refusalOf, serviceTestSetup, testOrganization } from './support/scope.js';

const setup = serviceTestSetup();
const scope = () => setup.scope();

beforeAll(async () => {
  await createPlan(await scope(), { name: 'Paywall', stripePriceId: 'price_paywall' });
});

const sync = async (input: unknown) => syncMember(await scope(), memberSyncInput.parse(input));

describe('organization members (sync, lookup, access)', () => {
  it('creates a member with the defaults, then changes only what a later sync sends', async () => {
    const created = await sync({ email: 'Ada@Example.com', customFields: { team: 'core', seats: 2 } });
    expect(created).toMatchObject({ created: true, access: null, payment: null });
    expect(created.member).toMatchObject({ email: 'ada@example.com', name: 'ada', role: 'employee' });

    const updated = await sync({ email: 'ada@example.com', role: 'business', customFields: { seats: null } });
    expect(updated.created).toBe(false);
    expect(updated.member).toMatchObject({ id: created.member.id, name: 'ada', role: 'business' });
    expect(updated.member.customFields).toEqual({ team: 'core' });
  });

  it('grants paywall access and records a payment in one sync, and a cancel ends the access', async () => {
    const synced = await sync({
      email: 'payer@example.com',
      access: { stripePriceId: 'price_paywall', status: 'active' },
      payment: { jobId: '11111111-1111-4111-8111-111111111111', amount: 19.99, currency: 'EUR' },
    });
    expect(synced.access).toMatchObject({ status: 'active', userId: synced.member.id });
    expect(synced.payment).toMatchObject({ amount: 19.99, currency: 'EUR' });
    expect((await lookupMember(await scope(), 'payer@example.com')).hasValidPaywallSubscription).toBe(true);

    await changeAccess(await scope(), memberAccessInput.parse({ email: 'payer@example.com', action: 'cancel_now' }));
    const detail = await lookupMember(await scope(), synced.member.id);
    expect(detail.hasValidPaywallSubscription).toBe(false);
    expect(detail.subscriptions[0]?.status).toBe('canceled');
    expect(detail.payments).toHaveLength(1);
  });

  it('leaves nothing behind when the plan is unknown', async () => {
    const attempt = sync({ email: 'nobody@example.com', access: { stripePriceId: 'price_missing' } });
    expect(await refusalOf(attempt)).toBe('unknown_plan');
    expect(await refusalOf(lookupMember(await scope(), 'nobody@example.com'))).toBe('not_found');
  });

  it('does not find a member of another organization by id', async () => {
    const other = await testOrganization(setup.db);
    const theirs = await syncMember(await other(), memberSyncInput.parse({ email: 'theirs@example.com' }));
    expect(await refusalOf(lookupMember(await scope(), theirs.member.id))).toBe('not_found');
    expect(await refusalOf(sync({ email: 'x@example.com', userId: theirs.member.id }))).toBe('not_found');
  });

  it('syncs a batch item by item: an invalid item is refused alone, the rest land', async () => {
    const input = memberSyncBatchInput.parse({
      members: [{ email: 'one@example.com' }, { email: 'not an email' }, { email: 'two@example.com', name: 'Two' }],
    });
    const result = await syncMemberBatch(await scope(), input);
    expect(result).toMatchObject({ created: 2, updated: 0, failed: 1 });
    expect(result.results[1]).toMatchObject({ index: 1, status: 422, error: { code: 'validation_failed' } });
    expect(result.results[1]?.error?.issues).toEqual([{ path: ['email'], message: expect.any(String) as unknown }]);
    expect((await lookupMember(await scope(), 'two@example.com')).member.name).toBe('Two');
  });
});
