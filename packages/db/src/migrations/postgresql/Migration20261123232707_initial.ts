import { Migration } from '@mikro-orm/migrations';

export class Migration20261123232707_initial extends Migration {
  override up(): void {
    this.addSql(
      `create table "organization" ("id" serial primary key, "name" varchar(256) not null, "default_approval_status" text check ("default_approval_status" in ('approved', 'pending', 'rejected')) not null default 'approved', "created_at" timestamptz not null);`,
    );

    this.addSql(
      `create table "member" ("id" uuid not null, "organization_id" int not null, "email" varchar(320) not null, "name" varchar(256) not null, "role" text check ("role" in ('employee', 'business', 'both', 'jobseeker', 'employer')) not null, "approval_status" text check ("approval_status" in ('approved', 'pending', 'rejected')) not null, "profile_picture" varchar(2048) null, "description" text null, "custom_fields" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "member_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "member" add constraint "member_organization_email_unique" unique ("organization_id", "email");`,
    );

    this.addSql(
      `create table "api_key" ("id" uuid not null, "organization_id" int not null, "name" varchar(256) null, "key_hash" varchar(64) not null, "scopes" jsonb not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(
      `create table "plan" ("id" uuid not null, "organization_id" int not null, "name" varchar(255) not null, "stripe_price_id" varchar(255) null, "paypal_plan_id" varchar(255) null, "jobs_included" int null, "created_at" timestamptz not null, constraint "plan_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "plan" add constraint "plan_organization_name_unique" unique ("organization_id", "name");`,
    );
    this.addSql(
      `alter table "plan" add constraint "plan_organization_stripe_price_unique" unique ("organization_id", "stripe_price_id");`,
    );
    this.addSql(
      `alter table "plan" add constraint "plan_organization_paypal_plan_unique" unique ("organization_id", "paypal_plan_id");`,
    );

    this.addSql(
      `create table "payment" ("id" uuid not null, "organization_id" int not null, "member_id" uuid not null, "job_id" uuid not null, "plan_id" uuid null, "amount" numeric(19,4) not null, "currency" varchar(3) not null, "status" text check ("status" in ('pending', 'completed', 'failed', 'refunded')) not null, "payment_provider" varchar(64) null, "stripe_session_id" varchar(255) null, "stripe_payment_intent_id" varchar(255) null, "metadata" jsonb null, "created_at" timestamptz not null, constraint "payment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "payment_member_id_index" on "payment" ("member_id");`);
    this.addSql(
      `alter table "payment" add constraint "payment_organization_intent_unique" unique ("organization_id", "stripe_payment_intent_id");`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_organization_session_unique" unique ("organization_id", "stripe_session_id");`,
    );

    this.addSql(
      `create table "subscription" ("id" uuid not null, "organization_id" int not null, "member_id" uuid not null, "plan_id" uuid not null, "status" text check ("status" in ('active', 'trialing', 'past_due', 'canceled', 'expired')) not null, "stripe_subscription_id" varchar(255) null, "current_period_start" timestamptz null, "current_period_end" timestamptz null, "cancel_at" timestamptz null, "canceled_at" timestamptz null, "jobs_remaining" int null, "metadata" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "subscription_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "subscription_member_id_index" on "subscription" ("member_id");`);
    this.addSql(
      `alter table "subscription" add constraint "subscription_organization_stripe_unique" unique ("organization_id", "stripe_subscription_id");`,
    );

    this.addSql(
      `alter table "member" add constraint "member_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "api_key" add constraint "api_key_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "plan" add constraint "plan_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "payment" add constraint "payment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "subscription" add constraint "subscription_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "subscription" add constraint "subscription_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "subscription" add constraint "subscription_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade;`,
    );
  }

  override down(): void {
    this.addSql(`alter table "member" drop constraint "member_organization_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_organization_id_foreign";`);

    this.addSql(`alter table "plan" drop constraint "plan_organization_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_organization_id_foreign";`);

    this.addSql(`alter table "subscription" drop constraint "subscription_organization_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_member_id_foreign";`);

    this.addSql(`alter table "subscription" drop constraint "subscription_member_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_plan_id_foreign";`);

    this.addSql(`alter table "subscription" drop constraint "subscription_plan_id_foreign";`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "plan" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "subscription" cascade;`);
  }
}
