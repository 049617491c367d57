import type { RestSchemas } from '@members/client';
import { request, type Reply } from './http.js';

/** Polar's wire objects, snake_case, as the service's own OpenAPI document (and so the client) types them. */
export type WireMember = RestSchemas['CustomerMember'];
export type WireCustomer = RestSchemas['Customer'];
export interface WireList<T> {
  items: T[];
  pagination: RestSchemas['Pagination'];
}
export type PolarValidationBody = RestSchemas['PolarValidationError'];
export type PolarErrorBody = RestSchemas['PolarError'];

export const polar = {
  post: <T>(url: string, key: string | null, body: unknown): Promise<Reply<T>> =>
    request(url, { method: 'POST', bearer: key ?? undefined, body }),
  patch: <T>(url: string, key: string, body: unknown): Promise<Reply<T>> =>
    request(url, { method: 'PATCH', bearer: key, body }),
  get: <T>(url: string, key: string | null): Promise<Reply<T>> => request(url, { bearer: key ?? undefined }),
  delete: <T>(url: string, key: string): Promise<Reply<T>> => request(url, { method: 'DELETE', bearer: key }),
};

export async function createCustomer(
  baseUrl: string,
  key: string,
  body: Record<string, unknown>,
): Promise<WireCustomer> {
  const reply = await polar.post<WireCustomer>(`${baseUrl}/v1/customers/`, key, body);
  if (reply.status !== 201) throw new Error(`customer create: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function addMember(baseUrl: string, key: string, body: Record<string, unknown>): Promise<WireMember> {
  const reply = await polar.post<WireMember>(`${baseUrl}/v1/members`, key, body);
  if (reply.status !== 201) throw new Error(`member create: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}
