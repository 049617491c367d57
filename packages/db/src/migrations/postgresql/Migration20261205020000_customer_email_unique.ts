import { Migration } from '@mikro-orm/migrations';

/**
 * A customer's email is unique among its organization's live customers, case-insensitively, as in Polar. A database
 * may already hold customers sharing an email: none is changed or refused. The oldest of each such group keeps
 * `email_duplicate` 0; the others are numbered 1, 2, … in the order they were made, which keeps them apart in the
 * unique index. The server reports them at start and `admin customer duplicates` lists them, for an operator to
 * resolve; a kept duplicate whose email changes takes 0 again.
 */
export class Migration20261205020000_customer_email_unique extends Migration {
  override up(): void {
    this.addSql(
      'alter table customer add column email_key varchar(320) null, add column email_duplicate int not null default 0;',
    );
    this.addSql('update customer set email_key = lower(email) where email is not null;');
    this.addSql(`update customer set email_duplicate = ranked.rank from (
      select id, row_number() over (partition by organization_id, email_key order by created_at, id) - 1 as rank
      from customer where deleted_at is null and email_key is not null) ranked
      where customer.id = ranked.id and ranked.rank > 0;`);
    this.addSql(
      'create unique index customer_email_unique on customer (organization_id, email_key, email_duplicate) where deleted_at is null;',
    );
    // What start-up counts and the admin command lists: the few kept duplicates, without reading every customer.
    this.addSql(
      'create index customer_email_duplicate_index on customer (organization_id) where email_duplicate > 0 and deleted_at is null;',
    );
  }

  override down(): void {
    this.addSql('drop index customer_email_duplicate_index;');
    this.addSql('drop index customer_email_unique;');
    this.addSql('alter table customer drop column email_duplicate, drop column email_key;');
  }
}
