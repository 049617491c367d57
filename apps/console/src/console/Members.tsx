import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { accessAction, approvalStatus as approvalStatuses, memberRole } from '@members/contracts';
import type { AccessAction, ApprovalStatus, MemberRole } from '@members/client';
import { Choice } from '../components/Choice.js';
import { CustomFields } from '../components/CustomFields.js';
import {
  accessActionLabels,
  approvalLabels,
  money,
  paymentLabels,
  roleLabels,
  subscriptionLabels,
} from '../components/labels.js';
import { Time } from '../components/Time.js';
import { usePlanNames } from '../components/usePlanNames.js';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed, QueryState } from '../ui.js';
import type { Can } from './session.js';

/** A subscription's lifecycle steps; deleting the member has its own button. */
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
      <QueryState
        pending={list.isPending}
        error={list.error}
        empty={list.data?.data.length === 0 && 'No members match.'}
      >
        <p className="note">{list.data?.totalCount} members</p>
        <div className="table-box">
          <table>
            <thead>
              <tr>
                <th>Email</th>
                <th>Name</th>
                <th>Role</th>
                <th>Approval</th>
              </tr>
            </thead>
            <tbody>
              {list.data?.data.map((member) => (
                <tr key={member.id}>
                  <td>
                    <a href={`#members/${member.id}`}>{member.email}</a>
                  </td>
                  <td>{member.name}</td>
                  <td>{roleLabels[member.role]}</td>
                  <td>{approvalLabels[member.approvalStatus]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      <button className="secondary" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
        Previous page
      </button>{' '}
      <button
        className="secondary"
        disabled={!list.data?.nextCursor}
        onClick={() => list.data?.nextCursor && setCursors([...cursors, list.data.nextCursor])}
      >
        Next page
      </button>
    </section>
  );
}

/** One member: profile, custom fields, subscriptions, payments, paywall state; edit, access actions, delete. */
export function MemberPage({ lookup, can }: { lookup: string; can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.members.lookup.queryOptions({ lookup }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const save = useMutation(trpc.members.sync.mutationOptions({ onSuccess: refresh }));
  const access = useMutation(trpc.members.access.mutationOptions({ onSuccess: refresh }));
  const [deleted, setDeleted] = useState(false);
  const planName = usePlanNames();
  const writable = can('members:write');
  if (deleted)
    return (
      <p role="status">
        The member was deleted. <a href="#members">Back to members</a>
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
          <form
            aria-label="Edit member"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              save.mutate({
                userId: detail.data.member.id,
                email: detail.data.member.email,
                name: String(form.get('name')),
                role: form.get('role') as MemberRole,
                approvalStatus: form.get('approvalStatus') as ApprovalStatus,
              });
            }}
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
            <button type="submit" disabled={!writable} title={writable ? undefined : notAllowed('members:write')}>
              Save member
            </button>
          </form>
          {save.error && <ErrorNote error={save.error} />}
          {save.isSuccess && <p role="status">Saved.</p>}
          <h2>Custom fields</h2>
          <CustomFields
            stored={detail.data.member.customFields ?? {}}
            disabled={!writable}
            onSave={(customFields) =>
              save.mutate({ userId: detail.data.member.id, email: detail.data.member.email, customFields })
            }
          />
          <h2>Subscriptions</h2>
          {detail.data.subscriptions.length === 0 && <p>No subscriptions.</p>}
          <div className="table-box">
            <table>
              <thead>
                <tr>
                  <th>Plan</th>
                  <th>Status</th>
                  <th>Period end</th>
                  <th>Cancel at</th>
                  <th>Action</th>
                </tr>
              </thead>
              <tbody>
                {detail.data.subscriptions.map((s) => (
                  <tr key={s.id}>
                    <td>{planName(s.planId)}</td>
                    <td>{subscriptionLabels[s.status]}</td>
                    <td>
                      <Time iso={s.currentPeriodEnd} />
                    </td>
                    <td>
                      <Time iso={s.cancelAt} />
                    </td>
                    <td>
                      <form
                        aria-label={`Change the ${planName(s.planId)} subscription`}
                        onSubmit={(event) => {
                          event.preventDefault();
                          const action = new FormData(event.currentTarget).get('action') as AccessAction;
                          access.mutate({ userId: detail.data.member.id, planId: s.planId, action });
                        }}
                      >
                        <Choice
                          label="Action"
                          name="action"
                          options={actions}
                          labels={accessActionLabels}
                          defaultValue="cancel_now"
                        />
                        <button type="submit" disabled={!writable}>
                          Apply
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {access.error && <ErrorNote error={access.error} />}
          <h2>Payments</h2>
          {detail.data.payments.length === 0 && <p>No payments.</p>}
          <ul>
            {detail.data.payments.map((p) => (
              <li key={p.id}>
                {money(p.amount, p.currency)}, {paymentLabels[p.status]} (job {p.jobId})
              </li>
            ))}
          </ul>
          <button
            className="danger"
            disabled={!writable}
            onClick={() =>
              window.confirm(`Delete ${detail.data.member.email} with their subscriptions and payments?`) &&
              access.mutate(
                { userId: detail.data.member.id, action: 'delete_member' },
                { onSuccess: () => setDeleted(true) },
              )
            }
          >
            Delete member
          </button>
        </section>
      )}
    </QueryState>
  );
}
