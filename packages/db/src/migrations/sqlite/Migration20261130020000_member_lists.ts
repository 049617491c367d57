import { Migration } from '@mikro-orm/migrations';

/** As on PostgreSQL (see its migration of the same name), with SQLite's trigger syntax. */
export class Migration20261130020000_member_lists extends Migration {
  override up(): void {
    this.addSql('create index member_organization_created on member (organization_id, created_at, id);');
    this.addSql('drop index member_organization_id_index;');
    this.addSql(
      'create table member_tally (id integer primary key autoincrement, organization_id integer not null, role text not null, approval_status text not null, delta integer not null);',
    );
    this.addSql('create index member_tally_key on member_tally (organization_id, role, approval_status);');
    this.addSql(`create trigger member_tally_insert after insert on member
begin
  insert into member_tally (organization_id, role, approval_status, delta)
  values (new.organization_id, new.role, new.approval_status, 1);
end;`);
    this.addSql(`create trigger member_tally_delete after delete on member
begin
  insert into member_tally (organization_id, role, approval_status, delta)
  values (old.organization_id, old.role, old.approval_status, -1);
end;`);
    this.addSql(`create trigger member_tally_update after update of role, approval_status, organization_id on member
begin
  insert into member_tally (organization_id, role, approval_status, delta)
  values (old.organization_id, old.role, old.approval_status, -1), (new.organization_id, new.role, new.approval_status, 1);
end;`);
    this.addSql(`insert into member_tally (organization_id, role, approval_status, delta)
      select organization_id, role, approval_status, count(*) from member group by 1, 2, 3;`);
  }

  override down(): void {
    this.addSql('drop trigger member_tally_update;');
    this.addSql('drop trigger member_tally_delete;');
    this.addSql('drop trigger member_tally_insert;');
    this.addSql('drop table member_tally;');
    this.addSql('create index member_organization_id_index on member (organization_id);');
    this.addSql('drop index member_organization_created;');
  }
}
