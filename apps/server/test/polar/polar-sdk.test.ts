import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Polar } from '@polar-sh/sdk';
import { HTTPValidationError } from '@polar-sh/sdk/models/errors/httpvalidationerror.js';
import { ResourceNotFound } from '@polar-sh/sdk/models/errors/resourcenotfound.js';
import { conformingHttpClient } from '../support/polar-conformance.js';
import { rejection } from '../support/rejection.js';
import { createTenant, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let polar: Polar;
let teamId: string;

beforeAll(async () => {
  server = await startServer();
  const tenant = await createTenant(server.db);
  polar = new Polar({ accessToken: tenant.key, serverURL: server.url, httpClient: conformingHttpClient() });
  const team = await polar.customers.create({
    type: 'team',
    email: 'Owner@Team.example',
    name: 'Team',
    externalId: 'team_1',
  });
  teamId = team.id;
});
afterAll(() => server.close());

describe('the official Polar SDK (0.48.1) against this server', () => {
  let janeId: string;

  it('createMember, exactly as the seed calls it', async () => {
    const result = await polar.members.createMember({
      customerId: teamId,
      email: 'member@example.com',
      name: 'Jane Doe',
      externalId: 'usr_1337',
    });
    expect(result).toMatchObject({
      customerId: teamId,
      email: 'member@example.com',
      name: 'Jane Doe',
      externalId: 'usr_1337',
      role: 'member',
      modifiedAt: null,
    });
    expect(result.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.createdAt).toBeInstanceOf(Date);
    janeId = result.id;

    const again = await polar.members.createMember({ customerId: teamId, email: 'MEMBER@example.com' });
    expect(again).toEqual(result);
  });

  it('listMembers, iterated across several pages', async () => {
    for (let i = 0; i < 10; i++) {
      await polar.members.createMember({
        customerId: teamId,
        email: `page-${i}@example.com`,
        role: i % 2 ? 'billing_manager' : 'member',
      });
    }
    const seen: string[] = [];
    const createdAt: number[] = [];
    let pages = 0;
    for await (const page of await polar.members.listMembers({ customerId: teamId, limit: 5 })) {
      pages++;
      expect(page.result.pagination).toEqual({ totalCount: 12, maxPage: 3 });
      for (const member of page.result.items) {
        seen.push(member.id);
        createdAt.push(member.createdAt.getTime());
      }
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(createdAt).toEqual([...createdAt].sort((a, b) => b - a));

    const managers = await polar.members.listMembers({ customerId: teamId, role: 'billing_manager', limit: 100 });
    expect(managers.result.items).toHaveLength(5);
    expect(managers.result.items.every((member) => member.role === 'billing_manager')).toBe(true);
  });

  it('getMember', async () => {
    const member = await polar.members.getMember({ id: janeId });
    expect(member).toMatchObject({ id: janeId, email: 'member@example.com', customerId: teamId });
  });

  it('updateMember, including an ownership transfer', async () => {
    const renamed = await polar.members.updateMember({ id: janeId, memberUpdate: { name: 'Jane Q. Doe' } });
    expect(renamed.name).toBe('Jane Q. Doe');
    expect(renamed.modifiedAt).toBeInstanceOf(Date);

    const owners = await polar.members.listMembers({ customerId: teamId, role: 'owner' });
    const previousOwner = owners.result.items[0];
    expect(previousOwner?.email).toBe('Owner@Team.example');

    const promoted = await polar.members.updateMember({ id: janeId, memberUpdate: { role: 'owner' } });
    expect(promoted.role).toBe('owner');
    const demoted = await polar.members.getMember({ id: previousOwner?.id ?? '' });
    expect(demoted.role).toBe('billing_manager');
    const after = await polar.members.listMembers({ customerId: teamId, role: 'owner' });
    expect(after.result.items.map((member) => member.id)).toEqual([janeId]);
  });

  it('raises HTTPValidationError where the owner would be demoted or an external id repeated', async () => {
    const demote = await rejection(
      polar.members.updateMember({ id: janeId, memberUpdate: { role: 'member' } }),
      HTTPValidationError,
    );
    expect(demote.detail?.[0]).toMatchObject({ loc: ['body', 'role'], type: 'value_error' });

    const duplicate = await rejection(
      polar.members.createMember({ customerId: teamId, email: 'other@example.com', externalId: 'usr_1337' }),
      HTTPValidationError,
    );
    expect(duplicate.detail?.[0]?.loc).toEqual(['body', 'external_id']);
  });

  it('getMemberByExternalId, updateMemberByExternalId and deleteMemberByExternalId', async () => {
    await polar.members.createMember({ customerId: teamId, email: 'ext@example.com', externalId: 'usr_ext' });
    const byExternal = await polar.members.getMemberByExternalId({ externalId: 'usr_ext', customerId: teamId });
    expect(byExternal.email).toBe('ext@example.com');

    const viaCustomerExternalId = await polar.members.getMemberByExternalId({
      externalId: 'usr_ext',
      externalCustomerId: 'team_1',
    });
    expect(viaCustomerExternalId.id).toBe(byExternal.id);

    const updated = await polar.members.updateMemberByExternalId({
      externalId: 'usr_ext',
      customerId: teamId,
      memberUpdate: { name: 'External', role: 'billing_manager' },
    });
    expect(updated).toMatchObject({ id: byExternal.id, name: 'External', role: 'billing_manager' });

    await polar.members.deleteMemberByExternalId({ externalId: 'usr_ext', customerId: teamId });
    await expect(
      polar.members.getMemberByExternalId({ externalId: 'usr_ext', customerId: teamId }),
    ).rejects.toBeInstanceOf(ResourceNotFound);
  });

  it('deleteMember, after which getMember raises ResourceNotFound', async () => {
    const doomed = await polar.members.createMember({ customerId: teamId, email: 'doomed@example.com' });
    await polar.members.deleteMember({ id: doomed.id });
    const error = await rejection(polar.members.getMember({ id: doomed.id }), ResourceNotFound);
    expect(error.error).toBe('ResourceNotFound');
    await expect(polar.members.deleteMember({ id: doomed.id })).rejects.toBeInstanceOf(ResourceNotFound);
  });

  it('raises ResourceNotFound for a customer that is not ours', async () => {
    await expect(
      polar.members.createMember({ customerId: '00000000-0000-4000-8000-000000000000', email: 'x@example.com' }),
    ).rejects.toBeInstanceOf(ResourceNotFound);
  });

  it('reads customers back through the SDK', async () => {
    const customer = await polar.customers.get({ id: teamId });
    expect(customer).toMatchObject({ id: teamId, type: 'team', externalId: 'team_1', email: 'Owner@Team.example' });
  });
});
