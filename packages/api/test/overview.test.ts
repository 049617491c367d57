import { beforeAll, describe, expect, it } from 'vitest';
import { memberAccessInput, memberSyncInput } from '@members/contracts';
import { rawQuery } from '@members/db';
import { createPlan } from '../src/admin/organizations.js';
import { changeAccess } from '../src/organization-members/change-access.js';
import { syncMember } from '../src/organization-members/sync-member.js';
import { membersOverview, subscriptionsOverview } from '../src/overview/overview.js';
import { serviceTestSetup } from './support/scope.js';

const setup = serviceTestSetup();
const scope = () => setup.scope();
const sync = async (input: unknown) => syncMember(await scope(), memberSyncInput.parse(input));
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  for (const [name, stripePriceId] of [
    ['Gold', 'price_gold'],
    ['Silver', 'price_silver'],
  ]) {
    await createPlan(await scope(), { name: name ?? '', stripePriceId });
  }
});

describe('the overview', () => {
  it('counts members by role, by approval and by the day they were made, zeros included', async () => {
    await sync({ email: 'a@example.com', role: 'business' });
    await sync({ email: 'b@example.com', role: 'business', approvalStatus: 'pending' });
    await sync({ email: 'c@example.com' });
    await sync({ email: 'c@example.com', role: 'employer' });
    const overview = await membersOverview(await scope(), { days: 30 });
    expect(overview.total).toBe(3);
    expect(overview.perDay).toHaveLength(30);
    expect(overview.perDay.at(-1)).toEqual({ day: today, count: 3 });
    expect(overview.perDay.slice(0, -1).every(({ count }) => count === 0)).toBe(true);
    expect(overview.byRole).toContainEqual({ role: 'business', count: 2 });
    expect(overview.byRole).toContainEqual({ role: 'employer', count: 1 });
    expect(overview.byRole).toContainEqual({ role: 'employee', count: 0 });
    expect(overview.byApproval).toContainEqual({ approvalStatus: 'pending', count: 1 });
    expect((await membersOverview(await scope(), { days: 90 })).perDay).toHaveLength(90);
  });

  it('counts subscriptions by status and by plan name, following status changes and deleted members', async () => {
    await sync({ email: 'g1@example.com', access: { stripePriceId: 'price_gold', status: 'active' } });
    await sync({ email: 'g2@example.com', access: { stripePriceId: 'price_gold', status: 'trialing' } });
    await sync({ email: 's1@example.com', access: { stripePriceId: 'price_silver', status: 'active' } });
    await changeAccess(await scope(), memberAccessInput.parse({ email: 'g2@example.com', action: 'cancel_now' }));
    await changeAccess(await scope(), memberAccessInput.parse({ email: 's1@example.com', action: 'delete_member' }));
    const overview = await subscriptionsOverview(await scope());
    expect(overview.total).toBe(2);
    expect(overview.byPlan).toEqual([expect.objectContaining({ planName: 'Gold', count: 2 })]);
    expect(overview.byStatus).toContainEqual({ status: 'active', count: 1 });
    expect(overview.byStatus).toContainEqual({ status: 'canceled', count: 1 });
    expect(overview.byStatus).toContainEqual({ status: 'trialing', count: 0 });
  });

  it('keeps its figures when a crowded tally is folded', async () => {
    for (let i = 0; i < 70; i++) await sync({ email: `many-${i}@example.com` });
    const before = await membersOverview(await scope(), { days: 30 });
    const { organization, em } = await scope();
    const rows = async () =>
      (
        await rawQuery<{ n: number }>(em, 'select count(*) as n from member_day_tally where organization_id = ?', [
          organization.id,
        ])
      )[0]?.n;
    // The read folded the day's 70-odd rows into one.
    expect(Number(await rows())).toBe(1);
    expect(await membersOverview(await scope(), { days: 30 })).toEqual(before);
  });
});
