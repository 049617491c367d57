import type { SurfaceName } from '@members/contracts';
import { rawQuery, rowDate, type Database } from '@members/db';

/** A delivery a worker holds, with what sending it needs: the event's body and the endpoint's address and secret. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  payload: string;
  /** When the change that wrote the event committed (near enough): delivery lag runs from here. */
  eventCreatedAt: Date;
  attempts: number;
  firstAttemptedAt: Date | null;
  endpoint: {
    id: string;
    organizationId: number;
    surface: SurfaceName;
    url: string;
    secret: string;
    /** `raw` (the event as is, signed), or `discord`/`slack` (a chat message). */
    format: string;
    enabled: boolean;
    consecutiveFailures: number;
  };
}

export interface ClaimRequest {
  /** Most deliveries to take in all. */
  limit: number;
  /** Most deliveries to take for one endpoint, unless `free` says otherwise. */
  perEndpoint: number;
  /** Endpoints this worker is already sending to: how many more each may take now (0 leaves it out). */
  free: ReadonlyMap<string, number>;
  leaseMs: number;
}

interface ClaimedRow {
  id: string;
  event_id: string;
  type: string;
  payload: string;
  event_created_at: Date | number | string;
  attempts: number;
  first_attempted_at: Date | number | string | null;
  endpoint_id: string;
  organization_id: number;
  surface: SurfaceName;
  url: string;
  secret: string;
  format: string;
  enabled: boolean | number;
  consecutive_failures: number;
}

/**
 * Takes due deliveries under a lease, at most `perEndpoint` (or the endpoint's `free`) for each endpoint, oldest
 * first. A delivery waits while an older one for the same member (or customer) and endpoint is pending, in flight
 * included, so each receiver sees one member's events in order whatever else is in flight to it.
 *
 * On PostgreSQL the rows are locked `FOR UPDATE SKIP LOCKED` with the lease test at the locking level, so that a
 * worker that finds a row another has just leased re-reads it and leaves it; several processes never take the same
 * delivery. On SQLite the one connection runs the worker's statements in turn.
 */
export async function claimDeliveries(db: Database, request: ClaimRequest): Promise<ClaimedDelivery[]> {
  const postgres = db.dialect === 'postgresql';
  const now = new Date();
  const busy = [...request.free];
  const saturated = busy.filter(([, free]) => free <= 0).map(([endpoint]) => endpoint);
  // Each busy endpoint gets its own cap; every other endpoint the full one.
  const capOf = (column: string) =>
    busy.length === 0
      ? 'cast(? as integer)'
      : `case ${column} ${busy.map(() => 'when ? then cast(? as integer)').join(' ')} else cast(? as integer) end`;
  const capParams = [...busy.flat(), request.perEndpoint];
  const skip = (column: string) =>
    saturated.length === 0 ? '' : `and ${column} not in (${saturated.map(() => '?').join(', ')})`;
  const dueDelivery = `d.status = 'pending' and d.next_attempt_at <= ? and (d.leased_until is null or d.leased_until < ?)
        and not exists (
          select 1 from webhook_delivery o
          where o.endpoint_id = d.endpoint_id and o.ordering_key = d.ordering_key and o.status = 'pending'
            and (o.created_at < d.created_at or (o.created_at = d.created_at and o.sequence < d.sequence)))`;
  const lease = new Date(now.getTime() + request.leaseMs);
  const columns = `d.id, d.event_id, e.type, e.payload, e.created_at as event_created_at, d.attempts,
      d.first_attempted_at, p.id as endpoint_id, p.organization_id, p.surface, p.url, p.secret, p.format, p.enabled,
      p.consecutive_failures`;
  const joined = `join webhook_event e on e.id = d.event_id join webhook_endpoint p on p.id = d.endpoint_id`;
  const em = db.fork();

  // Each endpoint's oldest due deliveries are read from the pending index, as many as it has room for, so a claim
  // costs the same whatever the backlog, and a saturated endpoint is not read at all.
  if (postgres) {
    // Leased and read back in one statement: a round trip fewer on the path every delivery takes.
    const rows = await rawQuery<ClaimedRow>(
      em,
      `with leased as (
         update webhook_delivery set leased_until = ? where id in (
           select id from webhook_delivery where id in (
             select picked.id from webhook_endpoint p
             cross join lateral (
               select d.id, d.next_attempt_at, d.created_at, d.sequence from webhook_delivery d
               where d.endpoint_id = p.id and ${dueDelivery}
               order by d.next_attempt_at, d.created_at, d.sequence
               limit ${capOf('p.id')}) picked
             where true ${skip('p.id')}
             order by picked.next_attempt_at, picked.created_at, picked.sequence
             limit ${Number(request.limit)})
           and status = 'pending' and (leased_until is null or leased_until < ?) for update skip locked)
         returning id)
       select ${columns} from leased join webhook_delivery d on d.id = leased.id ${joined}
       order by d.created_at, d.sequence`,
      [lease, now, now, ...capParams, ...saturated, now],
    );
    return rows.map(toClaimed);
  }

  // SQLite has no LATERAL, and a LIMIT there cannot name the outer row: each endpoint's subquery takes the full cap
  // and a busy endpoint's share is cut to its room here.
  const candidates = await rawQuery<{ id: string; endpoint_id: string }>(
    em,
    `select d.id, d.endpoint_id from webhook_endpoint p cross join webhook_delivery d
      where d.id in (
        select d.id from webhook_delivery d where d.endpoint_id = p.id and ${dueDelivery}
        order by d.next_attempt_at, d.created_at, d.sequence limit ${Number(request.perEndpoint)})
      ${skip('p.id')}
      order by d.next_attempt_at, d.created_at, d.sequence
      limit ${Number(request.limit)}`,
    [now, now, ...saturated],
  );
  const taken = new Map<string, number>();
  const chosen = candidates.filter(({ endpoint_id: endpoint }) => {
    const count = (taken.get(endpoint) ?? 0) + 1;
    taken.set(endpoint, count);
    return count <= (request.free.get(endpoint) ?? request.perEndpoint);
  });
  if (chosen.length === 0) return [];
  const leased = await rawQuery<{ id: string }>(
    em,
    `update webhook_delivery set leased_until = ?
      where id in (${chosen.map(() => '?').join(', ')}) and status = 'pending'
        and (leased_until is null or leased_until < ?)
      returning id`,
    [lease, ...chosen.map((row) => row.id), now],
  );
  if (leased.length === 0) return [];
  const rows = await rawQuery<ClaimedRow>(
    em,
    `select ${columns} from webhook_delivery d ${joined}
      where d.id in (${leased.map(() => '?').join(', ')}) order by d.created_at, d.sequence`,
    leased.map((row) => row.id),
  );
  return rows.map(toClaimed);
}

