import { z } from 'zod';
import type { Scope } from './enums.js';
import { kardowErrorBody, polarErrorBody, polarValidationErrorBody } from './errors.js';
import { memberAccessInput, memberAccessResult } from './kardow/access.js';
import { memberDetail, memberSyncInput, memberSyncResult } from './kardow/member.js';
import { customer, customerCreateInput, customerList, customerListInput } from './polar/customer.js';
import { polarId } from './polar/fields.js';
import {
  customerMember,
  customerMemberList,
  memberChanges,
  memberCreateInput,
  memberListInput,
} from './polar/member.js';

/**
 * Every REST route: what the OpenAPI document says of it. Polar routes are declared with the camelCase schemas
 * the procedures use and documented in snake_case, as they are served.
 */
export interface RestRoute {
  operationId: string;
  surface: 'kardow' | 'polar';
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI path template. */
  path: string;
  summary: string;
  /** The tRPC procedure the route calls. */
  procedure: string;
  scope: Scope;
  pathParams?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: { status: number; description: string; schema: z.ZodType | null }[];
  errors: number[];
}

const kardowErrors = [400, 401, 403, 404, 409, 413, 422, 429];
const polarErrors = [401, 403, 404, 422, 429];
const data = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

const byExternalQuery = z.object({ customerId: polarId.optional(), externalCustomerId: z.string().optional() });
const listQuery = memberListInput.omit({ customerId: true });
const memberIdParam = { id: polarId };
const nestedParams = { id: polarId };
const nestedMemberParams = { id: polarId, member_id: polarId };
const memberUpdateBody = z.object(memberChanges);
const deleted = [{ status: 204, description: 'Deleted', schema: null }];

