import { QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Choice } from '../components/Choice.js';
import { TeamTable } from '../components/TeamTable.js';
import { Form } from '../components/Form.js';
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
  const [page, setPage] = useState(1);
  const team = useQuery(trpc.customerPortal.team.queryOptions({ limit: 50, page }));
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
          Signed in as {session.data?.member.email}
          {session.data && ` (${customerRoleLabels[session.data.member.role].toLowerCase()})`}.
          {!canManage && ' Only the team’s owner or a billing manager can change the team.'}
        </p>
        {back && (
          <p>
            <a href={back}>Back to the app</a>
          </p>
        )}
      </QueryState>
      {canManage && (
        <Form
          label="Add a team member"
          submit="Add member"
          sending={add}
          clear
          onSubmit={(values) =>
            add.mutateAsync({
              email: values.text('email'),
              role: values.choice('role', addableRoles),
              name: values.optional('name'),
            })
          }
        >
          <label>
            Email
            <input name="email" type="email" required />
          </label>
          <label>
            Name
            <input name="name" />
          </label>
          <Choice label="Role" name="role" options={addableRoles} labels={customerRoleLabels} />
        </Form>
      )}
      {[update.error, remove.error].map((error, i) => error && <ErrorNote key={i} error={error} />)}
      <TeamTable
        pending={team.isPending}
        error={team.error}
        rows={team.data?.items}
        paging={{ page, maxPage: team.data?.pagination.maxPage ?? 1, onPage: setPage }}
        changeable={(member) => canManage && member.id !== me}
        removable={(member) => member.id !== me && member.role !== 'owner'}
        onRole={(member, role) => update.mutate({ id: member.id, role })}
        {...(canManage ? { onRemove: (member: { id: string }) => remove.mutate({ id: member.id }) } : {})}
      />
    </main>
  );
}
