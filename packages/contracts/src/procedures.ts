import { auditList, auditListInput } from './audit.js';
import { memberAccessInput, memberAccessResult, memberEraseInput } from './kardow/member-access.js';
import { customerEraseInput, customerErasure, memberErasure } from './erasure.js';
import { memberSyncBatchInput, memberSyncBatchResult } from './kardow/member-batch.js';
import { memberList, memberListInput } from './kardow/member-list.js';
import { memberDetail, memberLookupInput, memberSyncInput, memberSyncResult } from './kardow/organization-member.js';
import {
  customer,
  customerByExternalIdInput,
  customerByIdInput,
  customerCreateInput,
  customerCsv,
  customerExportInput,
  customerDeleteByExternalIdInput,
  customerDeleteInput,
  customerList,
  customerListInput,
  customerUpdateByExternalIdInput,
  customerUpdateInput,
} from './polar/customer.js';
import {
  customerMember,
  customerMemberByExternalIdInput,
  customerMemberByIdInput,
  customerMemberCreateForCustomerInput,
  customerMemberCreateInput,
  customerMemberList,
  customerMemberListInput,
  customerMemberUpdateByExternalIdInput,
  customerMemberUpdateInput,
  customerMembersOfCustomerInput,
  deletedRecord,
} from './polar/customer-member.js';
import {
  kardowSubscription,
  kardowSubscriptionByIdInput,
  kardowSubscriptionCreated,
  kardowSubscriptionSecret,
  kardowSubscriptionUpdateInput,
  kardowSubscriptionCreateInput,
  kardowSubscriptionList,
} from './webhooks/kardow-subscriptions.js';
import {
  webhookDeliveryList,
  webhookDeliveryListInput,
  webhookEndpoint,
  webhookEndpointByIdInput,
  webhookEndpointCreateInput,
  webhookEndpointList,
  webhookEndpointListInput,
  webhookEndpointUpdateInput,
  webhookEventRedeliverInput,
  webhookRedelivery,
  deliveryByIdInput,
  deliveryDetail,
  deliverySummary,
  recentDeliveriesInput,
} from './webhooks/polar-endpoints.js';
import {
  customerPortalMember,
  customerPortalMemberByIdInput,
  customerPortalMemberCreateInput,
  customerPortalMemberList,
  customerPortalMemberListInput,
  customerPortalMemberUpdateInput,
  customerPortalSession,
} from './polar/customer-portal.js';
import { customerSession, customerSessionCreateInput } from './polar/customer-session.js';
import { anyKeyScope, portalScope } from './enums.js';
import { eventList, eventListInput } from './event-log.js';
import {
  apiKeyByIdInput,
  apiKeyIssueInput,
  apiKeySummary,
  currentKey,
  issuedApiKey,
  plan,
  planCreateFields,
  revokedApiKey,
} from './console.js';
import { overviewMembers, overviewMembersInput, overviewSubscriptions, overviewWebhooks } from './overview.js';
import { z } from 'zod';
import {
  isProcedureContract,
  mutation,
  query,
  type ProcedureAtPath,
  type ProcedureContract,
  type ProcedurePathIn,
  type ProcedureTree,
} from './procedure.js';

/**
 * Every tRPC procedure of the service. The two kinds of member are kept apart by name: an organization's members
 * under `members` (`sync`, `lookup`, `access`: Kardow's domain), its customers' members under `customerMembers`
 * (Polar's domain).
 */
