import { AuditTrail } from './AuditTrail.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { customerType } from '@members/contracts';
import { Choice } from '../components/Choice.js';
import { DataTable } from '../components/DataTable.js';
import { Erasure } from '../components/Erasure.js';
import { TeamTable } from '../components/TeamTable.js';
import { Form } from '../components/Form.js';
import { addableRoles, customerRoleLabels, customerTypeLabels } from '../components/labels.js';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed, QueryState } from '../ui.js';
import { PortalLink } from './PortalLink.js';
import type { Can } from './session.js';

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
  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <Form
        label="Add a customer"
        submit="Add customer"
        sending={create}
        denied={!can('customers:write') && notAllowed('customers:write')}
        clear
        onSubmit={(values) =>
          create.mutateAsync({
            email: values.text('email'),
            type: values.choice('type', customerType.options),
            name: values.optional('name'),
          })
        }
      >
        <label>
          Customer email
          <input name="email" type="email" required />
        </label>
        <label>
          Customer name
          <input name="name" />
        </label>
        <Choice
          label="Type"
          name="type"
          options={customerType.options}
          labels={customerTypeLabels}
          defaultValue="team"
        />
      </Form>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search customers
          <input type="search" value={query} onChange={(e) => (setQuery(e.target.value), setPage(1))} />
        </label>
      </form>
      <DataTable
        label="Customers"
        pending={list.isPending}
        error={list.error}
        rows={list.data?.items}
        rowKey={(customer) => customer.id}
        empty="No customers."
        note={list.data && `${list.data.pagination.totalCount} customers`}
        paging={{ page, maxPage: list.data?.pagination.maxPage ?? 1, onPage: setPage }}
        columns={[
          { header: 'Email', cell: (customer) => <a href={`#customers/${customer.id}`}>{customer.email}</a> },
          { header: 'Name', cell: (customer) => customer.name ?? '—' },
          { header: 'Type', cell: (customer) => customerTypeLabels[customer.type] },
          { header: 'External id', cell: (customer) => customer.externalId ?? '—' },
        ]}
      />
    </section>
  );
}

function Team({ customerId, can }: { customerId: string; can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const customer = useQuery(trpc.customers.get.queryOptions({ id: customerId }));
  const team = useQuery({
    ...trpc.customerMembers.listOfCustomer.queryOptions({ customerId, limit: 50, page, sorting: ['created_at'] }),
    enabled: can('members:read'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.customerMembers.pathKey() });
  const add = useMutation(trpc.customerMembers.createForCustomer.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.customerMembers.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.customerMembers.delete.mutationOptions({ onSuccess: refresh }));
  const membersDenied = !can('members:write') && notAllowed('members:write');
  const customerDenied = !can('customers:write') && notAllowed('customers:write');
  const saveCustomer = useMutation(
    trpc.customers.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() }),
    }),
  );
  const deleteCustomer = useMutation(
    trpc.customers.delete.mutationOptions({ onSuccess: () => (window.location.hash = 'customers') }),
  );
  const erase = useMutation(trpc.customers.erase.mutationOptions());
  const [erased, setErased] = useState<string | null>(null);
  if (erased !== null)
    return (
      <p role="status">
        Erased: {erased}. <a href="#customers">Back to customers</a>
      </p>
    );
  return (
    <section aria-labelledby="team-title">
      <p>
        <a href="#customers">All customers</a>
      </p>
      <QueryState pending={customer.isPending} error={customer.error}>
        {customer.data && (
          <>
            <h1 id="team-title">
              {customer.data.name ?? customer.data.email} ({customerTypeLabels[customer.data.type].toLowerCase()})
            </h1>
            <Form
              label="Edit customer"
              submit="Save customer"
              sending={saveCustomer}
              denied={customerDenied}
              done="Saved."
              onSubmit={(values) =>
                saveCustomer.mutateAsync({
                  id: customerId,
                  email: values.text('email'),
                  name: values.optional('name') ?? null,
                })
              }
              extra={
                <button
                  type="button"
                  className="danger"
                  disabled={Boolean(customerDenied)}
                  onClick={() =>
                    window.confirm(
                      'Delete this customer and its team? Their emails and external ids are free again.',
                    ) && deleteCustomer.mutate({ id: customerId })
                  }
                >
                  Delete customer
                </button>
              }
            >
              <label>
                Customer email
                <input name="email" type="email" defaultValue={customer.data.email ?? ''} required />
              </label>
              <label>
                Customer name
                <input name="name" defaultValue={customer.data.name ?? ''} />
              </label>
            </Form>
            {deleteCustomer.error && <ErrorNote error={deleteCustomer.error} />}
            <Erasure
              what="customer"
              subject={customer.data.email ?? customer.data.name ?? customerId}
              denied={customerDenied}
              erase={() => erase.mutateAsync({ id: customerId })}
              erased={(receipt) => {
                setErased(receipt);
                void queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() });
              }}
              consequences={
                <ul>
                  <li>
                    The customer and every member its team has had are deleted, and keep only anonymized hashes of their
                    emails and names (as Polar anonymizes); external ids are kept.
                  </li>
                  <li>Their portal sessions end.</li>
                  <li>
                    The same values in the webhook events sent about them, and in the answers kept for retries, are
                    replaced; receivers are sent customer.deleted with the hashes.
                  </li>
                </ul>
              }
            />
            <h2>History</h2>
            <AuditTrail record={customerId} label="History" can={can} />
          </>
        )}
      </QueryState>
      <h2>Team</h2>
      <Form
        label="Add a team member"
        submit="Add member"
        sending={add}
        denied={membersDenied}
        clear
        onSubmit={(values) =>
          add.mutateAsync({ customerId, email: values.text('email'), role: values.choice('role', addableRoles) })
        }
      >
        <label>
          Member email
          <input name="email" type="email" required />
        </label>
        <Choice label="Member role" name="role" options={addableRoles} labels={customerRoleLabels} />
      </Form>
      {[update.error, remove.error].map((error, i) => error && <ErrorNote key={i} error={error} />)}
      <TeamTable
        pending={team.isPending}
        error={team.error}
        rows={team.data?.items}
        paging={{ page, maxPage: team.data?.pagination.maxPage ?? 1, onPage: setPage }}
        changeable={() => !membersDenied}
        removable={(member) => !membersDenied && member.role !== 'owner'}
        onRole={(member, role) => update.mutate({ id: member.id, customerId, role })}
        onRemove={(member) => remove.mutate({ id: member.id, customerId })}
      />
      {team.data && <PortalLink can={can} customerId={customerId} members={team.data.items} />}
    </section>
  );
}