function toClaimed(row: ClaimedRow): ClaimedDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.type,
    payload: row.payload,
    eventCreatedAt: rowDate(row.event_created_at),
    attempts: row.attempts,
    firstAttemptedAt: row.first_attempted_at === null ? null : rowDate(row.first_attempted_at),
    endpoint: {
      id: row.endpoint_id,
      organizationId: row.organization_id,
      surface: row.surface,
      url: row.url,
      secret: row.secret,
      format: row.format,
      enabled: Boolean(row.enabled),
      consecutiveFailures: row.consecutive_failures,
    },
  };
}

/**
 * Extends the leases of the deliveries a worker is sending. Leases are short so that a dead worker's deliveries are
 * sent again within seconds; a live one keeps its own for as long as its receivers take to answer.
 */
export const renewLeases = (db: Database, ids: readonly string[], leaseMs: number) =>
  leaseUntil(db, ids, new Date(Date.now() + leaseMs));

/** Frees the leases of deliveries a stopping worker abandoned: any worker may send them again at once. */
export const releaseLeasesOf = (db: Database, ids: readonly string[]) => leaseUntil(db, ids, null);

async function leaseUntil(db: Database, ids: readonly string[], until: Date | null): Promise<void> {
  // A statement's parameters are bounded (SQLite takes 32,766); a worker holds at most a few hundred.
  for (let start = 0; start < ids.length; start += 500) {
    const batch = ids.slice(start, start + 500);
    await rawQuery(
      db.fork(),
      `update webhook_delivery set leased_until = ? where status = 'pending' and id in (${batch.map(() => '?').join(', ')})`,
      [until, ...batch],
    );
  }
}

/**
 * Frees every lease, for a worker starting on SQLite: one process delivers a SQLite file, so any lease found at
 * start was held by a process that died, and its deliveries are due now rather than when the lease would end.
 */
export async function releaseLeases(db: Database): Promise<number> {
  const freed = await rawQuery<{ id: string }>(
    db.fork(),
    `update webhook_delivery set leased_until = null where status = 'pending' and leased_until is not null returning id`,
    [],
  );
  return freed.length;
}
