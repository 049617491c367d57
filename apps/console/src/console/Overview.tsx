import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { BarChart } from '../components/BarChart.js';
import { ActivityFeed } from './ActivityFeed.js';
import { approvalLabels, roleLabels, subscriptionLabels } from '../components/labels.js';
import { useTRPC } from '../trpc.js';
import { DataTable } from '../components/DataTable.js';
import { notAllowed, QueryState } from '../ui.js';
import type { Can } from './session.js';

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The page a sign-in lands on: the organization's figures, drawn, each with its table. */
export function Overview({ can }: { can: Can }) {
  return (
    <>
      <h1>Overview</h1>
      {can('members:read') ? <MembersFigures /> : <p>{notAllowed('members:read')}</p>}
      {can('members:read') && <SubscriptionFigures />}
      {can('admin') ? <WebhookHealth /> : <p>{notAllowed('admin')} (webhook health)</p>}
      {(can('members:read') || can('customers:read')) && <ActivityFeed />}
    </>
  );
}

function MembersFigures() {
  const trpc = useTRPC();
  const [days, setDays] = useState<30 | 90>(30);
  const members = useQuery(trpc.overview.members.queryOptions({ days }));
  return (
    <section aria-labelledby="members-figures">
      <h2 id="members-figures">Members</h2>
      <QueryState pending={members.isPending} error={members.error}>
        {members.data && (
          <>
            <p className="stat">
              <strong>{members.data.total}</strong> members
            </p>
            <label>
              New members over
              <select value={days} onChange={(event) => setDays(event.target.value === '90' ? 90 : 30)}>
                <option value="30">the last 30 days</option>
                <option value="90">the last 90 days</option>
              </select>
            </label>
            <div className="charts">
              <BarChart
                name={`New members per day, last ${days} days`}
                by="Day"
                counting="New members"
                tickEvery={days === 30 ? 7 : 21}
                bars={members.data.perDay.map(({ day, count }) => ({ label: dayLabel.format(new Date(day)), count }))}
              />
              <BarChart
                name="Members by role"
                by="Role"
                counting="Members"
                bars={members.data.byRole.map(({ role, count }) => ({ label: roleLabels[role], count }))}
              />
              <BarChart
                name="Members by approval status"
                by="Approval"
                counting="Members"
                bars={members.data.byApproval.map(({ approvalStatus, count }) => ({
                  label: approvalLabels[approvalStatus],
                  count,
                }))}
              />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}

function SubscriptionFigures() {
  const trpc = useTRPC();
  const subscriptions = useQuery(trpc.overview.subscriptions.queryOptions({}));
  return (
    <section aria-labelledby="subscription-figures">
      <h2 id="subscription-figures">Subscriptions</h2>
      <QueryState pending={subscriptions.isPending} error={subscriptions.error}>
        {subscriptions.data && (
          <div className="charts">
            <BarChart
              name="Subscriptions by status"
              by="Status"
              counting="Subscriptions"
              bars={subscriptions.data.byStatus.map(({ status, count }) => ({
                label: subscriptionLabels[status],
                count,
              }))}
            />
            <BarChart
              name="Subscriptions by plan"
              by="Plan"
              counting="Subscriptions"
              bars={subscriptions.data.byPlan.map(({ planName, count }) => ({ label: planName, count }))}
            />
          </div>
        )}
      </QueryState>
    </section>
  );
}

function WebhookHealth() {
  const trpc = useTRPC();
  const health = useQuery(trpc.overview.webhooks.queryOptions({}));
  return (
    <section aria-labelledby="webhook-health">
      <h2 id="webhook-health">Webhooks, last 24 hours</h2>
      <QueryState pending={health.isPending} error={health.error}>
        {health.data && (
          <div className="charts">
            <BarChart
              name="Webhook deliveries of the last 24 hours"
              by="Outcome"
              counting="Deliveries"
              bars={[
                { label: 'Delivered', count: health.data.succeeded },
                { label: 'Retrying', count: health.data.retrying },
                { label: 'Waiting', count: health.data.queued },
                { label: 'Failed', count: health.data.failed },
              ]}
            />
            <div>
              <h3>Slowest endpoints</h3>
              <DataTable
                label="Slowest endpoints, last 24 hours"
                rows={health.data.slowestEndpoints}
                rowKey={(endpoint) => endpoint.endpointId}
                empty="No attempts in the last 24 hours."
                columns={[
                  { header: 'Endpoint', cell: (endpoint) => endpoint.url, wrap: true },
                  { header: 'Attempts', cell: (endpoint) => endpoint.attempts },
                  { header: 'Average', cell: (endpoint) => `${endpoint.averageMs} ms` },
                  { header: 'Slowest', cell: (endpoint) => `${endpoint.maxMs} ms` },
                ]}
              />
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
