import { Migration } from '@mikro-orm/migrations';

/**
 * Polar's customer sessions (a member of a customer signed in to the customer portal for an hour, by a token kept
 * only as its hash), and when each API key was last used (null for every existing key until its next request).
 */
export class Migration20261130030000_customer_sessions extends Migration {
  override up(): void {
    this.addSql(
      `create table customer_session (id uuid not null primary key, organization_id int not null references organization (id) on update cascade, customer_id uuid not null, member_id uuid not null, token_hash varchar(64) not null unique, return_url varchar(2083) null, expires_at timestamptz not null, created_at timestamptz not null);`,
    );
    this.addSql('create index customer_session_expires_index on customer_session (expires_at);');
    this.addSql('alter table api_key add column last_used_at timestamptz null;');
  }

  override down(): void {
    this.addSql('alter table api_key drop column last_used_at;');
    this.addSql('drop table customer_session;');
  }
}
