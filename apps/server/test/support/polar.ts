import type { Customer, CustomerMember } from '@members/contracts';
import { request, type Reply } from './http.js';

/** Polar's wire objects, snake_case. */
export interface WireMember {
  id: string;
  created_at: string;
  modified_at: string | null;
  customer_id: string;
  email: string;
  name: string | null;
  external_id: string | null;
  role: CustomerMember['role'];
}
export type WireCustomer = { id: string; type: Customer['type']; external_id: string | null; email: string | null };
export interface WireList<T> {
  items: T[];
  pagination: { total_count: number; max_page: number };
}
export interface PolarValidationBody {
  error: 'RequestValidationError';
  detail: { type: string; loc: (string | number)[]; msg: string; input: unknown }[];
}
export interface PolarErrorBody {
  error: string;
  detail: string;
}

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
