import { Migration } from '@mikro-orm/migrations';

/**
 * `webhook_event` becomes a log that readers page through by `position`, an event's public id, in an order no commit
 * can break. A position is taken by a trigger under a transaction-level advisory lock on the event's organization,
 * held until the writing transaction ends: within an organization, the transactions that write events reach their
 * commits one after another, in the order of their positions. So a reader that has seen a position has seen every
 * smaller one of its organization that will ever commit, and ids only grow as the log is read. The lock is held
 * from a transaction's first event to its commit (its last statements: the unit of work writes events last);
 * organizations do not wait on each other. Existing events take positions in the order they were written.
 * An insert notifies `event_logged` at commit, so readers hear of new events at once.
 */
export class Migration20261207020000_event_log extends Migration {
  override up(): void {
    this.addSql('create sequence webhook_event_position_seq;');
    this.addSql('alter table webhook_event add column position bigint null;');
    this.addSql(`update webhook_event set position = numbered.position
      from (select id, row_number() over (order by created_at, id) as position from webhook_event) as numbered
      where webhook_event.id = numbered.id;`);
    this.addSql(
      "select setval('webhook_event_position_seq', coalesce((select max(position) from webhook_event), 0) + 1, false);",
    );
    this.addSql('alter table webhook_event alter column position set not null;');
    this.addSql('create unique index webhook_event_position_unique on webhook_event (position);');
    this.addSql('create index webhook_event_log_index on webhook_event (organization_id, position);');
    // An erasure finds the events about its person by their subject: now every change writes one.
    this.addSql('create index webhook_event_subject_index on webhook_event (organization_id, ordering_key);');
    this.addSql(`create function webhook_event_position() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(1163282764, new.organization_id);
  new.position := nextval('webhook_event_position_seq');
  return new;
end $$;`);
    this.addSql(`create trigger webhook_event_position before insert on webhook_event
for each row execute function webhook_event_position();`);
    this.addSql(`create function event_logged() returns trigger language plpgsql as $$
begin
  perform pg_notify('event_logged', '');
  return null;
end $$;`);
    this.addSql(`create trigger event_logged after insert on webhook_event
for each statement execute function event_logged();`);
  }

  override down(): void {
    this.addSql('drop trigger event_logged on webhook_event;');
    this.addSql('drop function event_logged();');
    this.addSql('drop trigger webhook_event_position on webhook_event;');
    this.addSql('drop function webhook_event_position();');
    this.addSql('drop index webhook_event_subject_index;');
    this.addSql('drop index webhook_event_log_index;');
    this.addSql('drop index webhook_event_position_unique;');
    this.addSql('alter table webhook_event drop column position;');
    this.addSql('drop sequence webhook_event_position_seq;');
  }
}
