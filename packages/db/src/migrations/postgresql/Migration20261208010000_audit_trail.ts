import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail: an entry for every change, written in the change's transaction, kept `AUDIT_RETENTION_DAYS`.
 * Entries hold ids and field names, never values, so an erasure leaves them be. `records` is jsonb with a GIN index,
 * for the trail of one record (`records @> '[{"id": …}]'`). No index on `at`: ids follow time, and retention prunes
 * from the oldest id. Nothing earlier is there to move: the trail starts empty.
 */
export class Migration20261208010000_audit_trail extends Migration {
  override up(): void {
    this.addSql(`create table audit_entry (
  id bigserial primary key,
  organization_id int not null,
  at timestamptz not null default now(),
  actor_kind varchar(16) not null,
  actor_id varchar(255) null,
  actor_name varchar(255) null,
  surface varchar(16) not null,
  request_id varchar(128) null,
  procedure varchar(100) not null,
  records jsonb not null,
  fields jsonb not null
);`);
    this.addSql('create index audit_entry_trail on audit_entry (organization_id, id);');
    this.addSql('create index audit_entry_records on audit_entry using gin (records jsonb_path_ops);');
  }

  override down(): void {
    this.addSql('drop table audit_entry;');
  }
}
