import { Migration } from '@mikro-orm/migrations';

/**
 * Kardow's member list (`GET /members`): an organization's members newest first, a cursor page at a time, from an
 * index on exactly that order, with a total from a tally that triggers keep per organization, role and approval
 * status (as `customer_member_tally` does for Polar's lists). Existing members are counted into the tally here.
 */
export class Migration20261130020000_member_lists extends Migration {
  override up(): void {
    this.addSql('create index member_organization_created on member (organization_id, created_at, id);');
    this.addSql(
      'create table member_tally (id bigserial primary key, organization_id int not null, role text not null, approval_status text not null, delta int not null);',
    );
    this.addSql('create index member_tally_key on member_tally (organization_id, role, approval_status);');
    this.addSql(`create function member_tally() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into member_tally (organization_id, role, approval_status, delta)
    values (old.organization_id, old.role, old.approval_status, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into member_tally (organization_id, role, approval_status, delta)
    values (new.organization_id, new.role, new.approval_status, 1);
  end if;
  return null;
end $$;`);
    this.addSql(
      'create trigger member_tally after insert or delete or update of role, approval_status, organization_id on member for each row execute function member_tally();',
    );
    this.addSql(`insert into member_tally (organization_id, role, approval_status, delta)
      select organization_id, role, approval_status, count(*) from member group by 1, 2, 3;`);
  }

  override down(): void {
    this.addSql('drop trigger member_tally on member;');
    this.addSql('drop function member_tally();');
    this.addSql('drop table member_tally;');
    this.addSql('drop index member_organization_created;');
  }
}
