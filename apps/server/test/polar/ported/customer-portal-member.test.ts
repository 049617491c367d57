/**
 * Polar's `server/tests/customer_portal/endpoints/test_member.py` (polarsource/polar), ported case by case as
 * `member-endpoints.test.ts` is. 27 tests there; 26 ported here, 1 not.
 *
 * Polar's auth subjects are members signed in to the portal (MEMBER_AUTH_SUBJECT, MEMBER_OWNER_…,
 * MEMBER_BILLING_MANAGER_…); here each is the token of a customer session made for that member through
 * `POST /v1/customer-sessions/`, as a portal user gets one. Their customer (Polar's `customer` fixture, turned into
 * a team by most tests) is made with its owner; a test signed in as a billing manager or a member adds that member.
 *
 * Not ported, and why:
 * - TestListMembers.test_customer_not_allowed: a legacy customer session (CUSTOMER_AUTH_SUBJECT, `polar_cst_`),
 *   which this service never issues: every session here is a member's.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { PolarErrorBody, PolarValidationBody, WireList, WireMember } from '../../support/polar.js';
import { organization, usePortedServer, type PortedOrg } from './fixtures.js';

usePortedServer();

/** Polar's `customer` fixture as a team, its owner (`member_owner`), and the portal signed in as that owner. */
async function teamAsOwner(org: PortedOrg) {
  const customer = await org.customer({ type: 'team', email: 'customer@example.com', name: 'Customer' });
  const memberOwner = await org.owner(customer.id);
  return { customer, memberOwner, portal: await org.portalAs(customer.id, memberOwner.id) };
}

/** The same team with a member of `role` signed in (`member_billing_manager`, or MEMBER_AUTH_SUBJECT's member). */
async function teamAs(org: PortedOrg, role: 'billing_manager' | 'member') {
  const customer = await org.customer({ type: 'team', email: 'customer@example.com', name: 'Customer' });
  const member = await org.member(customer.id, { email: `${role}.signed-in@example.com`, role });
  return { customer, member, portal: await org.portalAs(customer.id, member.id) };
}

describe('TestListMembers', () => {
  it('test_anonymous', async () => {
    const org = await organization();
    expect((await org.anonymous.get('/v1/customer-portal/members')).status).toBe(401);
  });

  it('test_member_not_allowed', async () => {
    const org = await organization();
    const { portal } = await teamAs(org, 'member');
    expect((await portal.get('/v1/customer-portal/members')).status).toBe(403);
  });

  it('test_individual_customer_not_allowed', async () => {
    const org = await organization();
    const customer = await org.customer({ type: 'individual', email: 'customer@example.com' });
    const portal = await org.portalAs(customer.id);
    const response = await portal.get<PolarErrorBody>('/v1/customer-portal/members');
    expect(response.status).toBe(403);
    expect(response.body.detail.toLowerCase()).toContain('team customers');
  });

  it('test_valid_owner', async () => {
    const org = await organization();
    const { customer, portal } = await teamAsOwner(org);
    await org.member(customer.id, { email: 'billing@example.com', name: 'Billing Manager', role: 'billing_manager' });
    await org.member(customer.id, { email: 'member@example.com', name: 'Regular Member', role: 'member' });
    const response = await portal.get<WireList<WireMember>>('/v1/customer-portal/members');
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(3);
  });

  it('test_valid_billing_manager', async () => {
    const org = await organization();
    const { portal } = await teamAs(org, 'billing_manager');
    expect((await portal.get('/v1/customer-portal/members')).status).toBe(200);
  });
});

