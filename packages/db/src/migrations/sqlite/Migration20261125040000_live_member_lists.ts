import { Migration } from '@mikro-orm/migrations';

/** As on PostgreSQL (see its migration of the same name), with SQLite's trigger syntax. */
export class Migration20261125040000_live_member_lists extends Migration {
  override up(): void {
    this.addSql(
      'create index customer_member_live_by_organization on customer_member (organization_id, created_at, id) where deleted_at is null;',
    );
    this.addSql(
      'create index customer_member_live_by_customer on customer_member (organization_id, customer_id, created_at, id) where deleted_at is null;',
    );
    this.addSql('drop index customer_member_organization_created_index;');

    this.addSql(
      'create table customer_member_tally (id integer primary key autoincrement, organization_id integer not null, customer_key text not null, role text not null, delta integer not null);',
    );
    this.addSql('create index customer_member_tally_key on customer_member_tally (organization_id, customer_key, role);');
    this.addSql(`create trigger customer_member_tally_insert after insert on customer_member when new.deleted_at is null
begin
  insert into customer_member_tally (organization_id, customer_key, role, delta)
  values (new.organization_id, new.customer_id, new.role, 1), (new.organization_id, '*', new.role, 1);
end;`);
    this.addSql(`create trigger customer_member_tally_delete after delete on customer_member when old.deleted_at is null
begin
  insert into customer_member_tally (organization_id, customer_key, role, delta)
  values (old.organization_id, old.customer_id, old.role, -1), (old.organization_id, '*', old.role, -1);
end;`);
    this.addSql(`create trigger customer_member_tally_update after update of deleted_at, role, customer_id on customer_member
begin
  insert into customer_member_tally (organization_id, customer_key, role, delta)
  select old.organization_id, old.customer_id, old.role, -1 where old.deleted_at is null
  union all select old.organization_id, '*', old.role, -1 where old.deleted_at is null
  union all select new.organization_id, new.customer_id, new.role, 1 where new.deleted_at is null
  union all select new.organization_id, '*', new.role, 1 where new.deleted_at is null;
end;`);
    this.addSql(`insert into customer_member_tally (organization_id, customer_key, role, delta)
      select organization_id, customer_id, role, count(*) from customer_member where deleted_at is null group by 1, 2, 3
      union all
      select organization_id, '*', role, count(*) from customer_member where deleted_at is null group by 1, 2, 3;`);
  }

  override down(): void {
    this.addSql('drop trigger customer_member_tally_update;');
    this.addSql('drop trigger customer_member_tally_delete;');
    this.addSql('drop trigger customer_member_tally_insert;');
    this.addSql('drop table customer_member_tally;');
    this.addSql('create index customer_member_organization_created_index on customer_member (organization_id, created_at);');
    this.addSql('drop index customer_member_live_by_customer;');
    this.addSql('drop index customer_member_live_by_organization;');
  }
}
