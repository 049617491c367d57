import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import { healthSince } from '../webhooks/deliveries.js';
import { membersOverview, subscriptionsOverview } from './overview.js';

const contracts = procedures.overview;
const dayMs = 24 * 60 * 60 * 1000;

/** The console's overview page. */
export const overviewProcedures = {
  members: procedure(contracts.members, membersOverview),
  subscriptions: procedure(contracts.subscriptions, (scope) => subscriptionsOverview(scope)),
  webhooks: procedure(contracts.webhooks, (scope) => healthSince(scope, new Date(Date.now() - dayMs))),
};