describe('TestAddMember', () => {
  it('test_anonymous', async () => {
    const org = await organization();
    const response = await org.anonymous.post('/v1/customer-portal/members', { email: 'new@example.com' });
    expect(response.status).toBe(401);
  });

  it('test_member_not_allowed', async () => {
    const org = await organization();
    const { portal } = await teamAs(org, 'member');
    expect((await portal.post('/v1/customer-portal/members', { email: 'new@example.com' })).status).toBe(403);
  });

  it('test_individual_customer_not_allowed', async () => {
    const org = await organization();
    const customer = await org.customer({ type: 'individual', email: 'customer@example.com' });
    const portal = await org.portalAs(customer.id);
    const response = await portal.post<PolarErrorBody>('/v1/customer-portal/members', { email: 'new@example.com' });
    expect(response.status).toBe(403);
    expect(response.body.detail.toLowerCase()).toContain('team customers');
  });

  it('test_cannot_add_owner', async () => {
    const org = await organization();
    const { portal } = await teamAsOwner(org);
    const response = await portal.post<PolarValidationBody>('/v1/customer-portal/members', {
      email: 'new@example.com',
      role: 'owner',
    });
    expect(response.status).toBe(422);
    expect(response.body.detail[0]?.msg.toLowerCase()).toContain('cannot add a member as owner');
  });

  it('test_existing_member_returns_existing', async () => {
    const org = await organization();
    const { customer, portal } = await teamAsOwner(org);
    const member2 = await org.member(customer.id, {
      email: 'existing@example.com',
      name: 'Existing Member',
      role: 'member',
    });
    const response = await portal.post<WireMember>('/v1/customer-portal/members', { email: 'existing@example.com' });
    expect(response.status).toBe(201);
    expect(response.body.id).toBe(member2.id);
    expect(response.body.email).toBe('existing@example.com');
  });

  it('test_valid_add_member', async () => {
    const org = await organization();
    const { portal } = await teamAsOwner(org);
    const response = await portal.post<WireMember>('/v1/customer-portal/members', {
      email: 'new@example.com',
      name: 'New Member',
    });
    expect(response.status).toBe(201);
    expect(response.body.email).toBe('new@example.com');
    expect(response.body.name).toBe('New Member');
    expect(response.body.role).toBe('member');
  });

  it('test_valid_add_billing_manager', async () => {
    const org = await organization();
    const { portal } = await teamAsOwner(org);
    const response = await portal.post<WireMember>('/v1/customer-portal/members', {
      email: 'billing@example.com',
      name: 'Billing Manager',
      role: 'billing_manager',
    });
    expect(response.status).toBe(201);
    expect(response.body.email).toBe('billing@example.com');
    expect(response.body.role).toBe('billing_manager');
  });

  it('test_billing_manager_can_add', async () => {
    const org = await organization();
    const { portal } = await teamAs(org, 'billing_manager');
    expect((await portal.post('/v1/customer-portal/members', { email: 'new@example.com' })).status).toBe(201);
  });
});

