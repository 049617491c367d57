import { AuditTrail } from './AuditTrail.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { accessAction, approvalStatus as approvalStatuses, memberRole } from '@members/contracts';
import type { ApprovalStatus, MemberRole } from '@members/client';
import { Choice } from '../components/Choice.js';
import { CustomFields } from '../components/CustomFields.js';
import { DataTable } from '../components/DataTable.js';
import { Erasure } from '../components/Erasure.js';
import { Form } from '../components/Form.js';
import {
  accessActionLabels,
  counted,
  approvalLabels,
  money,
  paymentLabels,
  roleLabels,
  subscriptionLabels,
} from '../components/labels.js';
import { Time } from '../components/Time.js';
import { usePlanNames } from '../components/usePlanNames.js';
import { useTRPC } from '../trpc.js';
import { notAllowed, QueryState } from '../ui.js';
import type { Can } from './session.js';

const idle = { isPending: false, isSuccess: false, error: null };

/** A subscription's lifecycle steps; deleting the member is its erasure, behind its own button. */
const actions = accessAction.options.filter((action) => action !== 'delete_member');

/** The organization's members: search, filters, and cursor pages (the cursors of the pages behind, to go back). */
export function Members({ can }: { can: Can }) {
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<MemberRole | ''>('');
  const [approvalStatus, setApproval] = useState<ApprovalStatus | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const input = {
    limit: 20,
    ...(q ? { q } : {}),
    ...(role ? { role } : {}),
    ...(approvalStatus ? { approvalStatus } : {}),
    ...(cursors.length ? { cursor: cursors[cursors.length - 1] } : {}),
  };
  const list = useQuery({ ...trpc.members.list.queryOptions(input), enabled: can('members:read') });
  const reset = () => setCursors([]);
  if (!can('members:read')) return <p role="status">{notAllowed('members:read')}</p>;
  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">Members</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search members
          <input
            type="search"
            value={q}
            onChange={(e) => (setQ(e.target.value), reset())}
            placeholder="email or name"
          />
        </label>
        <Choice
          label="Role"
          options={memberRole.options}
          labels={roleLabels}
          none="any"
          value={role}
          onChange={(chosen) => (setRole(chosen), reset())}
        />
        <Choice
          label="Approval"
          options={approvalStatuses.options}
          labels={approvalLabels}
          none="any"
          value={approvalStatus}
          onChange={(chosen) => (setApproval(chosen), reset())}
        />
      </form>
      <DataTable
        label="Members"
        pending={list.isPending}
        error={list.error}
        rows={list.data?.data}
        rowKey={(member) => member.id}
        empty="No members match."
        note={list.data && `${list.data.totalCount} members`}
        paging={{
          page: cursors.length + 1,
          hasNext: Boolean(list.data?.nextCursor),
          onPage: (page) =>
            page <= cursors.length
              ? setCursors(cursors.slice(0, page - 1))
              : list.data?.nextCursor && setCursors([...cursors, list.data.nextCursor]),
        }}
        columns={[
          { header: 'Email', cell: (member) => <a href={`#members/${member.id}`}>{member.email}</a> },
          { header: 'Name', cell: (member) => member.name },
          { header: 'Role', cell: (member) => roleLabels[member.role] },
          { header: 'Approval', cell: (member) => approvalLabels[member.approvalStatus] },
        ]}
      />
    </section>
  );
}

