import { checkPolarResponse } from './polar-conformance.js';

/** A JSON request to the test server; the body and status as the caller sees them. */
export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function request<T = unknown>(
  url: string,
  init: {
    method?: string;
    key?: string | null;
    bearer?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers['x-api-key'] = init.key;
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.body);
  }
  const method = init.method ?? (body === undefined ? 'GET' : 'POST');
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') ?? true;
  const parsed: unknown = !text ? null : json ? JSON.parse(text) : text;
  checkPolarResponse(method, url, response.status, text ? parsed : undefined);
  return { status: response.status, headers: response.headers, body: parsed as T };
}
