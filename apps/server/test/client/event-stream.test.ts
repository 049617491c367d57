/**
 * Issue 34: the event log, read a page at a time (`GET /events`, `events.list`) and live (`events.stream`, a tRPC
 * subscription over SSE through the typed client's `httpSubscriptionLink`), with resume by the last event's id,
 * scopes, and no event lost or told twice while several writers commit at once.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMembersClient, type LoggedEvent, type MembersClient } from '@members/client';
import { until } from '../support/faults.js';
import { request } from '../support/http.js';
import { match } from '../support/matchers.js';
import { createTenant, startServer, type Tenant, type TestServer } from '../support/server.js';

let server: TestServer;
let tenant: Tenant;
let client: MembersClient;

beforeAll(async () => {
  server = await startServer();
  tenant = await createTenant(server.db);
  client = createMembersClient({ url: server.url, apiKey: tenant.key });
});
afterAll(() => server.close());

/** A subscription to `events.stream` that keeps what it receives, in order. */
function follow(from: MembersClient, input: { lastEventId?: string; types?: LoggedEvent['type'][] } = {}) {
  const received: LoggedEvent[] = [];
  const errors: unknown[] = [];
  let started = false;
  const subscription = from.events.stream.subscribe(input, {
    onStarted: () => (started = true),
    onData: ({ data }) => received.push(data),
    onError: (error) => errors.push(error),
  });
  return {
    received,
    errors,
    started: () => until(() => started, 10_000, 'the stream to start'),
    stop: () => subscription.unsubscribe(),
  };
}

/**
 * A TCP line to the server that can be cut: every connection through it dropped, and new ones refused, until it is
 * restored. What a client's stream meets when a proxy restarts or a laptop changes networks.
 */
