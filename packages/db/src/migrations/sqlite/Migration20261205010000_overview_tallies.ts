import { Migration } from '@mikro-orm/migrations';

/** As on PostgreSQL (see its migration of the same name); SQLite keeps datetimes as epoch milliseconds. */
const day = (row: 'new' | 'old' | 'member') =>
  `strftime('%Y-%m-%d', ${row === 'member' ? '' : `${row}.`}created_at / 1000, 'unixepoch')`;

export class Migration20261205010000_overview_tallies extends Migration {
  override up(): void {
    this.addSql(
      'create table member_day_tally (id integer primary key autoincrement, organization_id integer not null, day text not null, delta integer not null);',
    );
    this.addSql('create index member_day_tally_key on member_day_tally (organization_id, day);');
    this.addSql(`create trigger member_day_tally_insert after insert on member
begin
  insert into member_day_tally (organization_id, day, delta) values (new.organization_id, ${day('new')}, 1);
end;`);
    this.addSql(`create trigger member_day_tally_delete after delete on member
begin
  insert into member_day_tally (organization_id, day, delta) values (old.organization_id, ${day('old')}, -1);
end;`);
    this.addSql(`insert into member_day_tally (organization_id, day, delta)
      select organization_id, ${day('member')}, count(*) from member group by 1, 2;`);

    this.addSql(
      'create table subscription_tally (id integer primary key autoincrement, organization_id integer not null, plan_id text not null, status text not null, delta integer not null);',
    );
    this.addSql('create index subscription_tally_key on subscription_tally (organization_id);');
    this.addSql(`create trigger subscription_tally_insert after insert on subscription
begin
  insert into subscription_tally (organization_id, plan_id, status, delta)
  values (new.organization_id, new.plan_id, new.status, 1);
end;`);
    this.addSql(`create trigger subscription_tally_delete after delete on subscription
begin
  insert into subscription_tally (organization_id, plan_id, status, delta)
  values (old.organization_id, old.plan_id, old.status, -1);
end;`);
    this.addSql(`create trigger subscription_tally_update after update of status, plan_id, organization_id on subscription
begin
  insert into subscription_tally (organization_id, plan_id, status, delta)
  values (old.organization_id, old.plan_id, old.status, -1), (new.organization_id, new.plan_id, new.status, 1);
end;`);
    this.addSql(`insert into subscription_tally (organization_id, plan_id, status, delta)
      select organization_id, plan_id, status, count(*) from subscription group by 1, 2, 3;`);

    this.addSql('create index webhook_delivery_endpoint_created on webhook_delivery (endpoint_id, created_at);');
  }

  override down(): void {
    this.addSql('drop index webhook_delivery_endpoint_created;');
    this.addSql('drop trigger subscription_tally_update;');
    this.addSql('drop trigger subscription_tally_delete;');
    this.addSql('drop trigger subscription_tally_insert;');
    this.addSql('drop table subscription_tally;');
    this.addSql('drop trigger member_day_tally_delete;');
    this.addSql('drop trigger member_day_tally_insert;');
    this.addSql('drop table member_day_tally;');
  }
}
