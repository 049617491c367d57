import { useMutation } from '@tanstack/react-query';
import { Choice } from '../components/Choice.js';
import { Form } from '../components/Form.js';
import { Time } from '../components/Time.js';
import { useTRPC } from '../trpc.js';
import { notAllowed } from '../ui.js';
import type { Can } from './session.js';

/**
 * A link to the customer portal for one member of the customer, as `POST /v1/customer-sessions/` makes it: the
 * member is always named (a team customer's session must name one, as in Polar), and the link is shown once.
 */
export function PortalLink({
  can,
  customerId,
  members,
}: {
  can: Can;
  customerId: string;
  members: readonly { id: string; email: string }[];
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.customerSessions.create.mutationOptions());
  const ids = members.map((member) => member.id);
  const emails = Object.fromEntries(members.map((member) => [member.id, member.email]));
  return (
    <>
      <h2>Customer portal</h2>
      <Form
        label="Make a portal link"
        submit="Make portal link"
        sending={create}
        denied={!can('customer_sessions:write') && notAllowed('customer_sessions:write')}
        onSubmit={(values) => create.mutateAsync({ customerId, memberId: values.choice('member', ids) })}
      >
        <Choice label="Signed in as" name="member" options={ids} labels={emails} />
      </Form>
      {create.data && (
        <p role="status">
          <a href={create.data.customerPortalUrl}>Portal link for {emails[create.variables.memberId ?? ''] ?? ''}</a>,
          shown once; it lapses <Time iso={create.data.expiresAt} />.
        </p>
      )}
    </>
  );
}
