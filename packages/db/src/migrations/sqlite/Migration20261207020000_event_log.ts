import { Migration } from '@mikro-orm/migrations';

/**
 * `webhook_event` becomes a log with a `position` per event (its public id), as on PostgreSQL. SQLite has one writer
 * at a time, so positions taken inside the writing transaction are in commit order; they come from a counter of
 * their own (`event_log_position`), set by a trigger on insert, so pruning old events never lets a position be
 * taken twice. Existing events take positions in the order they were written.
 */
export class Migration20261207020000_event_log extends Migration {
  override up(): void {
    this.addSql('alter table webhook_event add column position integer null;');
    this.addSql(`update webhook_event set position = numbered.position
      from (select id, row_number() over (order by created_at, id) as position from webhook_event) as numbered
      where webhook_event.id = numbered.id;`);
    this.addSql('create unique index webhook_event_position_unique on webhook_event (position);');
    this.addSql('create index webhook_event_log_index on webhook_event (organization_id, position);');
    // An erasure finds the events about its person by their subject: now every change writes one.
    this.addSql('create index webhook_event_subject_index on webhook_event (organization_id, ordering_key);');
    this.addSql(
      'create table event_log_position (id integer not null primary key check (id = 1), last integer not null);',
    );
    this.addSql('insert into event_log_position (id, last) select 1, coalesce(max(position), 0) from webhook_event;');
    this.addSql(`create trigger webhook_event_position after insert on webhook_event for each row
begin
  update event_log_position set last = last + 1;
  update webhook_event set position = (select last from event_log_position) where rowid = new.rowid;
end;`);
  }

  override down(): void {
    this.addSql('drop trigger webhook_event_position;');
    this.addSql('drop table event_log_position;');
    this.addSql('drop index webhook_event_subject_index;');
    this.addSql('drop index webhook_event_log_index;');
    this.addSql('drop index webhook_event_position_unique;');
    this.addSql('alter table webhook_event drop column position;');
  }
}