export const procedures = {
  members: {
    sync: mutation(
      'members:write',
      memberSyncInput,
      memberSyncResult,
      'Create or update a member of the organization, optionally with a subscription and a payment, in one transaction',
    ),
    syncBatch: mutation(
      'members:write',
      memberSyncBatchInput,
      memberSyncBatchResult,
      'Sync up to 1,000 members, each with every rule of sync and in its own transaction; a result per item',
    ),
    lookup: query(
      'members:read',
      memberLookupInput,
      memberDetail,
      'A member of the organization by email or id, with subscriptions and payments',
    ),
    list: query(
      'members:read',
      memberListInput,
      memberList,
      "The organization's members, newest first, a cursor page at a time; search by email or name, filter by role and approval",
    ),
    access: mutation(
      'members:write',
      memberAccessInput,
      memberAccessResult,
      "One lifecycle step on a member's subscription, or deleting the member",
    ),
    erase: mutation(
      'members:write',
      memberEraseInput,
      memberErasure,
      'Erase a member: its row, subscriptions and payments, and every copy of its data in events and kept answers; answers counts, never the data',
    ),
  },
  /** Polar's members: the people of a customer (a B2B team), with an owner and billing managers. */
  customerMembers: {
    create: mutation('members:write', customerMemberCreateInput, customerMember, 'Create a member of a customer'),
    createForCustomer: mutation(
      'members:write',
      customerMemberCreateForCustomerInput,
      customerMember,
      'Create a member of the customer named by its id or external id',
    ),
    list: query('members:read', customerMemberListInput, customerMemberList, "List customers' members"),
    listOfCustomer: query(
      'members:read',
      customerMembersOfCustomerInput,
      customerMemberList,
      'List the members of one customer, named by its id or external id (404 when there is no such customer)',
    ),
    get: query('members:read', customerMemberByIdInput, customerMember, 'Get a member of a customer'),
    update: mutation(
      'members:write',
      customerMemberUpdateInput,
      customerMember,
      'Update a member of a customer; role owner transfers ownership',
    ),
    delete: mutation('members:write', customerMemberByIdInput, deletedRecord, 'Delete a member of a customer'),
    getByExternalId: query(
      'members:read',
      customerMemberByExternalIdInput,
      customerMember,
      'Get a member of a customer by external id',
    ),
    updateByExternalId: mutation(
      'members:write',
      customerMemberUpdateByExternalIdInput,
      customerMember,
      'Update a member of a customer by external id',
    ),
    deleteByExternalId: mutation(
      'members:write',
      customerMemberByExternalIdInput,
      deletedRecord,
      'Delete a member of a customer by external id',
    ),
  },
  customers: {
    create: mutation('customers:write', customerCreateInput, customer, 'Create a customer and its owner member'),
    list: query('customers:read', customerListInput, customerList, 'List customers'),
    export: query(
      'customers:read',
      customerExportInput,
      customerCsv,
      "The organization's customers as CSV, as Polar's export writes it, streamed",
    ),
    get: query('customers:read', customerByIdInput, customer, 'Get a customer'),
    update: mutation('customers:write', customerUpdateInput, customer, 'Update a customer'),
    delete: mutation(
      'customers:write',
      customerDeleteInput,
      deletedRecord,
      'Delete a customer and its members (soft: their email and external ids are free again)',
    ),
    getByExternalId: query('customers:read', customerByExternalIdInput, customer, 'Get a customer by external id'),
    updateByExternalId: mutation(
      'customers:write',
      customerUpdateByExternalIdInput,
      customer,
      'Update a customer by external id',
    ),
    deleteByExternalId: mutation(
      'customers:write',
      customerDeleteByExternalIdInput,
      deletedRecord,
      'Delete a customer by external id, and its members',
    ),
    erase: mutation(
      'customers:write',
      customerEraseInput,
      customerErasure,
      "Delete a customer with Polar's anonymize: it and its members keep only hashes, copies are scrubbed, portal sessions end; answers counts",
    ),
  },
  /** The console's overview: figures across the organization, each from a few rows whatever its size. */
  overview: {
    members: query(
      'members:read',
      overviewMembersInput,
      overviewMembers,
      'Members in all, new members per day over the last 30 or 90 days, and members by role and by approval status',
    ),
    subscriptions: query('members:read', z.object({}), overviewSubscriptions, 'Subscriptions by status and by plan'),
    webhooks: query(
      'admin',
      z.object({}),
      overviewWebhooks,
      'Webhook deliveries of the last 24 hours by outcome, and the endpoints slowest to answer',
    ),
  },
  /** The organization's API keys (the console's keys page); `current` is what any key may ask of itself. */
  apiKeys: {
    current: query(anyKeyScope, z.object({}), currentKey, "The calling key's organization and scopes"),
    list: query('admin', z.object({}), z.array(apiKeySummary), "The organization's API keys, revoked ones too"),
    create: mutation('admin', apiKeyIssueInput, issuedApiKey, 'Issue an API key (shown only in this answer)'),
    revoke: mutation('admin', apiKeyByIdInput, revokedApiKey, 'Revoke an API key at once'),
  },
  plans: {
    list: query('admin', z.object({}), z.array(plan), "The organization's plans"),
    names: query(
      'members:read',
      z.object({}),
      z.array(plan.pick({ id: true, name: true })),
      "The organization's plans by name, for whoever reads members (a subscription names its plan by id)",
    ),
    create: mutation('admin', planCreateFields, plan, 'Create a plan that sync and access can name'),
  },
  /** Sessions that sign a customer's member in to the customer portal. */
  customerSessions: {
    create: mutation(
      'customer_sessions:write',
      customerSessionCreateInput,
      customerSession,
      'Create a customer portal session for a member of a customer (the token is shown once)',
    ),
  },
  /** The customer portal, on a member session: a team's owner or billing manager manages the team. */
  customerPortal: {
    session: query(portalScope, z.object({}), customerPortalSession, 'Who the session signs in, and what they may do'),
    /** The team as any of its members reads it (the page's read-only view); managing it is `members.*`. */
    team: query(portalScope, customerPortalMemberListInput, customerPortalMemberList, "The session's team, read-only"),
    members: {
      list: query(portalScope, customerPortalMemberListInput, customerPortalMemberList, "The session's team"),
      add: mutation(
        portalScope,
        customerPortalMemberCreateInput,
        customerPortalMember,
        'Add a member to the team (an email already in it returns that member)',
      ),
      update: mutation(
        portalScope,
        customerPortalMemberUpdateInput,
        customerPortalMember,
        "Change a member's name or role; role owner transfers ownership (the owner's to give)",
      ),
      remove: mutation(portalScope, customerPortalMemberByIdInput, deletedRecord, 'Remove a member from the team'),
    },
  },
  /** The event log, a page at a time (`events.stream` in `subscriptions` follows it live). */
  events: {
    list: query(
      anyKeyScope,
      eventListInput,
      eventList,
      "The organization's events in the order they committed, oldest first, those the key's scopes may read",
    ),
  },
  /** Who changed what: every change's entry, newest first (admin). */
  audit: {
    list: query(
      'admin',
      auditListInput,
      auditList,
      "The organization's audit trail, newest first: who changed which records and which fields, never the values",
    ),
  },
  /** Who is told of changes: Kardow's subscriptions and Polar's endpoints, their deliveries, and redelivery. */
  webhooks: {
    subscriptions: {
      create: mutation(
        'admin',
        kardowSubscriptionCreateInput,
        kardowSubscriptionCreated,
        'Subscribe a URL to a Kardow event (the same event and URL again returns the existing subscription)',
      ),
      list: query('admin', z.object({}), kardowSubscriptionList, "The organization's Kardow webhook subscriptions"),
      delete: mutation(
        'admin',
        kardowSubscriptionByIdInput,
        kardowSubscription,
        'Remove a Kardow webhook subscription',
      ),
      update: mutation(
        'admin',
        kardowSubscriptionUpdateInput,
        kardowSubscription,
        "Change a Kardow subscription's event, or enable or disable it (the console's; Kardow's API has no such route)",
      ),
      rotateSecret: mutation(
        'admin',
        kardowSubscriptionByIdInput,
        kardowSubscriptionSecret,
        'Give a Kardow subscription a new signing secret, shown in this answer only; the old one signs nothing more',
      ),
    },
    endpoints: {
      create: mutation('admin', webhookEndpointCreateInput, webhookEndpoint, 'Create a webhook endpoint'),
      list: query('admin', webhookEndpointListInput, webhookEndpointList, 'List webhook endpoints'),
      get: query('admin', webhookEndpointByIdInput, webhookEndpoint, 'Get a webhook endpoint'),
      update: mutation('admin', webhookEndpointUpdateInput, webhookEndpoint, 'Update a webhook endpoint'),
      delete: mutation('admin', webhookEndpointByIdInput, deletedRecord, 'Delete a webhook endpoint'),
      resetSecret: mutation('admin', webhookEndpointByIdInput, webhookEndpoint, "Reset a webhook endpoint's secret"),
    },
    deliveries: {
      list: query('admin', webhookDeliveryListInput, webhookDeliveryList, 'List webhook delivery attempts'),
      recent: query(
        'admin',
        recentDeliveriesInput,
        z.array(deliverySummary),
        "The latest 100 deliveries to the organization's Kardow subscriptions and Polar endpoints, newest first",
      ),
      get: query(
        'admin',
        deliveryByIdInput,
        deliveryDetail,
        'One delivery of either surface: the payload sent, and every attempt with the answer the receiver gave',
      ),
    },
    events: {
      redeliver: mutation(
        'admin',
        webhookEventRedeliverInput,
        webhookRedelivery,
        'Deliver a webhook event again to its endpoints',
      ),
    },
  },
} satisfies ProcedureTree;

