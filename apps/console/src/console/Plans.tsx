import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc.js';
import { ErrorNote, notAllowed, QueryState } from '../ui.js';
import type { Can } from './session.js';

const optional = (value: FormDataEntryValue | null) =>
  value && String(value).trim() ? String(value).trim() : undefined;

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
      <form
        aria-label="Create a plan"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const jobs = optional(form.get('jobs'));
          create.mutate({
            name: String(form.get('name') ?? ''),
            stripePriceId: optional(form.get('stripePriceId')),
            paypalPlanId: optional(form.get('paypalPlanId')),
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
        <button type="submit">Create plan</button>
      </form>
      {create.error && <ErrorNote error={create.error} />}
      <QueryState pending={plans.isPending} error={plans.error} empty={plans.data?.length === 0 && 'No plans yet.'}>
        <div className="table-box">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Stripe price</th>
                <th>PayPal plan</th>
                <th>Jobs</th>
                <th>Id</th>
              </tr>
            </thead>
            <tbody>
              {plans.data?.map((plan) => (
                <tr key={plan.id}>
                  <td>{plan.name}</td>
                  <td>{plan.stripePriceId ?? '—'}</td>
                  <td>{plan.paypalPlanId ?? '—'}</td>
                  <td>{plan.jobsIncluded ?? '—'}</td>
                  <td>{plan.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
    </section>
  );
}
