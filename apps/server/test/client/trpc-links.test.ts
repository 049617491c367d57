/**
 * Every official link of `@trpc/client` 11 against `/trpc`, as an app that builds its own client (rather than
 * `createMembersClient`) would use them: each carries queries and mutations, and each brings errors with the same
 * `data` (code, HTTP status, app code, issues); `httpSubscriptionLink` follows the event stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCLink,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import type { MembersRouter } from '@members/client';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';
import { until } from '../support/faults.js';
import { rejection } from '../support/trpc.js';

let server: TestServer;
let tenant: Tenant;
/** Every HTTP request the links made: method and URL. */
const sent: { method: string; url: string }[] = [];

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
});
afterAll(() => server.close());

const recordingFetch: typeof fetch = (input, init) => {
  sent.push({ method: init?.method ?? 'GET', url: input instanceof Request ? input.url : String(input) });
  return fetch(input, init);
};

interface LinkOptions {
  url: string;
  headers: Record<string, string>;
}

const clientWith = (link: (options: LinkOptions) => TRPCLink<MembersRouter>) =>
  createTRPCClient<MembersRouter>({
    links: [link({ url: `${server.url}/trpc`, headers: { 'x-api-key': tenant.key } })],
  });

const links = {
  httpLink: (options: LinkOptions) => httpLink<MembersRouter>({ ...options, fetch: recordingFetch }),
  'httpLink, methodOverride POST': (options: LinkOptions) =>
    httpLink<MembersRouter>({ ...options, methodOverride: 'POST', fetch: recordingFetch }),
  httpBatchLink: (options: LinkOptions) => httpBatchLink<MembersRouter>({ ...options, fetch: recordingFetch }),
  httpBatchStreamLink: (options: LinkOptions) =>
    httpBatchStreamLink<MembersRouter>({ ...options, fetch: recordingFetch }),
};

describe.each(Object.entries(links))('%s', (name, link) => {
  it('syncs a member and reads it back', async () => {
    const client = clientWith(link);
    const email = `${name.replace(/\W+/g, '-').toLowerCase()}@links.test`;
    const synced = await client.members.sync.mutate({ email, name: 'Linked' });
    expect(synced.member.email).toBe(email);
    const [found, key] = await Promise.all([
      client.members.lookup.query({ lookup: email }),
      client.apiKeys.current.query({}),
    ]);
    expect(found.member.id).toBe(synced.member.id);
    expect(key.apiKey.scopes.length).toBeGreaterThan(0);
  });

  it('brings errors with their code, HTTP status, app code and issues', async () => {
    const client = clientWith(link);
    const invalid = await rejection(client.members.sync.mutate({ email: 'not-an-email' }));
    expect(invalid.data).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      httpStatus: 422,
      appCode: 'validation_failed',
    });
    expect(invalid.data?.issues.map((issue) => issue.path.join('.'))).toEqual(['email']);
    const missing = await rejection(client.members.lookup.query({ lookup: 'nobody@links.test' }));
    expect(missing.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404, appCode: 'not_found' });
  });
});

describe('link options', () => {
  it('methodOverride POST sends queries as POST', async () => {
    const client = clientWith(links['httpLink, methodOverride POST']);
    sent.length = 0;
    await client.apiKeys.current.query({});
    expect(sent).toEqual([{ method: 'POST', url: expect.stringContaining('/trpc/apiKeys.current') as string }]);
  });

  it('httpBatchLink splits a batch whose URL would pass maxURLLength', async () => {
    const client = clientWith((options) =>
      httpBatchLink<MembersRouter>({ ...options, maxURLLength: 300, fetch: recordingFetch }),
    );
    sent.length = 0;
    const lookups = Array.from({ length: 6 }, (_, i) => `batch-${i}-${'x'.repeat(40)}@links.test`);
    const answers = await Promise.allSettled(lookups.map((lookup) => client.members.lookup.query({ lookup })));
    expect(answers.map((answer) => answer.status)).toEqual(lookups.map(() => 'rejected'));
    expect(sent.length).toBeGreaterThan(1);
    for (const request of sent) expect(request.url.length).toBeLessThanOrEqual(300);
  });

  it('aborts a call through its signal', async () => {
    const client = clientWith(links.httpLink);
    const controller = new AbortController();
    const call = client.members.lookup.query({ lookup: 'anyone@links.test' }, { signal: controller.signal });
    controller.abort();
    const error = await rejection(call);
    expect(error.cause?.name).toBe('AbortError');
  });
});

describe('httpSubscriptionLink', () => {
  it('follows events.stream over SSE, the key sent as a header, and brings refusals with their app code', async () => {
    const headers = { 'x-api-key': tenant.key };
    const withKey: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } });
    const client = createTRPCClient<MembersRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({
            url: `${server.url}/trpc`,
            EventSource,
            eventSourceOptions: () => ({ fetch: withKey }),
          }),
          false: httpLink({ url: `${server.url}/trpc`, headers }),
        }),
      ],
    });
    const received: string[] = [];
    let started = false;
    const subscription = client.events.stream.subscribe(
      { types: ['user.created'] },
      {
        onStarted: () => (started = true),
        onData: ({ data }) => received.push(data.type === 'user.created' ? data.data.member.email : data.type),
      },
    );
    await until(() => started, 10_000, 'the stream to start');
    await client.members.sync.mutate({ email: 'subscribed@links.test' });
    await until(() => received.length === 1, 10_000, 'the event');
    subscription.unsubscribe();
    expect(received).toEqual(['subscribed@links.test']);

    const errors: unknown[] = [];
    const refused = client.events.stream.subscribe({ lastEventId: '999999999' }, { onError: (e) => errors.push(e) });
    await until(() => errors.length === 1, 10_000, 'the refusal');
    refused.unsubscribe();
    expect((errors[0] as { data?: { appCode?: string; httpStatus?: number } }).data).toMatchObject({
      appCode: 'event_id_expired',
      httpStatus: 404,
    });
  });
});

describe('createTRPCOptionsProxy of @trpc/tanstack-react-query', () => {
  it("gives TanStack Query options that call the procedures, keyed by the procedure's path and input", async () => {
    const queryClient = new QueryClient();
    const trpc = createTRPCOptionsProxy<MembersRouter>({ client: clientWith(links.httpBatchLink), queryClient });
    const synced = await queryClient
      .getMutationCache()
      .build(queryClient, trpc.members.sync.mutationOptions())
      .execute({ email: 'tanstack@links.test' });
    const lookup = trpc.members.lookup.queryOptions({ lookup: 'tanstack@links.test' });
    expect(lookup.queryKey).toEqual([
      ['members', 'lookup'],
      { input: { lookup: 'tanstack@links.test' }, type: 'query' },
    ]);
    const found = await queryClient.fetchQuery(lookup);
    expect(found.member.id).toBe(synced.member.id);
    expect(queryClient.getQueryData(lookup.queryKey)?.member.email).toBe('tanstack@links.test');
  });
});
