import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail, as on PostgreSQL: `at` in epoch milliseconds as MikroORM keeps SQLite's times, `records` and
 * `fields` as JSON text (the trail of one record is read with `json_each`). The id is the rowid, without
 * `autoincrement`, whose counter would be one more row written with every change: ids grow while the trail holds
 * its newest entry, which retention never takes first. The trail starts empty.
 */
export class Migration20261208010000_audit_trail extends Migration {
  override up(): void {
    this.addSql(`create table audit_entry (
  id integer primary key,
  organization_id integer not null,
  at integer not null,
  actor_kind text not null,
  actor_id text null,
  actor_name text null,
  surface text not null,
  request_id text null,
  procedure text not null,
  records text not null,
  fields text not null
);`);
    this.addSql('create index audit_entry_trail on audit_entry (organization_id, id);');
  }

  override down(): void {
    this.addSql('drop table audit_entry;');
  }
}