export type Procedures = typeof procedures;
export type ProcedurePath = ProcedurePathIn<Procedures>;
export type ProcedureAt<TPath extends ProcedurePath> = ProcedureAtPath<Procedures, TPath>;

/** The leaf at a dotted path of a tree of procedures (contracts here; the server's implementations too). */
export function leafAt<Leaf extends object>(tree: object, path: string, isLeaf: (node: object) => node is Leaf): Leaf {
  let node: object = tree;
  for (const key of path.split('.')) {
    const child: unknown = isLeaf(node) ? undefined : Reflect.get(node, key);
    if (typeof child !== 'object' || child === null) throw new Error(`No procedure ${path}`);
    node = child;
  }
  if (!isLeaf(node)) throw new Error(`${path} is a group of procedures, not one`);
  return node;
}

/** The contract of the procedure at a dotted path. */
export function procedureAt<TPath extends ProcedurePath>(path: TPath): ProcedureAt<TPath>;
export function procedureAt(path: string): ProcedureContract {
  return leafAt(procedures, path, isProcedureContract);
}

function pathsIn(tree: ProcedureTree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([name, node]) =>
    isProcedureContract(node) ? [`${prefix}${name}`] : pathsIn(node, `${prefix}${name}.`),
  );
}

/** Every procedure's dotted path, in catalogue order (the walk yields exactly the `ProcedurePath` union). */
export const procedurePaths = pathsIn(procedures, '') as readonly ProcedurePath[];

/** Procedures whose result arrives a chunk at a time: the typed client reads them through tRPC's streaming link. */
export const streamedProcedurePaths: readonly ProcedurePath[] = ['customers.export'];

/** The most calls one tRPC batch may carry: the server refuses more, and the client never sends more. */
export const maxTrpcBatchCalls = 50;
