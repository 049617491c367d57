import { describe, expect, it } from 'vitest';
import {
  customerCreateInput,
  deliveriesPerPage,
  kardowSubscriptionCreateInput,
  memberSyncInput,
  webhookDeliveryListInput,
  webhookEndpointCreateInput,
} from '@members/contracts';
import { rawQuery, WebhookDelivery } from '@members/db';
import { createCustomer } from '../src/customers/customers.js';
import { syncMember } from '../src/organization-members/sync-member.js';
import { listDeliveries, recentDeliveries, redeliverEvent } from '../src/webhooks/deliveries.js';
import {
  createEndpoint,
  deleteEndpoint,
  listSubscriptions,
  rotateSubscriptionSecret,
  subscribe,
  unsubscribe,
  updateSubscription,
} from '../src/webhooks/endpoints.js';
import { refusalOf, serviceTestSetup, testOrganization } from './support/scope.js';

const setup = serviceTestSetup();
const scope = () => setup.scope();

/** The events written for this organization, oldest first, with how many deliveries each has. */
async function outbox(organizationId: number) {
  const em = setup.db.fork();
  // In the log's order (its position), which the entity leaves to the database.
  const events = await rawQuery<{ id: string; type: string; payload: string }>(
    em,
    'select id, type, payload from webhook_event where organization_id = ? order by position',
    [organizationId],
  );
  return Promise.all(
    events.map(async (event) => ({
      id: event.id,
      type: event.type,
      payload: JSON.parse(event.payload) as Record<string, unknown>,
      deliveries: await em.count(WebhookDelivery, { event: event.id }),
    })),
  );
}

describe('webhooks', () => {
  it('logs every event, and a delivery only for what someone subscribed to, in the change’s transaction', async () => {
    const tx = await scope();
    await syncMember(tx, memberSyncInput.parse({ email: 'unheard@example.com' }));
    expect((await outbox(tx.organization.id)).map(({ type, deliveries }) => ({ type, deliveries }))).toEqual([
      { type: 'user.created', deliveries: 0 },
    ]);

    const input = { event: 'user.created', target_type: 'webhook', target_url: 'http://127.0.0.1:9/kardow' };
    const { subscription, created } = await subscribe(await scope(), kardowSubscriptionCreateInput.parse(input));
    expect(created).toBe(true);
    expect((await subscribe(await scope(), kardowSubscriptionCreateInput.parse(input))).created).toBe(false);

    const synced = await syncMember(await scope(), memberSyncInput.parse({ email: 'heard@example.com' }));
    await syncMember(await scope(), memberSyncInput.parse({ email: 'heard@example.com', name: 'Renamed' }));
    const events = await outbox(tx.organization.id);
    expect(events.map(({ type, deliveries }) => ({ type, deliveries }))).toEqual([
      { type: 'user.created', deliveries: 0 },
      { type: 'user.created', deliveries: 1 },
      { type: 'user.updated', deliveries: 0 },
    ]);
    expect(events[1]?.payload).toMatchObject({ event: 'user.created', data: { member: { id: synced.member.id } } });

    await unsubscribe(await scope(), subscription.id);
    expect(await listSubscriptions(await scope())).toEqual([]);
  });

  it('tells a Polar endpoint of customers in snake_case, and redelivers to it, for its organization only', async () => {
    const tx = await scope();
    const endpoint = await createEndpoint(
      tx,
      webhookEndpointCreateInput.parse({
        url: 'http://127.0.0.1:9/polar',
        format: 'raw',
        events: ['customer.created'],
      }),
    );
    const customer = await createCustomer(await scope(), customerCreateInput.parse({ email: 'hooked@example.com' }));
    const [event] = (await outbox(tx.organization.id)).filter(({ type }) => type === 'customer.created');
    expect(event?.payload).toMatchObject({ type: 'customer.created', data: { id: customer.id, external_id: null } });

    expect(event?.deliveries).toBe(1);
    // Deliveries are listed once attempted; none has been, with no worker running.
    const listed = await listDeliveries(await scope(), webhookDeliveryListInput.parse({ endpointId: endpoint.id }));
    expect(listed.items).toEqual([]);
    expect(await redeliverEvent(await scope(), event!.id)).toEqual({ redelivered: 1 });
    expect((await outbox(tx.organization.id)).find(({ id }) => id === event!.id)?.deliveries).toBe(2);

    const other = await testOrganization(setup.db);
    expect(await refusalOf(redeliverEvent(await other(), event!.id))).toBe('not_found');
    // Its deliveries go with the endpoint: nothing is left to deliver to.
    await deleteEndpoint(await scope(), endpoint.id);
    expect(await redeliverEvent(await scope(), event!.id)).toEqual({ redelivered: 0 });
  });
});

describe("the console's changes to a Kardow subscription", () => {
  it('changes its event unless that event and URL are subscribed already, disables it, and rotates its secret', async () => {
    const subscribeTo = async (event: string) =>
      (
        await subscribe(
          await scope(),
          kardowSubscriptionCreateInput.parse({
            event,
            target_type: 'webhook',
            target_url: 'https://example.com/edit',
          }),
        )
      ).subscription;
    const created = await subscribeTo('user.created');
    const updated = await subscribeTo('user.updated');
    expect(await refusalOf(updateSubscription(await scope(), { id: created.id, event: 'user.updated' }))).toBe(
      'conflict',
    );
    expect(
      await updateSubscription(await scope(), { id: created.id, event: 'user.deleted', enabled: false }),
    ).toMatchObject({ event: 'user.deleted', is_enabled: false });
    const rotated = await rotateSubscriptionSecret(await scope(), updated.id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect((await rotateSubscriptionSecret(await scope(), updated.id)).secret).not.toBe(rotated.secret);
    const other = await testOrganization(setup.db);
    expect(await refusalOf(rotateSubscriptionSecret(await other(), updated.id))).toBe('not_found');
  });
});

describe('every delivery, in pages', () => {
  it('gives 100 a page, newest first, the next page where the last ended, for its organization only', async () => {
    const own = await testOrganization(setup.db);
    const input = { event: 'user.created', target_type: 'webhook', target_url: 'http://127.0.0.1:9/paged' };
    await subscribe(await own(), kardowSubscriptionCreateInput.parse(input));
    for (let i = 0; i < 130; i++)
      await syncMember(await own(), memberSyncInput.parse({ email: `paged-${i}@a.example` }));
    const page = async (n: number) => recentDeliveries(await own(), false, n);
    const [first, second, third] = await Promise.all([page(1), page(2), page(3)]);
    expect([first.length, second.length, third.length]).toEqual([deliveriesPerPage, 30, 0]);
    const ids = [...first, ...second].map((delivery) => delivery.id);
    expect(new Set(ids).size).toBe(130);
    const times = [...first, ...second].map((delivery) => delivery.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(await recentDeliveries(await scope(), false, 2)).toEqual([]);
  });
});
