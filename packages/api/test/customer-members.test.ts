import { beforeAll, describe, expect, it } from 'vitest';
import {
  customerCreateInput,
  customerMemberCreateInput,
  customerMemberListInput,
  type Customer,
} from '@members/contracts';
import { addCustomerMember } from '../src/customer-members/add-customer-member.js';
import {
  deleteCustomerMember,
  getCustomerMember,
  listCustomerMembers,
  updateCustomerMember,
} from '../src/customer-members/customer-members.js';
import { createCustomer } from '../src/customers/customers.js';
import { refusalOf, serviceTestSetup } from './support/scope.js';

const setup = serviceTestSetup();
const scope = () => setup.scope();
let team: Customer;

beforeAll(async () => {
  team = await createCustomer(
    await scope(),
    customerCreateInput.parse({ type: 'team', name: 'Team', owner: { email: 'owner@team.test' } }),
  );
});

const add = async (input: Record<string, unknown>) =>
  addCustomerMember(await scope(), customerMemberCreateInput.parse({ customerId: team.id, ...input }));
const members = async () =>
  (await listCustomerMembers(await scope(), customerMemberListInput.parse({ customerId: team.id }))).items;

describe('customer members', () => {
  it('adds members to a team; the same email again is the same member', async () => {
    const added = await add({ email: 'Dev@Team.test', name: 'Dev', externalId: 'dev-1' });
    // The email is kept as sent, and matched without regard to case.
    expect(added).toMatchObject({ email: 'Dev@Team.test', role: 'member', customerId: team.id });
    expect((await add({ email: 'dev@team.test' })).id).toBe(added.id);
    expect((await getCustomerMember(await scope(), { externalId: 'dev-1', customerId: team.id })).id).toBe(added.id);
    expect(await refusalOf(add({ email: 'other@team.test', externalId: 'dev-1' }))).toBe('validation_failed');
  });

  it('refuses members other than the owner on an individual customer', async () => {
    const solo = await createCustomer(await scope(), customerCreateInput.parse({ email: 'solo@example.com' }));
    const attempt = addCustomerMember(
      await scope(),
      customerMemberCreateInput.parse({ customerId: solo.id, email: 'friend@example.com' }),
    );
    expect(await refusalOf(attempt)).toBe('forbidden');
  });

  it('transfers ownership by update: the previous owner becomes a billing manager', async () => {
    const heir = await add({ email: 'heir@team.test' });
    const updated = await updateCustomerMember(await scope(), { id: heir.id }, { role: 'owner' });
    expect(updated.role).toBe('owner');
    const roles = Object.fromEntries((await members()).map((member) => [member.email, member.role]));
    expect(roles).toMatchObject({ 'heir@team.test': 'owner', 'owner@team.test': 'billing_manager' });
  });

  it('never deletes the owner, and a deleted member is gone from the team', async () => {
    const owner = (await members()).find((member) => member.role === 'owner');
    expect(await refusalOf(deleteCustomerMember(await scope(), { id: owner!.id }))).toMatch(
      /forbidden|validation_failed|conflict/,
    );
    const leaving = await add({ email: 'leaving@team.test' });
    await deleteCustomerMember(await scope(), { id: leaving.id });
    expect((await members()).map((member) => member.email)).not.toContain('leaving@team.test');
    expect(await refusalOf(getCustomerMember(await scope(), { id: leaving.id }))).toBe('not_found');
  });
});
