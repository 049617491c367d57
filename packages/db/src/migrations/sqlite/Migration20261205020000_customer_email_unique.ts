import { Migration } from '@mikro-orm/migrations';

/**
 * As on PostgreSQL (see its migration of the same name). SQLite's `lower` folds ASCII only, which is every email
 * the contracts accept.
 */
export class Migration20261205020000_customer_email_unique extends Migration {
  override up(): void {
    this.addSql('alter table customer add column email_key text null;');
    this.addSql('alter table customer add column email_duplicate integer not null default 0;');
    this.addSql('update customer set email_key = lower(email) where email is not null;');
    this.addSql(`update customer set email_duplicate = ranked.rank from (
      select id, row_number() over (partition by organization_id, email_key order by created_at, id) - 1 as rank
      from customer where deleted_at is null and email_key is not null) ranked
      where customer.id = ranked.id and ranked.rank > 0;`);
    this.addSql(
      'create unique index customer_email_unique on customer (organization_id, email_key, email_duplicate) where deleted_at is null;',
    );
    this.addSql(
      'create index customer_email_duplicate_index on customer (organization_id) where email_duplicate > 0 and deleted_at is null;',
    );
  }

  override down(): void {
    this.addSql('drop index customer_email_duplicate_index;');
    this.addSql('drop index customer_email_unique;');
    this.addSql('alter table customer drop column email_duplicate;');
    this.addSql('alter table customer drop column email_key;');
  }
}
