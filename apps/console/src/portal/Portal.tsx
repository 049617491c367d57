import { QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { customerMemberRole } from '@members/contracts';
import type { CustomerMemberRole } from '@members/client';
import { addableRoles, customerRoleLabels } from '../components/labels.js';
import { clientFor, newQueryClient, statusOf, TRPCProvider, useTRPC } from '../trpc.js';
import { ErrorNote, QueryState } from '../ui.js';

const storageKey = 'members-portal-session';

/**
 * The session token arrives in the URL (`customer_portal_url`); it is moved to this tab's sessionStorage and taken
 * out of the address bar at once, so it is neither bookmarked nor sent on as a referrer.
 */
function takeToken(): { token: string | null; returnUrl: string | null } {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('customer_session_token');
  const returnUrl = url.searchParams.get('return_url');
  if (fromUrl) {
    sessionStorage.setItem(storageKey, fromUrl);
    url.searchParams.delete('customer_session_token');
    window.history.replaceState(null, '', url.toString());
  }
  const safeReturn = returnUrl && /^https?:\/\//.test(returnUrl) ? returnUrl : null;
  return { token: sessionStorage.getItem(storageKey), returnUrl: safeReturn };
}

export function Portal() {
  const [{ token, returnUrl }] = useState(takeToken);
  const queryClient = useMemo(newQueryClient, []);
  const trpcClient = useMemo(() => clientFor(token ?? ''), [token]);
  if (!token) return <Expired returnUrl={returnUrl} />;
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Team returnUrl={returnUrl} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function Expired({ returnUrl }: { returnUrl: string | null }) {
  return (
    <main>
      <h1>This link has expired</h1>
      <p>Team links work for an hour. Open the team page again from the app that sent you here.</p>
      {returnUrl && (
        <p>
          <a href={returnUrl}>Back to the app</a>
        </p>
      )}
    </main>
  );
}

function Team({ returnUrl }: { returnUrl: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useQuery(trpc.customerPortal.session.queryOptions({}));
  const team = useQuery(trpc.customerPortal.team.queryOptions({ limit: 100 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.customerPortal.pathKey() });
  const add = useMutation(trpc.customerPortal.members.add.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.customerPortal.members.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.customerPortal.members.remove.mutationOptions({ onSuccess: refresh }));
  if (session.error && statusOf(session.error) === 401)
    return <Expired returnUrl={session.data?.returnUrl ?? returnUrl} />;
  const back = session.data?.returnUrl ?? returnUrl;
  const canManage = session.data?.canManage ?? false;
  const me = session.data?.member.id;
  return (
    <main>
      <QueryState pending={session.isPending} error={session.error}>
        <h1>{session.data?.customer.name ?? session.data?.customer.email}: your team</h1>
        <p className="note">
          Signed in as {session.data?.member.email} ({session.data?.member.role}).
          {!canManage && ' Only the team’s owner or a billing manager can change the team.'}
        </p>
        {back && (
          <p>
            <a href={back}>Back to the app</a>
          </p>
        )}
      </QueryState>
      {canManage && (
        <form
          aria-label="Add a team member"
          onSubmit={(event) => {
            event.preventDefault();
            // Kept now: React clears the event's currentTarget once this handler returns, before the answer.
            const element = event.currentTarget;
            const form = new FormData(element);
            const name = String(form.get('name') ?? '').trim();
            add.mutate(
              {
                email: String(form.get('email') ?? '').trim(),
                role: form.get('role') === 'billing_manager' ? 'billing_manager' : 'member',
                ...(name ? { name } : {}),
              },
              { onSuccess: () => element.reset() },
            );
          }}
        >
          <label>
            Email
            <input name="email" type="email" required />
          </label>
          <label>
            Name
            <input name="name" />
          </label>
          <label>
            Role
            <select name="role" defaultValue="member">
              {addableRoles.map((r) => (
                <option key={r} value={r}>
                  {customerRoleLabels[r]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Add member</button>
        </form>
      )}
      {[add.error, update.error, remove.error].map((error, i) => error && <ErrorNote key={i} error={error} />)}
      <QueryState pending={team.isPending} error={team.error}>
        <div className="table-box">
          <table aria-label="Team members">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                {canManage && <th />}
              </tr>
            </thead>
            <tbody>
              {team.data?.items.map((member) => (
                <tr key={member.id}>
                  <td>{member.name ?? '—'}</td>
                  <td>{member.email}</td>
                  <td>
                    {canManage && member.id !== me ? (
                      <select
                        aria-label={`Role of ${member.email}`}
                        value={member.role}
                        onChange={(e) => update.mutate({ id: member.id, role: e.target.value as CustomerMemberRole })}
                      >
                        {customerMemberRole.options.map((r) => (
                          <option key={r} value={r}>
                            {customerRoleLabels[r]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      customerRoleLabels[member.role]
                    )}
                  </td>
                  {canManage && (
                    <td>
                      <button
                        className="danger"
                        aria-label={`Remove ${member.email}`}
                        disabled={member.id === me || member.role === 'owner'}
                        onClick={() => remove.mutate({ id: member.id })}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
    </main>
  );
}
