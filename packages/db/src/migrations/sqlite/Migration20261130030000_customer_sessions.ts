import { Migration } from '@mikro-orm/migrations';

/** As on PostgreSQL (see its migration of the same name). */
export class Migration20261130030000_customer_sessions extends Migration {
  override up(): void {
    this.addSql(
      `create table customer_session (id text not null primary key, organization_id integer not null references organization (id) on update cascade, customer_id text not null, member_id text not null, token_hash text not null unique, return_url text null, expires_at datetime not null, created_at datetime not null);`,
    );
    this.addSql('create index customer_session_expires_index on customer_session (expires_at);');
    this.addSql('alter table api_key add column last_used_at datetime null;');
  }

  override down(): void {
    this.addSql('alter table api_key drop column last_used_at;');
    this.addSql('drop table customer_session;');
  }
}
