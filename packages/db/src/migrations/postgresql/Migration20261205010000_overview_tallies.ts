import { Migration } from '@mikro-orm/migrations';

/**
 * The console's overview, each figure from a few rows whatever the organization's size: new members per UTC day
 * (`member_day_tally`) and subscriptions by plan and status (`subscription_tally`) are kept by triggers as +1/-1 rows,
 * as `member_tally` is, and folded when crowded; webhook health reads the last day of deliveries through an index by
 * endpoint and time. Existing rows are counted in here.
 */
export class Migration20261205010000_overview_tallies extends Migration {
  override up(): void {
    this.addSql(
      'create table member_day_tally (id bigserial primary key, organization_id int not null, day text not null, delta int not null);',
    );
    this.addSql('create index member_day_tally_key on member_day_tally (organization_id, day);');
    this.addSql(`create function member_day_tally() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into member_day_tally (organization_id, day, delta)
    values (old.organization_id, to_char(old.created_at at time zone 'UTC', 'YYYY-MM-DD'), -1);
  else
    insert into member_day_tally (organization_id, day, delta)
    values (new.organization_id, to_char(new.created_at at time zone 'UTC', 'YYYY-MM-DD'), 1);
  end if;
  return null;
end $$;`);
    this.addSql(
      'create trigger member_day_tally after insert or delete on member for each row execute function member_day_tally();',
    );
    this.addSql(`insert into member_day_tally (organization_id, day, delta)
      select organization_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD'), count(*) from member group by 1, 2;`);

    this.addSql(
      'create table subscription_tally (id bigserial primary key, organization_id int not null, plan_id uuid not null, status text not null, delta int not null);',
    );
    this.addSql('create index subscription_tally_key on subscription_tally (organization_id);');
    this.addSql(`create function subscription_tally() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into subscription_tally (organization_id, plan_id, status, delta)
    values (old.organization_id, old.plan_id, old.status, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into subscription_tally (organization_id, plan_id, status, delta)
    values (new.organization_id, new.plan_id, new.status, 1);
  end if;
  return null;
end $$;`);
    this.addSql(
      'create trigger subscription_tally after insert or delete or update of status, plan_id, organization_id on subscription for each row execute function subscription_tally();',
    );
    this.addSql(`insert into subscription_tally (organization_id, plan_id, status, delta)
      select organization_id, plan_id, status, count(*) from subscription group by 1, 2, 3;`);

    this.addSql('create index webhook_delivery_endpoint_created on webhook_delivery (endpoint_id, created_at);');
  }

  override down(): void {
    this.addSql('drop index webhook_delivery_endpoint_created;');
    this.addSql('drop trigger subscription_tally on subscription;');
    this.addSql('drop function subscription_tally();');
    this.addSql('drop table subscription_tally;');
    this.addSql('drop trigger member_day_tally on member;');
    this.addSql('drop function member_day_tally();');
    this.addSql('drop table member_day_tally;');
  }
}
