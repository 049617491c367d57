import { Migration } from '@mikro-orm/migrations';

export class Migration20261125030000_webhooks extends Migration {

  override up(): void {
    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "organization_id" int not null, "surface" text check ("surface" in ('kardow', 'polar')) not null, "url" varchar(2083) not null, "name" varchar(256) null, "format" varchar(16) not null, "events" jsonb not null, "secret" varchar(256) not null, "enabled" boolean not null, "consecutive_failures" int not null, "created_at" timestamptz not null, "modified_at" timestamptz null, constraint "webhook_endpoint_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_organization_index" on "webhook_endpoint" ("organization_id", "surface");`);

    this.addSql(`create table "webhook_event" ("id" uuid not null, "organization_id" int not null, "surface" text check ("surface" in ('kardow', 'polar')) not null, "type" varchar(64) not null, "payload" text not null, "ordering_key" varchar(64) not null, "created_at" timestamptz not null, constraint "webhook_event_pkey" primary key ("id"));`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "event_id" uuid not null, "endpoint_id" uuid not null, "ordering_key" varchar(64) not null, "sequence" int not null, "status" text check ("status" in ('pending', 'succeeded', 'failed')) not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "leased_until" timestamptz null, "first_attempted_at" timestamptz null, "last_http_code" int null, "created_at" timestamptz not null, "modified_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_due_index" on "webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`create index "webhook_delivery_order_index" on "webhook_delivery" ("endpoint_id", "ordering_key", "created_at");`);

    this.addSql(`create table "webhook_attempt" ("id" uuid not null, "delivery_id" uuid not null, "event_id" uuid not null, "endpoint_id" uuid not null, "organization_id" int not null, "succeeded" boolean not null, "http_code" int null, "response" text null, "duration_ms" int not null, "created_at" timestamptz not null, constraint "webhook_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_attempt_organization_created_index" on "webhook_attempt" ("organization_id", "created_at");`);

    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "webhook_event" add constraint "webhook_event_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "webhook_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_event_id_foreign" foreign key ("event_id") references "webhook_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
  }

  override down(): void {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`alter table "webhook_attempt" drop constraint "webhook_attempt_endpoint_id_foreign";`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_id_foreign";`);

    this.addSql(`alter table "webhook_attempt" drop constraint "webhook_attempt_event_id_foreign";`);

    this.addSql(`alter table "webhook_attempt" drop constraint "webhook_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);

    this.addSql(`drop table if exists "webhook_event" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_attempt" cascade;`);
  }

}