async function cuttableLine(port: string) {
  const open = new Set<Socket>();
  let down = false;
  let connections = 0;
  const line = createNetServer((client) => {
    if (down) return client.destroy();
    connections++;
    const upstream = connect(Number(port), '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => line.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(line.address() as AddressInfo).port}`,
    connections: () => connections,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore: () => (down = false),
    close() {
      for (const socket of open) socket.destroy();
      line.close();
    },
  };
}

const syncNew = (prefix: string) => client.members.sync.mutate({ email: `${prefix}-${randomUUID()}@example.com` });

describe('the event log', () => {
  it('GET /events pages through every change in order, whether or not a webhook subscribes', async () => {
    const tenantOwn = await createTenant(server.db);
    const own = createMembersClient({ url: server.url, apiKey: tenantOwn.key });
    const first = await own.members.sync.mutate({
      email: 'log-1@example.com',
      description: 'Quotes "and" \\ backslashes',
      customFields: { seats: 3, team: 'core', nested: { on: true } },
    });
    const renamed = await own.members.sync.mutate({ email: 'log-1@example.com', name: 'Renamed' });
    // The same values again change nothing, and log nothing.
    await own.members.sync.mutate({ email: 'log-1@example.com', name: 'Renamed' });
    await own.members.sync.mutate({ email: 'log-2@example.com' });

    const page = await request<{ data: LoggedEvent[]; nextCursor: string; hasMore: boolean }>(
      `${server.url}/events?limit=2`,
      { key: tenantOwn.key },
    );
    expect(page.status).toBe(200);
    expect(page.body.data.map((event) => event.type)).toEqual(['user.created', 'user.updated']);
    // Each event carries the member exactly as the sync answered it.
    expect(page.body.data.map((event) => event.data)).toEqual([{ member: first.member }, { member: renamed.member }]);
    expect(page.body.data[0]?.surface).toBe('kardow');
    expect(page.body.hasMore).toBe(true);
    const rest = await request<{ data: LoggedEvent[]; nextCursor: string; hasMore: boolean }>(
      `${server.url}/events?limit=2&after=${page.body.nextCursor}`,
      { key: tenantOwn.key },
    );
    expect(rest.body.data.map((event) => event.type)).toEqual(['user.created']);
    expect(rest.body.hasMore).toBe(false);
    // Read on later from the same cursor: nothing yet, and the cursor stays.
    const later = await own.events.list.query({ after: rest.body.nextCursor });
    expect(later).toEqual({ data: [], nextCursor: rest.body.nextCursor, hasMore: false });

    const filtered = await request<{ data: LoggedEvent[] }>(`${server.url}/events?types=user.updated`, {
      key: tenantOwn.key,
    });
    expect(filtered.body.data.map((event) => event.type)).toEqual(['user.updated']);
    const unknown = await request<{ error: { code: string } }>(`${server.url}/events?after=99999999`, {
      key: tenantOwn.key,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('event_id_expired');
    // Another organization's log is not this one's.
    const elsewhere = await request(`${server.url}/events?after=${page.body.data[0]?.id}`, { key: tenant.key });
    expect(elsewhere.status).toBe(404);
  });

  it('logs a Polar member with the member as the create answered it', async () => {
    const own = createMembersClient({ url: server.url, apiKey: (await createTenant(server.db)).key });
    const team = await own.customers.create.mutate({ type: 'team', email: `team-${randomUUID()}@example.com` });
    const member = await own.customerMembers.create.mutate({
      customerId: team.id,
      email: `member-${randomUUID()}@example.com`,
      name: 'Logged Member',
      externalId: randomUUID(),
      role: 'billing_manager',
    });
    const logged = await own.events.list.query({ types: ['member.created'] });
    expect(logged.data.map((event) => event.data)).toEqual([
      match.objectContaining({ customerId: team.id, role: 'owner' }),
      member,
    ]);
  });

  it('gives a key only the events its scopes may read', async () => {
    const reader = createMembersClient({ url: server.url, apiKey: await tenant.keyWith(['members:read']) });
    const stream = follow(reader);
    await stream.started();
    const customer = await client.customers.create.mutate({
      type: 'team',
      email: `scoped-${randomUUID()}@example.com`,
    });
    const member = await syncNew('scoped');
    await until(
      () => stream.received.some((event) => event.type === 'user.created' && event.data.member.id === member.member.id),
      10_000,
      'the user.created event',
    );
    stream.stop();
    // The customer's owner is a member (members:read); the customer itself needs customers:read.
    expect(stream.received.map((event) => event.type)).toEqual(['member.created', 'user.created']);
    expect(stream.received[0]?.data).toMatchObject({ customerId: customer.id });
    const refused = await request(`${server.url}/events?types=customer.created`, {
      key: await tenant.keyWith(['members:read']),
    });
    expect(refused.status).toBe(403);
  });

  it('streams changes as they commit, and a client back with its last id gets exactly what it missed', async () => {
    const live = follow(client, { types: ['user.created'] });
    await live.started();
    const before = await Promise.all([syncNew('live'), syncNew('live')]);
    await until(() => live.received.length === 2, 10_000, 'two live events');
    live.stop();
    expect(new Set(live.received.map((event) => event.type === 'user.created' && event.data.member.id))).toEqual(
      new Set(before.map((synced) => synced.member.id)),
    );

    const missed = [];
    for (let i = 0; i < 3; i++) missed.push(await syncNew('missed'));
    const back = follow(client, { types: ['user.created'], lastEventId: live.received.at(-1)?.id });
    await until(() => back.received.length >= 3, 10_000, 'the missed events');
    const after = await syncNew('after');
    await until(() => back.received.length === 4, 10_000, 'the event after the resume');
    back.stop();
    expect(back.received.map((event) => event.type === 'user.created' && event.data.member.id)).toEqual([
      ...missed.map((synced) => synced.member.id),
      after.member.id,
    ]);
    expect(back.errors).toEqual([]);
  });

  it('brings a client whose connection was cut back from its last id: what was written meanwhile, exactly once', async () => {
    const line = await cuttableLine(new URL(server.url).port);
    try {
      const viaLine = createMembersClient({ url: line.url, apiKey: tenant.key });
      const stream = follow(viaLine, { types: ['user.created'] });
      await stream.started();
      const first = await syncNew('before-cut');
      await until(() => stream.received.length === 1, 10_000, 'the event before the cut');
      // The line goes down and stays down while three changes commit: the client cannot hear of them live.
      line.cut();
      const meanwhile = [];
      for (let i = 0; i < 3; i++) meanwhile.push(await syncNew('during-cut'));
      line.restore();
      await until(() => stream.received.length >= 4, 20_000, 'the events written while the line was down');
      const after = await syncNew('after-cut');
      await until(() => stream.received.length >= 5, 10_000, 'the event after the reconnect');
      stream.stop();
      expect(stream.received.map((event) => event.type === 'user.created' && event.data.member.id)).toEqual(
        [first, ...meanwhile, after].map((synced) => synced.member.id),
      );
      expect(stream.errors).toEqual([]);
      expect(line.connections()).toBeGreaterThan(1);
    } finally {
      line.close();
    }
  });

  it('serves a stream resumed from before an erasure the scrubbed log, not what the process held of it', async () => {
    // A stream that stays open keeps the organization's feed, and what it read, in this process.
    const keeper = follow(client);
    await keeper.started();
    const before = await syncNew('before-erasure');
    const marker = `Erased Name ${randomUUID().slice(0, 8)}`;
    const email = `erased-${randomUUID()}@example.com`;
    const synced = await client.members.sync.mutate({ email, name: marker });
    const erasedOf = (events: LoggedEvent[]) =>
      events.some((event) => event.type === 'user.deleted' && event.data.member.id === synced.member.id);
    await until(() => keeper.received.some((event) => event.type === 'user.created'), 10_000, 'the sync');
    await client.members.erase.mutate({ email });
    await until(() => erasedOf(keeper.received), 10_000, 'the erasure');
    const startId = keeper.received.find(
      (event) => event.type === 'user.created' && event.data.member.id === before.member.id,
    )?.id;
    const resumed = follow(client, startId ? { lastEventId: startId } : {});
    await until(() => erasedOf(resumed.received), 10_000, 'the erasure, resumed');
    keeper.stop();
    resumed.stop();
    const created = resumed.received.find(
      (event) => event.type === 'user.created' && event.data.member.id === synced.member.id,
    );
    expect(created).toBeDefined();
    expect(JSON.stringify(resumed.received)).not.toContain(marker);
    expect(JSON.stringify(resumed.received)).not.toContain(email);
  });

  it('tells a client whose last id the log does not hold to read the state again', async () => {
    const stream = follow(client, { lastEventId: '999999999' });
    await until(() => stream.errors.length > 0, 10_000, 'the refusal');
    stream.stop();
    const refusal = stream.errors[0] as { message: string; data?: { appCode?: string } };
    expect(refusal.message).toMatch(/Read the current state again/);
    expect(refusal.data?.appCode).toBe('event_id_expired');
  });

  it('loses no event and tells none twice while writers commit side by side', async () => {
    const readers = [follow(client, { types: ['user.created'] }), follow(client, { types: ['user.created'] })];
    await Promise.all(readers.map((reader) => reader.started()));
    // Where the late reader below resumes: the last event before the writers start.
    const marker = await syncNew('marker');
    const markerEvent = () =>
      readers[0]?.received.find((event) => event.type === 'user.created' && event.data.member.id === marker.member.id);
    await until(() => markerEvent() !== undefined, 10_000, 'the marker event');
    const start = markerEvent()?.id;
    const writers = 4;
    const each = 25;
    const written = (
      await Promise.all(
        Array.from({ length: writers }, async () => {
          const ids: string[] = [];
          for (let i = 0; i < each; i++) ids.push((await syncNew('gap')).member.id);
          return ids;
        }),
      )
    ).flat();
    const idsAt = (reader: ReturnType<typeof follow>) =>
      reader.received.map((event) => (event.type === 'user.created' ? event.data.member.id : ''));
    const hasAll = (reader: ReturnType<typeof follow>) => {
      const ids = new Set(idsAt(reader));
      return written.every((id) => ids.has(id));
    };
    for (const reader of readers) await until(() => hasAll(reader), 20_000, 'every event at every reader');
    const resume = { types: ['user.created' as const], ...(start ? { lastEventId: start } : {}) };
    // A late reader resuming from before the writes while the others follow takes them from the process's feed...
    const late = follow(client, resume);
    await until(() => hasAll(late), 20_000, 'every event at the late reader');
    for (const reader of [...readers, late]) reader.stop();
    // ...and one resuming after every stream has gone (the feed is new, and holds nothing so old) reads the log.
    const fromLog = follow(client, resume);
    await until(() => hasAll(fromLog), 20_000, 'every event at the reader of the log');
    fromLog.stop();
    const order = idsAt(readers[0] ?? late).filter((id) => written.includes(id));
    for (const reader of [...readers, late, fromLog]) {
      const ids = idsAt(reader).filter((id) => written.includes(id));
      expect(ids).toEqual(order);
      expect(new Set(ids).size).toBe(written.length);
      // Ids grow as the log is read: a reader that has passed one never meets a smaller one.
      const positions = reader.received.map((event) => BigInt(event.id));
      expect(positions.every((id, i) => i === 0 || id > (positions[i - 1] ?? 0n))).toBe(true);
    }
  });

  it.skipIf(!inject('postgresUrl'))(
    'makes a later writer of the same organization wait for the commit of one that took a place before it',
    async () => {
      const reader = follow(client, { types: ['user.created'] });
      await reader.started();
      const template = await syncNew('template');
      await until(() => reader.received.length === 1, 10_000, 'the first event');
      // A writer takes a place in the log and has not committed yet...
      const early = new pg.Client({ connectionString: inject('postgresUrl') ?? '' });
      await early.connect();
      try {
        await early.query('begin');
        const earlyMember = { ...template.member, id: randomUUID(), email: `early-${randomUUID()}@example.com` };
        const payload = { event: 'user.created', timestamp: new Date().toISOString(), data: { member: earlyMember } };
        await early.query(
          `insert into webhook_event (id, organization_id, surface, type, payload, ordering_key, created_at)
           values ($1, $2, 'kardow', 'user.created', $3, $4, now())`,
          [randomUUID(), tenant.organizationId, JSON.stringify(payload), earlyMember.id],
        );
        // ...so a sync's event waits for it: committing first, it would have a later place, which a reader may pass.
        let later: { member: { id: string } } | undefined;
        const syncing = syncNew('later').then((synced) => (later = synced));
        const watcher = new pg.Client({ connectionString: inject('postgresUrl') ?? '' });
        await watcher.connect();
        try {
          const waiting = async () =>
            // The organization's lock on its log (the two-key form: the log's key, then the organization).
            (
              await watcher.query<{ waiting: string }>(
                `select count(*) as waiting from pg_locks where locktype = 'advisory' and not granted
                  and classid = 1163282764 and objid = $1 and objsubid = 2`,
                [tenant.organizationId],
              )
            ).rows[0]?.waiting === '1';
          await until(waiting, 10_000, 'the sync to wait for the earlier writer');
        } finally {
          await watcher.end();
        }
        expect(later).toBeUndefined();
        expect(reader.received).toHaveLength(1);
        await early.query('commit');
        await syncing;
        await until(() => reader.received.length === 3, 10_000, 'both events, in commit order');
        expect(reader.received.slice(1).map((event) => event.type === 'user.created' && event.data.member.id)).toEqual([
          earlyMember.id,
          later?.member.id,
        ]);
      } finally {
        await early.end();
        reader.stop();
      }
    },
  );
});
