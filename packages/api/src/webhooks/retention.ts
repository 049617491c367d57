import { setImmediate as nextTurn } from 'node:timers/promises';
import { holdSqliteWriteLock, rawQuery, type Database } from '@members/db';
import { webhookRowsPruned } from '../metrics.js';

export interface Pruned {
  deliveries: number;
  attempts: number;
  events: number;
  auditEntries: number;
}

const day = 24 * 60 * 60 * 1000;
const placeholders = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

/**
 * Deletes what webhook delivery no longer needs once it is older than `retentionDays`: finished deliveries (succeeded
 * or given up) with their attempts; then the event log's events no delivery refers to, once older than
 * `eventRetentionDays` (the same unless given); then audit entries older than `auditRetentionDays` (365 unless
 * given). Pending deliveries, and so their events, are never touched. It goes
 * `batchSize` rows a transaction, yielding between batches, so that no statement holds the tables (or SQLite's one
 * connection, or the event loop) for long while requests and the worker write.
 */
export async function pruneWebhooks(
  db: Database,
  retentionDays: number,
  {
    now = new Date(),
    batchSize = 500,
    eventRetentionDays = retentionDays,
    auditRetentionDays = 365,
  }: { now?: Date; batchSize?: number; eventRetentionDays?: number; auditRetentionDays?: number } = {},
): Promise<Pruned> {
  const before = new Date(now.getTime() - retentionDays * day);
  const eventsBefore = new Date(now.getTime() - eventRetentionDays * day);
  const pruned: Pruned = { deliveries: 0, attempts: 0, events: 0, auditEntries: 0 };
  for (;;) {
    const done = await db.fork().transactional(async (em) => {
      // It reads the batch, then deletes it: beside a writing server, SQLite needs the write lock from the start.
      if (db.dialect === 'sqlite') await holdSqliteWriteLock(em);
      const ids = (
        await rawQuery<{ id: string }>(
          em,
          `select id from webhook_delivery where status <> 'pending' and created_at < ? limit ${Number(batchSize)}`,
          [before],
        )
      ).map((row) => row.id);
      if (ids.length === 0) return true;
      const attempts = await rawQuery<{ id: string }>(
        em,
        `delete from webhook_attempt where delivery_id in (${placeholders(ids)}) returning id`,
        ids,
      );
      await rawQuery(em, `delete from webhook_delivery where id in (${placeholders(ids)})`, ids);
      pruned.deliveries += ids.length;
      pruned.attempts += attempts.length;
      webhookRowsPruned.inc({ table: 'webhook_delivery' }, ids.length);
      webhookRowsPruned.inc({ table: 'webhook_attempt' }, attempts.length);
      return false;
    });
    if (done) break;
    await nextTurn();
  }
  for (;;) {
    const ids = (
      await rawQuery<{ id: string }>(
        db.fork(),
        `select e.id from webhook_event e where e.created_at < ?
          and not exists (select 1 from webhook_delivery d where d.event_id = e.id) limit ${Number(batchSize)}`,
        [eventsBefore],
      )
    ).map((row) => row.id);
    if (ids.length === 0) break;
    // A delivery written for the event since it was read keeps it: the test is made again as it is deleted.
    const deleted = await rawQuery<{ id: string }>(
      db.fork(),
      `delete from webhook_event where id in (${placeholders(ids)})
        and not exists (select 1 from webhook_delivery d where d.event_id = webhook_event.id) returning id`,
      ids,
    );
    pruned.events += deleted.length;
    webhookRowsPruned.inc({ table: 'webhook_event' }, deleted.length);
    await nextTurn();
  }
  // Ids follow time: the oldest entries are the lowest ids, read from the primary key, a batch at a time while the
  // oldest is past its days.
  const auditBefore = new Date(now.getTime() - auditRetentionDays * day);
  for (;;) {
    const deleted = await rawQuery<{ id: string }>(
      db.fork(),
      `delete from audit_entry where id in (select id from audit_entry order by id limit ${Number(batchSize)})
        and at < ? returning id`,
      [auditBefore],
    );
    pruned.auditEntries += deleted.length;
    webhookRowsPruned.inc({ table: 'audit_entry' }, deleted.length);
    if (deleted.length < batchSize) break;
    await nextTurn();
  }
  return pruned;
}
