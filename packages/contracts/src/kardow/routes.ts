import { route, type ErrorStatus } from '../rest/route.js';

const errors: ErrorStatus[] = [400, 401, 403, 404, 409, 413, 422, 429];

/** Kardow's published examples of `POST /members/sync` (seed 000), as they are. */
const syncExamples = {
  basic: {
    summary: 'Create a basic member',
    value: { email: 'member@example.com', name: 'Taylor Member', role: 'employee' },
  },
  employer: {
    summary: 'Create an employer and force approval',
    value: {
      email: 'owner@example.com',
      role: 'business',
      approvalStatus: 'approved',
      customFields: { company_size: '51-200', website: 'https://example.com' },
    },
  },
  paywall: {
    summary: 'Grant paywall access in the same call',
    value: {
      email: 'subscriber@example.com',
      role: 'employee',
      access: { stripePriceId: 'price_paywall_monthly', status: 'active' },
    },
  },
  bundle: {
    summary: 'Create a bundle subscription and payment together',
    value: {
      email: 'poster@example.com',
      role: 'business',
      approvalStatus: 'approved',
      access: { stripePriceId: 'price_bundle_10', status: 'active' },
      payment: {
        jobId: '44444444-4444-4444-4444-444444444444',
        amount: 199,
        currency: 'USD',
        status: 'completed',
        paymentProvider: 'invoice',
      },
    },
  },
  update: {
    summary: 'Update an existing member without changing billing',
    value: {
      email: 'member@example.com',
      name: 'Taylor Updated',
      role: 'both',
      customFields: { department: 'Product' },
    },
  },
};

/** Kardow's paths, camelCase on the wire; every success body is `{"data": …}`. */
export const kardowRoutes = {
  'members:sync': route({
    method: 'post',
    path: '/members/sync',
    procedure: 'members.sync',
    status: 200,
    createdStatus: 201,
    successDescription: 'Updated existing member',
    body: 'rest',
    errors,
    requestExamples: syncExamples,
    responseExample: {
      data: {
        member: {
          id: '11111111-1111-1111-1111-111111111111',
          organizationId: 42,
          email: 'member@example.com',
          name: 'Taylor Member',
          role: 'employee',
          approvalStatus: 'approved',
          profilePicture: null,
          description: null,
          customFields: null,
        },
        access: null,
        payment: null,
        created: true,
      },
    },
  }),
  'members:sync_batch': route({
    method: 'post',
    path: '/members/sync/batch',
    procedure: 'members.syncBatch',
    status: 200,
    successDescription: 'Every item synced or refused, in item order',
    body: 'rest',
    errors: [400, 401, 403, 413, 422, 429],
    requestExamples: {
      two: {
        summary: 'Two members in one request',
        value: { members: [syncExamples.basic.value, syncExamples.employer.value] },
      },
    },
  }),
  'members:list': route({
    method: 'get',
    path: '/members',
    procedure: 'members.list',
    status: 200,
    bare: true,
    successDescription: 'A page of members, newest first, with the cursor of the next page',
    query: ['limit', 'cursor', 'q', 'role', 'approvalStatus'],
    errors: [401, 403, 422, 429],
  }),
  'members:lookup': route({
    method: 'get',
    path: '/members/{lookup}',
    procedure: 'members.lookup',
    status: 200,
    successDescription: 'The member, with subscriptions and payments',
    params: { lookup: 'lookup' },
    errors: [401, 403, 404, 429],
  }),
  'members:access': route({
    method: 'post',
    path: '/members/access',
    procedure: 'members.access',
    status: 200,
    successDescription: 'The subscription after the step, or what was removed',
    body: 'rest',
    errors,
    requestExamples: {
      cancel: {
        summary: 'Cancel at the end of the period',
        value: { email: 'subscriber@example.com', action: 'cancel_at_period_end' },
      },
    },
  }),
  'events:list': route({
    method: 'get',
    path: '/events',
    procedure: 'events.list',
    status: 200,
    bare: true,
    successDescription:
      'A page of the event log, oldest first, with the cursor to read on from (now or later) and whether more were there',
    query: ['after', 'types', 'limit'],
    errors: [401, 403, 422, 429],
  }),
  'audit:list': route({
    method: 'get',
    path: '/audit',
    procedure: 'audit.list',
    status: 200,
    bare: true,
    successDescription:
      'A page of the audit trail, newest first: who changed which records and which fields (never the values), and the cursor to the next page',
    query: ['actor', 'record', 'procedure', 'since', 'until', 'after', 'limit'],
    errors: [401, 403, 422, 429],
  }),
  'webhooks:subscribe': route({
    method: 'post',
    path: '/webhooks',
    procedure: 'webhooks.subscriptions.create',
    status: 200,
    createdStatus: 201,
    bodyField: 'subscription',
    successDescription: 'The subscription with this event and URL, which existed already',
    body: 'rest',
    errors,
    requestExamples: {
      subscribe: {
        summary: 'Tell a workflow when a member is created',
        value: { event: 'user.created', target_type: 'webhook', target_url: 'https://hooks.example.com/kardow' },
      },
    },
  }),
  'webhooks:list': route({
    method: 'get',
    path: '/webhooks',
    procedure: 'webhooks.subscriptions.list',
    status: 200,
    successDescription: "The organization's subscriptions",
    errors: [401, 403, 429],
  }),
  'webhooks:unsubscribe': route({
    method: 'delete',
    path: '/webhooks/{id}',
    procedure: 'webhooks.subscriptions.delete',
    status: 200,
    successDescription: 'The subscription removed',
    params: { id: 'id' },
    errors: [401, 403, 404, 422, 429],
  }),
};

export type KardowOperationId = keyof typeof kardowRoutes;
