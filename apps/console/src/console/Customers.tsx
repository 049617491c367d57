import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { customerMemberRole } from '@members/contracts';
import type { CustomerMemberRole } from '@members/client';
import { Pager } from '../components/Pager.js';
import { addableRoles, customerRoleLabels } from '../components/labels.js';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed, QueryState } from '../ui.js';
import type { Can } from './session.js';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Customers and, on a customer's page, its team: add, change role (ownership transfer), remove. */
export function Customers({ can, customerId }: { can: Can; customerId: string | undefined }) {
  if (!can('customers:read')) return <p role="status">{notAllowed('customers:read')}</p>;
  return customerId ? <Team customerId={customerId} can={can} /> : <CustomerList can={can} />;
}

function CustomerList({ can }: { can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery(trpc.customers.list.queryOptions({ limit: 50, page, ...(query ? { query } : {}) }));
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() }),
    }),
  );
  const writable = can('customers:write');
  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <form
        aria-label="Add a customer"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const name = text(form, 'name');
          create.mutate({
            email: text(form, 'email'),
            type: form.get('type') === 'team' ? 'team' : 'individual',
            ...(name ? { name } : {}),
          });
        }}
      >
        <label>
          Customer email
          <input name="email" type="email" required />
        </label>
        <label>
          Customer name
          <input name="name" />
        </label>
        <label>
          Type
          <select name="type" defaultValue="team">
            <option value="team">Team</option>
            <option value="individual">Individual</option>
          </select>
        </label>
        <button type="submit" disabled={!writable} title={writable ? undefined : notAllowed('customers:write')}>
          Add customer
        </button>
      </form>
      {create.error && <ErrorNote error={create.error} />}
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search customers
          <input type="search" value={query} onChange={(e) => (setQuery(e.target.value), setPage(1))} />
        </label>
      </form>
      <QueryState pending={list.isPending} error={list.error} empty={list.data?.items.length === 0 && 'No customers.'}>
        <p className="note">{list.data?.pagination.totalCount} customers</p>
        <div className="table-box">
          <table>
            <thead>
              <tr>
                <th>Email</th>
                <th>Name</th>
                <th>Type</th>
                <th>External id</th>
              </tr>
            </thead>
            <tbody>
              {list.data?.items.map((customer) => (
                <tr key={customer.id}>
                  <td>
                    <a href={`#customers/${customer.id}`}>{customer.email}</a>
                  </td>
                  <td>{customer.name}</td>
                  <td>{customer.type === 'team' ? 'Team' : 'Individual'}</td>
                  <td>{customer.externalId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager label="Customers" page={page} maxPage={list.data?.pagination.maxPage ?? 0} onPage={setPage} />
      </QueryState>
    </section>
  );
}

function Team({ customerId, can }: { customerId: string; can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const customer = useQuery(trpc.customers.get.queryOptions({ id: customerId }));
  const team = useQuery({
    ...trpc.customerMembers.listOfCustomer.queryOptions({ customerId, limit: 100, sorting: ['created_at'] }),
    enabled: can('members:read'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.customerMembers.pathKey() });
  const add = useMutation(trpc.customerMembers.createForCustomer.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.customerMembers.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.customerMembers.delete.mutationOptions({ onSuccess: refresh }));
  const writable = can('members:write');
  const customerWritable = can('customers:write');
  const saveCustomer = useMutation(
    trpc.customers.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() }),
    }),
  );
  const deleteCustomer = useMutation(
    trpc.customers.delete.mutationOptions({ onSuccess: () => (window.location.hash = 'customers') }),
  );
  return (
    <section aria-labelledby="team-title">
      <p>
        <a href="#customers">All customers</a>
      </p>
      <QueryState pending={customer.isPending} error={customer.error}>
        <h1 id="team-title">
          {customer.data?.name ?? customer.data?.email} ({customer.data?.type})
        </h1>
        {customer.data && (
          <form
            aria-label="Edit customer"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const name = text(form, 'name');
              saveCustomer.mutate({ id: customerId, email: text(form, 'email'), name: name || null });
            }}
          >
            <label>
              Customer email
              <input name="email" type="email" defaultValue={customer.data.email ?? ''} required />
            </label>
            <label>
              Customer name
              <input name="name" defaultValue={customer.data.name ?? ''} />
            </label>
            <button type="submit" disabled={!customerWritable}>
              Save customer
            </button>
            <button
              type="button"
              className="danger"
              disabled={!customerWritable}
              onClick={() =>
                window.confirm('Delete this customer and its team?') && deleteCustomer.mutate({ id: customerId })
              }
            >
              Delete customer
            </button>
          </form>
        )}
        {saveCustomer.isSuccess && <p role="status">Saved.</p>}
        {[saveCustomer.error, deleteCustomer.error].map((error, i) => error && <ErrorNote key={i} error={error} />)}
      </QueryState>
      <form
        aria-label="Add a team member"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          add.mutate({
            customerId,
            email: text(form, 'email'),
            role: form.get('role') === 'billing_manager' ? 'billing_manager' : 'member',
          });
        }}
      >
        <label>
          Member email
          <input name="email" type="email" required />
        </label>
        <label>
          Member role
          <select name="role" defaultValue="member">
            {addableRoles.map((r) => (
              <option key={r} value={r}>
                {customerRoleLabels[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!writable}>
          Add member
        </button>
      </form>
      {[add.error, update.error, remove.error].map((error, i) => error && <ErrorNote key={i} error={error} />)}
      <QueryState pending={team.isPending} error={team.error}>
        <div className="table-box">
          <table>
            <thead>
              <tr>
                <th>Email</th>
                <th>Name</th>
                <th>Role</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {team.data?.items.map((member) => (
                <tr key={member.id}>
                  <td>{member.email}</td>
                  <td>{member.name ?? '—'}</td>
                  <td>
                    <select
                      aria-label={`Role of ${member.email}`}
                      value={member.role}
                      disabled={!writable}
                      onChange={(e) =>
                        update.mutate({ id: member.id, customerId, role: e.target.value as CustomerMemberRole })
                      }
                    >
                      {customerMemberRole.options.map((r) => (
                        <option key={r} value={r}>
                          {customerRoleLabels[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      className="danger"
                      aria-label={`Remove ${member.email}`}
                      disabled={!writable || member.role === 'owner'}
                      onClick={() => remove.mutate({ id: member.id, customerId })}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
    </section>
  );
}
