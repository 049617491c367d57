import { describe, expect, it } from 'vitest';
import {
  customerCreateInput,
  customerListInput,
  customerMemberCreateInput,
  customerMemberListInput,
} from '@members/contracts';
import { rawQuery } from '@members/db';
import { addCustomerMember } from '../src/customer-members/add-customer-member.js';
import { deleteCustomerMember, listCustomerMembers } from '../src/customer-members/customer-members.js';
import { eraseCustomer } from '../src/customers/erase-customer.js';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../src/customers/customers.js';
import { refusalOf, serviceTestSetup, testOrganization } from './support/scope.js';

const setup = serviceTestSetup();
const scope = () => setup.scope();

const create = async (input: unknown) => createCustomer(await scope(), customerCreateInput.parse(input));

describe('customers', () => {
  it('creates a team with its owner member, finds it by id and by external id, and updates it', async () => {
    const team = await create({
      type: 'team',
      name: 'Acme',
      externalId: 'acme',
      owner: { email: 'boss@acme.test', name: 'Boss' },
    });
    expect(team).toMatchObject({ type: 'team', name: 'Acme', externalId: 'acme', email: null });
    const members = await listCustomerMembers(await scope(), customerMemberListInput.parse({ customerId: team.id }));
    expect(members.items.map(({ email, role }) => ({ email, role }))).toEqual([
      { email: 'boss@acme.test', role: 'owner' },
    ]);

    expect((await getCustomer(await scope(), { externalId: 'acme' })).id).toBe(team.id);
    const renamed = await updateCustomer(await scope(), { id: team.id }, { name: 'Acme Inc.', metadata: { tier: 1 } });
    expect(renamed).toMatchObject({ name: 'Acme Inc.', metadata: { tier: 1 } });
  });

  it('refuses a second customer with the same external id, and frees it once the first is deleted', async () => {
    const first = await create({ email: 'solo@example.com', externalId: 'solo' });
    expect(await refusalOf(create({ email: 'other@example.com', externalId: 'solo' }))).toBe('validation_failed');
    await deleteCustomer(await scope(), { id: first.id });
    expect(await refusalOf(getCustomer(await scope(), { id: first.id }))).toBe('not_found');
    const again = await create({ email: 'solo@example.com', externalId: 'solo' });
    expect(again.id).not.toBe(first.id);
  });

  it('lists only this organization’s customers, a page at a time', async () => {
    const other = await testOrganization(setup.db);
    await createCustomer(await other(), customerCreateInput.parse({ email: 'elsewhere@example.com' }));
    const page = await listCustomers(await scope(), customerListInput.parse({ limit: 1 }));
    expect(page.items).toHaveLength(1);
    expect(page.pagination.totalCount).toBe(2);
    const all = await listCustomers(await scope(), customerListInput.parse({ limit: 100 }));
    expect(all.items.map((customer) => customer.email)).not.toContain('elsewhere@example.com');
  });

  it('anonymizes on delete as Polar does: the customer and every member it had, hashed; external ids kept', async () => {
    const marker = `erase-${Date.now()}`;
    const team = await create({
      type: 'team',
      name: `${marker} Team`,
      email: `${marker}@team.test`,
      externalId: `${marker}-team`,
      owner: { email: `${marker}-owner@team.test`, name: `${marker} Owner` },
    });
    const add = async (email: string, externalId: string) =>
      addCustomerMember(
        await scope(),
        customerMemberCreateInput.parse({ customerId: team.id, email, name: `${marker} ${externalId}`, externalId }),
      );
    await add(`${marker}-stays@team.test`, `${marker}-stays`);
    const left = await add(`${marker}-left@team.test`, `${marker}-left`);
    await deleteCustomerMember(await scope(), { id: left.id });

    await eraseCustomer(await scope(), { id: team.id });

    const rows = await rawQuery<{ email: string; name: string; external_id: string }>(
      setup.db.fork(),
      `select email, name, external_id from customer where id = ?
       union all select email, name, external_id from customer_member where customer_id = ?`,
      [team.id, team.id],
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.email).toMatch(/^[0-9a-f]{64}@anonymized\.polar\.sh$/);
      expect(row.name).toMatch(/^[0-9a-f]{64}$/);
      expect(row.external_id.startsWith(marker)).toBe(true);
    }
    // Its external id and its members' emails are free for a new customer.
    const again = await create({ email: `${marker}@team.test`, externalId: `${marker}-team` });
    expect(again.id).not.toBe(team.id);
  });

  it('keeps the emails and names of a customer deleted without anonymize', async () => {
    const solo = await create({ email: 'kept@example.com', name: 'Kept Name' });
    await deleteCustomer(await scope(), { id: solo.id });
    const [row] = await rawQuery<{ email: string; name: string }>(
      setup.db.fork(),
      'select email, name from customer where id = ?',
      [solo.id],
    );
    expect(row).toEqual({ email: 'kept@example.com', name: 'Kept Name' });
  });
});
