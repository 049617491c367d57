import { Migration } from '@mikro-orm/migrations';

export class Migration20261123233803_polar_customers extends Migration {
  override up(): void {
    this.addSql(
      `create table "customer" ("id" uuid not null, "organization_id" int not null, "type" text check ("type" in ('individual', 'team')) not null, "email" varchar(320) null, "name" varchar(256) null, "external_id" varchar(256) null, "metadata" jsonb not null, "created_at" timestamptz not null, "modified_at" timestamptz null, constraint "customer_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "customer" add constraint "customer_organization_external_id_unique" unique ("organization_id", "external_id");`,
    );

    this.addSql(
      `create table "customer_member" ("id" uuid not null, "organization_id" int not null, "customer_id" uuid not null, "email" varchar(320) not null, "email_key" varchar(320) not null, "name" varchar(256) null, "external_id" varchar(256) null, "role" text check ("role" in ('owner', 'billing_manager', 'member')) not null, "created_at" timestamptz not null, "modified_at" timestamptz null, "deleted_at" timestamptz null, constraint "customer_member_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "customer_member_customer_id_index" on "customer_member" ("customer_id");`);
    this.addSql(
      `create index "customer_member_organization_created_index" on "customer_member" ("organization_id", "created_at");`,
    );
    this.addSql(
      `create unique index customer_member_email_unique on customer_member (customer_id, email_key) where deleted_at is null;`,
    );
    this.addSql(
      `create unique index customer_member_external_id_unique on customer_member (customer_id, external_id) where deleted_at is null;`,
    );
    this.addSql(
      `create unique index customer_member_one_owner on customer_member (customer_id) where role = 'owner' and deleted_at is null;`,
    );

    this.addSql(
      `alter table "customer" add constraint "customer_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "customer_member" add constraint "customer_member_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "customer_member" add constraint "customer_member_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`,
    );
  }

  override down(): void {
    this.addSql(`alter table "customer_member" drop constraint "customer_member_customer_id_foreign";`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "customer_member" cascade;`);
  }
}
