import { Migration } from '@mikro-orm/migrations';

/**
 * Polar's member lists: live members of an organization, or of one of its customers, newest first, with a total.
 * The pages come from partial indexes on exactly that. The totals come from a tally that triggers keep: every
 * change to a live member appends a +1 or -1 row for its customer and for the whole organization (appending takes
 * no lock another writer waits on), and a count reads, then folds, the few rows of its key.
 */
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
      `create table customer_member_tally (id bigserial primary key, organization_id int not null, customer_key varchar(36) not null, role text not null, delta int not null);`,
    );
    this.addSql('create index customer_member_tally_key on customer_member_tally (organization_id, customer_key, role);');
    this.addSql(`create function customer_member_tally() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
    insert into customer_member_tally (organization_id, customer_key, role, delta)
    values (old.organization_id, old.customer_id::text, old.role, -1), (old.organization_id, '*', old.role, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
    insert into customer_member_tally (organization_id, customer_key, role, delta)
    values (new.organization_id, new.customer_id::text, new.role, 1), (new.organization_id, '*', new.role, 1);
  end if;
  return null;
end $$;`);
    this.addSql(
      'create trigger customer_member_tally after insert or delete or update of deleted_at, role, customer_id on customer_member for each row execute function customer_member_tally();',
    );
    this.addSql(`insert into customer_member_tally (organization_id, customer_key, role, delta)
      select organization_id, customer_id::text, role, count(*) from customer_member where deleted_at is null group by 1, 2, 3
      union all
      select organization_id, '*', role, count(*) from customer_member where deleted_at is null group by 1, 2, 3;`);
  }

  override down(): void {
    this.addSql('drop trigger customer_member_tally on customer_member;');
    this.addSql('drop function customer_member_tally();');
    this.addSql('drop table customer_member_tally;');
    this.addSql('create index customer_member_organization_created_index on customer_member (organization_id, created_at);');
    this.addSql('drop index customer_member_live_by_customer;');
    this.addSql('drop index customer_member_live_by_organization;');
  }
}
