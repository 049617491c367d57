import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc.js';
import { DataTable } from '../components/DataTable.js';
import { Form } from '../components/Form.js';
import { notAllowed } from '../ui.js';
import type { Can } from './session.js';

export function Plans({ can }: { can: Can }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const admin = can('admin');
  const plans = useQuery({ ...trpc.plans.list.queryOptions({}), enabled: admin });
  const create = useMutation(
    trpc.plans.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.plans.list.queryKey() }),
    }),
  );
  if (!admin) return <p role="status">{notAllowed('admin')}</p>;
  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">Plans</h1>
      <Form
        label="Create a plan"
        submit="Create plan"
        sending={create}
        clear
        onSubmit={(values) => {
          const jobs = values.optional('jobs');
          return create.mutateAsync({
            name: values.text('name'),
            stripePriceId: values.optional('stripePriceId'),
            paypalPlanId: values.optional('paypalPlanId'),
            jobsIncluded: jobs === undefined ? undefined : Number(jobs),
          });
        }}
      >
        <label>
          Plan name
          <input name="name" required />
        </label>
        <label>
          Stripe price id
          <input name="stripePriceId" />
        </label>
        <label>
          PayPal plan id
          <input name="paypalPlanId" />
        </label>
        <label>
          Jobs included
          <input name="jobs" inputMode="numeric" />
        </label>
      </Form>
      <DataTable
        label="Plans"
        pending={plans.isPending}
        error={plans.error}
        rows={plans.data}
        rowKey={(plan) => plan.id}
        empty="No plans yet."
        columns={[
          { header: 'Name', cell: (plan) => plan.name },
          { header: 'Stripe price', cell: (plan) => plan.stripePriceId ?? '—' },
          { header: 'PayPal plan', cell: (plan) => plan.paypalPlanId ?? '—' },
          { header: 'Jobs', cell: (plan) => plan.jobsIncluded ?? '—' },
          { header: 'Id', cell: (plan) => plan.id, wrap: true },
        ]}
      />
    </section>
  );
}
