import { Migration } from '@mikro-orm/migrations';

/** Organizations get a uuid4 public id; customers are deleted softly, freeing their external id. */
export class Migration20261125010000_polar_fidelity extends Migration {
  override up(): void {
    this.addSql(`alter table "organization" add column "public_id" uuid null;`);
    this.addSql(`update "organization" set "public_id" = gen_random_uuid();`);
    this.addSql(`alter table "organization" alter column "public_id" set not null;`);
    this.addSql(`alter table "organization" add constraint "organization_public_id_unique" unique ("public_id");`);

    this.addSql(`alter table "customer" add column "deleted_at" timestamptz null;`);
    this.addSql(`alter table "customer" drop constraint "customer_organization_external_id_unique";`);
    this.addSql(
      `create unique index customer_external_id_unique on customer (organization_id, external_id) where deleted_at is null;`,
    );
    this.addSql(`create index "customer_organization_created_index" on "customer" ("organization_id", "created_at");`);
  }
}
