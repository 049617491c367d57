/**
 * Polar's `server/tests/customer_session/test_endpoints.py` (polarsource/polar), ported case by case as
 * `member-endpoints.test.ts` is. 15 tests there; 13 ported here, 2 not. Polar runs several of them for a user and
 * for an organization token; here there is one subject, the organization's API key.
 *
 * The member-model-enabled variant: a session is always a member session (`polar_mst_`), as Polar's
 * test_creates_member_session_when_member_model_enabled asserts. test_valid_customer_id,
 * test_valid_external_customer_id and test_return_url assert `polar_cst_` in Polar because their organization
 * fixture has the member model off; here they assert the member session's prefix and all else as written.
 *
 * Not ported, and why:
 * - test_allows_when_seat_based_pricing_enabled_but_not_migrated: the member model turned off.
 * - test_auto_creates_owner_when_member_model_enabled: a customer without an owner member, which Polar's session
 *   makes on the fly; here a customer is made with its owner and cannot be without one.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { organization, usePortedServer } from './fixtures.js';

usePortedServer();

const memberSessionPrefix = 'polar_mst_';

interface Session {
  token: string;
  customer_id: string;
  customer_portal_url: string;
  return_url: string | null;
}

describe('TestCreate', () => {
  it('test_anonymous', async () => {
    const org = await organization();
    const response = await org.anonymous.post('/v1/customer-sessions/', { customer_id: randomUUID() });
    expect(response.status).toBe(401);
  });

  it('test_cant_manage_customer', async () => {
    const org = await organization();
    const other = await organization();
    const customer = await other.customer({ email: 'customer@example.com' });
    const response = await org.post('/v1/customer-sessions/', { customer_id: customer.id });
    expect(response.status).toBe(422);
  });

  it('test_valid_customer_id', async () => {
    const org = await organization();
    const customer = await org.customer({ email: 'customer@example.com' });
    const response = await org.post<Session>('/v1/customer-sessions/', { customer_id: customer.id });
    expect(response.status).toBe(201);
    expect(response.body.token.startsWith(memberSessionPrefix)).toBe(true);
    expect(response.body.customer_id).toBe(customer.id);
    expect(response.body.customer_portal_url).toContain(response.body.token);
  });

  it('test_valid_external_customer_id', async () => {
    const org = await organization();
    const customer = await org.customer({ email: 'customer@example.com', external_id: 'CUSTOMER_EXTERNAL_ID' });
    const response = await org.post<Session>('/v1/customer-sessions/', {
      external_customer_id: 'CUSTOMER_EXTERNAL_ID',
    });
    expect(response.status).toBe(201);
    expect(response.body.token.startsWith(memberSessionPrefix)).toBe(true);
    expect(response.body.customer_id).toBe(customer.id);
    expect(response.body.customer_portal_url).toContain(response.body.token);
  });

  it('test_return_url', async () => {
    const org = await organization();
    const customer = await org.customer({ email: 'customer@example.com', external_id: 'CUSTOMER_EXTERNAL_ID' });
    const response = await org.post<Session>('/v1/customer-sessions/', {
      external_customer_id: 'CUSTOMER_EXTERNAL_ID',
      return_url: 'https://example.com/return',
    });
    expect(response.status).toBe(201);
    expect(response.body.token.startsWith(memberSessionPrefix)).toBe(true);
    expect(response.body.customer_id).toBe(customer.id);
    expect(response.body.customer_portal_url).toContain(response.body.token);
    expect(response.body.return_url).toBe('https://example.com/return');
  });

  it('test_email_url_encoding', async () => {
    const org = await organization();
    const customer = await org.customer({ email: 'contact+test@example.com' });
    const response = await org.post<Session>('/v1/customer-sessions/', { customer_id: customer.id });
    expect(response.status).toBe(201);
    const portalUrl = response.body.customer_portal_url;
    expect(portalUrl.includes('contact%2Btest%40example.com') || portalUrl.includes('contact%2Btest@example.com')).toBe(
      true,
    );
    expect(portalUrl).not.toContain('contact+test@example.com');
  });

  it('test_creates_member_session_when_member_model_enabled', async () => {
    const org = await organization();
    const customer = await org.customer({
      email: 'test@example.com',
      owner: { email: 'test@example.com', name: 'Owner Member' },
    });
    const response = await org.post<Session>('/v1/customer-sessions/', { customer_id: customer.id });
    expect(response.status).toBe(201);
    expect(response.body.token.startsWith(memberSessionPrefix)).toBe(true);
    expect(response.body.customer_id).toBe(customer.id);
    expect(response.body.customer_portal_url).toContain(response.body.token);
  });

  it('test_member_id_creates_session_for_specific_member', async () => {
    const org = await organization();
    // A second member needs a team here (an individual customer has its owner only).
    const customer = await org.customer({
      type: 'team',
      email: 'test@example.com',
      owner: { email: 'test@example.com', name: 'Owner' },
    });
    const otherMember = await org.member(customer.id, {
      email: 'other@example.com',
      name: 'Other Member',
      role: 'member',
    });
    const response = await org.post<Session>('/v1/customer-sessions/', {
      customer_id: customer.id,
      member_id: otherMember.id,
    });
    expect(response.status).toBe(201);
    expect(response.body.token.startsWith(memberSessionPrefix)).toBe(true);
    expect(response.body.customer_id).toBe(customer.id);
  });

  it('test_member_id_not_found', async () => {
    const org = await organization();
    const customer = await org.customer({ email: 'test@example.com' });
    const response = await org.post('/v1/customer-sessions/', { customer_id: customer.id, member_id: randomUUID() });
    expect(response.status).toBe(422);
  });

  it('test_team_customer_without_member_id', async () => {
    const org = await organization();
    const customer = await org.customer({ type: 'team', email: 'test@example.com' });
    const response = await org.post('/v1/customer-sessions/', { customer_id: customer.id });
    expect(response.status).toBe(422);
  });

  it('test_team_customer_with_member_id', async () => {
    const org = await organization();
    const customer = await org.customer({ type: 'team', email: 'test@example.com' });
    const member = await org.member(customer.id, {
      email: 'member@example.com',
      name: 'Team Member',
      role: 'member',
    });
    const response = await org.post<Session>('/v1/customer-sessions/', {
      customer_id: customer.id,
      member_id: member.id,
    });
    expect(response.status).toBe(201);
    expect(response.body.token.startsWith(memberSessionPrefix)).toBe(true);
    expect(response.body.customer_id).toBe(customer.id);
  });

  it('test_external_member_id', async () => {
    const org = await organization();
    const customer = await org.customer({ type: 'team', email: 'test@example.com' });
    await org.member(customer.id, {
      email: 'member@example.com',
      name: 'Member',
      role: 'member',
      external_id: 'ext_member_123',
    });
    const response = await org.post<Session>('/v1/customer-sessions/', {
      customer_id: customer.id,
      external_member_id: 'ext_member_123',
    });
    expect(response.status).toBe(201);
    expect(response.body.token.startsWith(memberSessionPrefix)).toBe(true);
    expect(response.body.customer_id).toBe(customer.id);
  });

  it('test_external_member_id_not_found', async () => {
    const org = await organization();
    const customer = await org.customer({ email: 'test@example.com' });
    const response = await org.post('/v1/customer-sessions/', {
      customer_id: customer.id,
      external_member_id: 'nonexistent',
    });
    expect(response.status).toBe(422);
  });
});