/** One member: profile, custom fields, subscriptions, payments, paywall state; edit, access actions, erase. */
export function MemberPage({ lookup, can }: { lookup: string; can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.members.lookup.queryOptions({ lookup }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const save = useMutation(trpc.members.sync.mutationOptions({ onSuccess: refresh }));
  const access = useMutation(trpc.members.access.mutationOptions({ onSuccess: refresh }));
  const erase = useMutation(trpc.members.erase.mutationOptions());
  // One mutation serves every subscription's row: its state shows in the row it was sent from.
  const sendingFor = (planId: string) => (access.variables?.planId === planId ? access : idle);
  const [erased, setErased] = useState<string | null>(null);
  const planName = usePlanNames();
  const denied = !can('members:write') && notAllowed('members:write');
  if (erased !== null)
    return (
      <p role="status">
        Erased: {erased}. <a href="#members">Back to members</a>
      </p>
    );
  return (
    <QueryState pending={detail.isPending} error={detail.error}>
      {detail.data && (
        <section aria-labelledby="member-title">
          <p>
            <a href="#members">All members</a>
          </p>
          <h1 id="member-title">{detail.data.member.email}</h1>
          <p>
            Paywall:{' '}
            <strong>{detail.data.hasValidPaywallSubscription ? 'valid subscription' : 'no valid subscription'}</strong>
          </p>
          <Form
            label="Edit member"
            submit="Save member"
            sending={save}
            denied={denied}
            done="Saved."
            onSubmit={(values) =>
              save.mutateAsync({
                userId: detail.data.member.id,
                email: detail.data.member.email,
                name: values.text('name'),
                role: values.choice('role', memberRole.options),
                approvalStatus: values.choice('approvalStatus', approvalStatuses.options),
              })
            }
          >
            <label>
              Name
              <input name="name" defaultValue={detail.data.member.name} />
            </label>
            <Choice
              label="Role"
              name="role"
              options={memberRole.options}
              labels={roleLabels}
              defaultValue={detail.data.member.role}
            />
            <Choice
              label="Approval"
              name="approvalStatus"
              options={approvalStatuses.options}
              labels={approvalLabels}
              defaultValue={detail.data.member.approvalStatus}
            />
          </Form>
          <h2>Custom fields</h2>
          <CustomFields
            stored={detail.data.member.customFields ?? {}}
            disabled={Boolean(denied)}
            onSave={(customFields) =>
              save.mutate({ userId: detail.data.member.id, email: detail.data.member.email, customFields })
            }
          />
          <h2>Subscriptions</h2>
          <DataTable
            label="Subscriptions"
            rows={detail.data.subscriptions}
            rowKey={(subscription) => subscription.id}
            empty="No subscriptions."
            columns={[
              { header: 'Plan', cell: (subscription) => planName(subscription.planId) },
              { header: 'Status', cell: (subscription) => subscriptionLabels[subscription.status] },
              { header: 'Period end', cell: (subscription) => <Time iso={subscription.currentPeriodEnd} /> },
              { header: 'Cancel at', cell: (subscription) => <Time iso={subscription.cancelAt} /> },
              {
                header: 'Action',
                cell: (subscription) => (
                  <Form
                    label={`Change the ${planName(subscription.planId)} subscription`}
                    submit="Apply"
                    sending={sendingFor(subscription.planId)}
                    denied={denied}
                    onSubmit={(values) =>
                      access.mutateAsync({
                        userId: detail.data.member.id,
                        planId: subscription.planId,
                        action: values.choice('action', actions),
                      })
                    }
                  >
                    <Choice
                      label="Action"
                      name="action"
                      options={actions}
                      labels={accessActionLabels}
                      defaultValue="cancel_now"
                    />
                  </Form>
                ),
              },
            ]}
          />
          <h2>Payments</h2>
          <DataTable
            label="Payments"
            rows={detail.data.payments}
            rowKey={(payment) => payment.id}
            empty="No payments."
            columns={[
              { header: 'Amount', cell: (payment) => money(payment.amount, payment.currency) },
              { header: 'Status', cell: (payment) => paymentLabels[payment.status] },
              { header: 'Job', cell: (payment) => payment.jobId },
            ]}
          />
          <Erasure
            what="member"
            subject={detail.data.member.email}
            denied={denied}
            erase={() => erase.mutateAsync({ userId: detail.data.member.id })}
            erased={(receipt) => {
              setErased(receipt);
              // The list, not this page's lookup, which would now be a 404.
              void queryClient.invalidateQueries({ queryKey: trpc.members.list.pathKey() });
            }}
            consequences={
              <ul>
                <li>
                  The member, with {counted(detail.data.subscriptions.length, 'subscription')} and{' '}
                  {counted(detail.data.payments.length, 'payment')}.
                </li>
                <li>
                  Their email, name, description, picture and custom fields in every webhook event sent about them;
                  receivers are sent user.deleted with the member's id.
                </li>
                <li>The answers kept for retries of calls that quoted them.</li>
              </ul>
            }
          />
          <h2>History</h2>
          <AuditTrail record={detail.data.member.id} label="History" can={can} />
        </section>
      )}
    </QueryState>
  );
}
