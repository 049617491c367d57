import { procedures } from '@members/contracts';
import { procedure } from '../procedures/procedure.js';
import type { RequestScope } from '../request-scope.js';
import { currentKey, listApiKeys } from './api-keys.js';
import { createPlan, issueApiKey, listPlans, revokeApiKeyOf } from './organizations.js';

const callingKey = (scope: RequestScope) => {
  if (!scope.key) throw new Error('an API key procedure ran without a key');
  return scope.key;
};

/** The console's keys page: what the calling key is, and the organization's keys (`admin`). */
export const apiKeyProcedures = {
  current: procedure(procedures.apiKeys.current, (scope) => currentKey(scope, callingKey(scope).id)),
  list: procedure(procedures.apiKeys.list, (scope) => listApiKeys(scope)),
  create: procedure(procedures.apiKeys.create, (scope, input) =>
    issueApiKey(scope.em, scope.organization.id, input.scopes, input.name),
  ),
  revoke: procedure(procedures.apiKeys.revoke, (scope, { id }) => revokeApiKeyOf(scope, id)),
};

export const planProcedures = {
  list: procedure(procedures.plans.list, (scope) => listPlans(scope)),
  names: procedure(procedures.plans.names, async (scope) =>
    (await listPlans(scope)).map(({ id, name }) => ({ id, name })),
  ),
  create: procedure(procedures.plans.create, (scope, input) => createPlan(scope, input)),
};