export const restRoutes: RestRoute[] = [
  {
    operationId: 'members:sync',
    surface: 'kardow',
    method: 'post',
    path: '/members/sync',
    summary: 'Create or update a member, optionally with a subscription and a payment, in one transaction',
    procedure: 'members.sync',
    scope: 'members:write',
    body: memberSyncInput,
    responses: [
      { status: 201, description: 'Created a member', schema: data(memberSyncResult) },
      { status: 200, description: 'Updated existing member', schema: data(memberSyncResult) },
    ],
    errors: kardowErrors,
  },
  {
    operationId: 'members:lookup',
    surface: 'kardow',
    method: 'get',
    path: '/members/{lookup}',
    summary: 'A member by email or id, with subscriptions and payments',
    procedure: 'members.lookup',
    scope: 'members:read',
    pathParams: { lookup: z.string() },
    responses: [{ status: 200, description: 'The member', schema: data(memberDetail) }],
    errors: [401, 403, 404, 429],
  },
  {
    operationId: 'members:access',
    surface: 'kardow',
    method: 'post',
    path: '/members/access',
    summary: "One lifecycle step on a member's subscription, or deleting the member",
    procedure: 'members.access',
    scope: 'members:write',
    body: memberAccessInput,
    responses: [
      {
        status: 200,
        description: 'The subscription after the step, or what was removed',
        schema: data(memberAccessResult),
      },
    ],
    errors: kardowErrors,
  },
  {
    operationId: 'members:create_member',
    surface: 'polar',
    method: 'post',
    path: '/v1/members/',
    summary: 'Create a member of a customer',
    procedure: 'members.create',
    scope: 'members:write',
    body: memberCreateInput,
    responses: [{ status: 201, description: 'Member created.', schema: customerMember }],
    errors: polarErrors,
  },
  {
    operationId: 'members:list_members',
    surface: 'polar',
    method: 'get',
    path: '/v1/members/',
    summary: 'List members',
    procedure: 'members.list',
    scope: 'members:read',
    query: memberListInput,
    responses: [{ status: 200, description: 'Successful Response', schema: customerMemberList }],
    errors: polarErrors,
  },
  {
    operationId: 'members:get_member',
    surface: 'polar',
    method: 'get',
    path: '/v1/members/{id}',
    summary: 'Get a member',
    procedure: 'members.get',
    scope: 'members:read',
    pathParams: memberIdParam,
    responses: [{ status: 200, description: 'Successful Response', schema: customerMember }],
    errors: polarErrors,
  },
  {
    operationId: 'members:update_member',
    surface: 'polar',
    method: 'patch',
    path: '/v1/members/{id}',
    summary: 'Update a member; role owner transfers ownership',
    procedure: 'members.update',
    scope: 'members:write',
    pathParams: memberIdParam,
    body: memberUpdateBody,
    responses: [{ status: 200, description: 'Member updated.', schema: customerMember }],
    errors: polarErrors,
  },
  {
    operationId: 'members:delete_member',
    surface: 'polar',
    method: 'delete',
    path: '/v1/members/{id}',
    summary: 'Delete a member (soft)',
    procedure: 'members.delete',
    scope: 'members:write',
    pathParams: memberIdParam,
    responses: deleted,
    errors: polarErrors,
  },
  {
    operationId: 'members:get_member_by_external_id',
    surface: 'polar',
    method: 'get',
    path: '/v1/members/external/{external_id}',
    summary: 'Get a member by external id',
    procedure: 'members.getByExternalId',
    scope: 'members:read',
    pathParams: { external_id: z.string() },
    query: byExternalQuery,
    responses: [{ status: 200, description: 'Successful Response', schema: customerMember }],
    errors: polarErrors,
  },
  {
    operationId: 'members:update_member_by_external_id',
    surface: 'polar',
    method: 'patch',
    path: '/v1/members/external/{external_id}',
    summary: 'Update a member by external id',
    procedure: 'members.updateByExternalId',
    scope: 'members:write',
    pathParams: { external_id: z.string() },
    query: byExternalQuery,
    body: memberUpdateBody,
    responses: [{ status: 200, description: 'Member updated.', schema: customerMember }],
    errors: polarErrors,
  },
  {
    operationId: 'members:delete_member_by_external_id',
    surface: 'polar',
    method: 'delete',
    path: '/v1/members/external/{external_id}',
    summary: 'Delete a member by external id',
    procedure: 'members.deleteByExternalId',
    scope: 'members:write',
    pathParams: { external_id: z.string() },
    query: byExternalQuery,
    responses: deleted,
    errors: polarErrors,
  },
  {
    operationId: 'customers:create',
    surface: 'polar',
    method: 'post',
    path: '/v1/customers/',
    summary: 'Create a customer and its owner member',
    procedure: 'customers.create',
    scope: 'customers:write',
    body: customerCreateInput,
    responses: [{ status: 201, description: 'Customer created.', schema: customer }],
    errors: polarErrors,
  },
  {
    operationId: 'customers:list',
    surface: 'polar',
    method: 'get',
    path: '/v1/customers/',
    summary: 'List customers',
    procedure: 'customers.list',
    scope: 'customers:read',
    query: customerListInput,
    responses: [{ status: 200, description: 'Successful Response', schema: customerList }],
    errors: polarErrors,
  },
  {
    operationId: 'customers:get',
    surface: 'polar',
    method: 'get',
    path: '/v1/customers/{id}',
    summary: 'Get a customer',
    procedure: 'customers.get',
    scope: 'customers:read',
    pathParams: { id: polarId },
    responses: [{ status: 200, description: 'Successful Response', schema: customer }],
    errors: polarErrors,
  },
  {
    operationId: 'customers:create_member',
    surface: 'polar',
    method: 'post',
    path: '/v1/customers/{id}/members',
    summary: 'Create a member of this customer',
    procedure: 'members.create',
    scope: 'members:write',
    pathParams: nestedParams,
    body: memberCreateInput.omit({ customerId: true }),
    responses: [{ status: 201, description: 'Member created.', schema: customerMember }],
    errors: polarErrors,
  },
  {
    operationId: 'customers:list_members',
    surface: 'polar',
    method: 'get',
    path: '/v1/customers/{id}/members',
    summary: "List this customer's members",
    procedure: 'members.list',
    scope: 'members:read',
    pathParams: nestedParams,
    query: listQuery,
    responses: [{ status: 200, description: 'Successful Response', schema: customerMemberList }],
    errors: polarErrors,
  },
  {
    operationId: 'customers:get_member',
    surface: 'polar',
    method: 'get',
    path: '/v1/customers/{id}/members/{member_id}',
    summary: 'Get a member of this customer',
    procedure: 'members.get',
    scope: 'members:read',
    pathParams: nestedMemberParams,
    responses: [{ status: 200, description: 'Successful Response', schema: customerMember }],
    errors: polarErrors,
  },
  {
    operationId: 'customers:update_member',
    surface: 'polar',
    method: 'patch',
    path: '/v1/customers/{id}/members/{member_id}',
    summary: 'Update a member of this customer',
    procedure: 'members.update',
    scope: 'members:write',
    pathParams: nestedMemberParams,
    body: memberUpdateBody,
    responses: [{ status: 200, description: 'Member updated.', schema: customerMember }],
    errors: polarErrors,
  },
  {
    operationId: 'customers:delete_member',
    surface: 'polar',
    method: 'delete',
    path: '/v1/customers/{id}/members/{member_id}',
    summary: 'Delete a member of this customer (soft)',
    procedure: 'members.delete',
    scope: 'members:write',
    pathParams: nestedMemberParams,
    responses: deleted,
    errors: polarErrors,
  },
];

/** The error bodies, by surface: what each error status of a route answers with. */
export const errorBodies = {
  kardow: kardowErrorBody,
  polarValidation: polarValidationErrorBody,
  polar: polarErrorBody,
};
