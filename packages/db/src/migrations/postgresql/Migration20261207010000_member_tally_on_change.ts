import { Migration } from '@mikro-orm/migrations';

/**
 * The member tally moves on an update only when a counted value changes. Its trigger fired on every update that set
 * role, approval status or organization, so each sync that sent a member's role again wrote a -1 and a +1 row that
 * cancel out (two inserts, and folds sooner). The counts are unchanged by this: those pairs already summed to
 * nothing. Insert and delete keep their trigger; the update has its own, with a WHEN.
 */
export class Migration20261207010000_member_tally_on_change extends Migration {
  override up(): void {
    this.addSql('drop trigger member_tally on member;');
    this.addSql(
      'create trigger member_tally after insert or delete on member for each row execute function member_tally();',
    );
    this.addSql(`create trigger member_tally_update after update of role, approval_status, organization_id on member
      for each row when (old.role is distinct from new.role or old.approval_status is distinct from new.approval_status
        or old.organization_id is distinct from new.organization_id)
      execute function member_tally();`);
  }

  override down(): void {
    this.addSql('drop trigger member_tally_update on member;');
    this.addSql('drop trigger member_tally on member;');
    this.addSql(
      'create trigger member_tally after insert or delete or update of role, approval_status, organization_id on member for each row execute function member_tally();',
    );
  }
}