describe('TestUpdateMember', () => {
  it('test_anonymous', async () => {
    const org = await organization();
    const response = await org.anonymous.patch(`/v1/customer-portal/members/${randomUUID()}`, { role: 'member' });
    expect(response.status).toBe(401);
  });

  it('test_member_not_allowed', async () => {
    const org = await organization();
    const { portal } = await teamAs(org, 'member');
    const response = await portal.patch(`/v1/customer-portal/members/${randomUUID()}`, { role: 'member' });
    expect(response.status).toBe(403);
  });

  it('test_member_not_found', async () => {
    const org = await organization();
    const { portal } = await teamAsOwner(org);
    const response = await portal.patch(`/v1/customer-portal/members/${randomUUID()}`, { role: 'member' });
    expect(response.status).toBe(404);
  });

  it('test_cannot_modify_self', async () => {
    const org = await organization();
    const { memberOwner, portal } = await teamAsOwner(org);
    const response = await portal.patch<PolarValidationBody>(`/v1/customer-portal/members/${memberOwner.id}`, {
      role: 'member',
    });
    expect(response.status).toBe(422);
    expect(response.body.detail[0]?.msg.toLowerCase()).toContain('cannot modify your own role');
  });

  it('test_valid_update', async () => {
    const org = await organization();
    const { customer, portal } = await teamAsOwner(org);
    const member2 = await org.member(customer.id, { email: 'member@example.com', name: 'Regular Member' });
    const response = await portal.patch<WireMember>(`/v1/customer-portal/members/${member2.id}`, {
      role: 'billing_manager',
    });
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('billing_manager');
  });

  it('test_owner_can_update_member_name', async () => {
    const org = await organization();
    const { customer, portal } = await teamAsOwner(org);
    const member2 = await org.member(customer.id, { email: 'member@example.com', name: 'Regular Member' });
    const response = await portal.patch<WireMember>(`/v1/customer-portal/members/${member2.id}`, {
      name: 'Renamed Member',
    });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Renamed Member');
    expect(response.body.role).toBe('member');
  });

  it('test_can_update_own_name', async () => {
    const org = await organization();
    const { memberOwner, portal } = await teamAsOwner(org);
    const response = await portal.patch<WireMember>(`/v1/customer-portal/members/${memberOwner.id}`, {
      name: 'My New Name',
    });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('My New Name');
  });

  it('test_owner_can_transfer_ownership', async () => {
    const org = await organization();
    const { customer, memberOwner, portal } = await teamAsOwner(org);
    const member2 = await org.member(customer.id, {
      email: 'new-owner@example.com',
      name: 'New Owner',
      role: 'billing_manager',
    });
    const response = await portal.patch<WireMember>(`/v1/customer-portal/members/${member2.id}`, { role: 'owner' });
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('owner');
    const listed = await portal.get<WireList<WireMember>>('/v1/customer-portal/members');
    expect(listed.status).toBe(200);
    const oldOwner = listed.body.items.find((m) => m.id === memberOwner.id);
    const newOwner = listed.body.items.find((m) => m.id === member2.id);
    expect(oldOwner?.role).toBe('billing_manager');
    expect(newOwner?.role).toBe('owner');
  });

  it('test_billing_manager_cannot_transfer_ownership', async () => {
    const org = await organization();
    const customer = await org.customer({
      type: 'team',
      email: 'customer@example.com',
      owner: { email: 'owner@example.com', name: 'Owner' },
    });
    const billingManager = await org.member(customer.id, { email: 'billing@example.com', role: 'billing_manager' });
    const member2 = await org.member(customer.id, { email: 'member@example.com', name: 'Regular Member' });
    const portal = await org.portalAs(customer.id, billingManager.id);
    const response = await portal.patch<PolarValidationBody>(`/v1/customer-portal/members/${member2.id}`, {
      role: 'owner',
    });
    expect(response.status).toBe(422);
    expect(response.body.detail[0]?.msg.toLowerCase()).toContain('only the owner can transfer ownership');
  });
});

describe('TestRemoveMember', () => {
  it('test_anonymous', async () => {
    const org = await organization();
    expect((await org.anonymous.delete(`/v1/customer-portal/members/${randomUUID()}`)).status).toBe(401);
  });

  it('test_member_not_allowed', async () => {
    const org = await organization();
    const { portal } = await teamAs(org, 'member');
    expect((await portal.delete(`/v1/customer-portal/members/${randomUUID()}`)).status).toBe(403);
  });

  it('test_cannot_remove_self', async () => {
    const org = await organization();
    const { memberOwner, portal } = await teamAsOwner(org);
    const response = await portal.delete<PolarValidationBody>(`/v1/customer-portal/members/${memberOwner.id}`);
    expect(response.status).toBe(422);
    expect(response.body.detail[0]?.msg.toLowerCase()).toContain('cannot remove yourself');
  });

  it('test_valid_remove', async () => {
    const org = await organization();
    const { customer, portal } = await teamAsOwner(org);
    const member2 = await org.member(customer.id, { email: 'member@example.com', name: 'Regular Member' });
    expect((await portal.delete(`/v1/customer-portal/members/${member2.id}`)).status).toBe(204);
  });
});
