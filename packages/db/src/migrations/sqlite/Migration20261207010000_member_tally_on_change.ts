import { Migration } from '@mikro-orm/migrations';

/** As on PostgreSQL (see its migration of the same name): the update's tally rows only when a counted value changes. */
export class Migration20261207010000_member_tally_on_change extends Migration {
  override up(): void {
    this.addSql('drop trigger member_tally_update;');
    this.addSql(`create trigger member_tally_update after update of role, approval_status, organization_id on member
when old.role is not new.role or old.approval_status is not new.approval_status or old.organization_id is not new.organization_id
begin
  insert into member_tally (organization_id, role, approval_status, delta)
  values (old.organization_id, old.role, old.approval_status, -1), (new.organization_id, new.role, new.approval_status, 1);
end;`);
  }

  override down(): void {
    this.addSql('drop trigger member_tally_update;');
    this.addSql(`create trigger member_tally_update after update of role, approval_status, organization_id on member
begin
  insert into member_tally (organization_id, role, approval_status, delta)
  values (old.organization_id, old.role, old.approval_status, -1), (new.organization_id, new.role, new.approval_status, 1);
end;`);
  }
}
