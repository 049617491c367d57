import { Migration } from '@mikro-orm/migrations';

export class Migration20261125020000_idempotency_keys extends Migration {
  override up(): void {
    this.addSql(
      `create table "idempotency_key" ("id" uuid not null, "caller_hash" varchar(64) not null, "key" varchar(255) not null, "fingerprint" varchar(64) not null, "status_code" int null, "response_body" text null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "idempotency_key_expires_at_index" on "idempotency_key" ("expires_at");`);
    this.addSql(
      `alter table "idempotency_key" add constraint "idempotency_key_caller_key_unique" unique ("caller_hash", "key");`,
    );
  }
}
