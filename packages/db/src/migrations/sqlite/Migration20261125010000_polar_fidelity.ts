import { Migration } from '@mikro-orm/migrations';

/**
 * Organizations get a uuid4 public id; customers are deleted softly, freeing their external id. SQLite cannot add a
 * NOT NULL column to rows that exist without a rebuild, so the column stays nullable here; every organization is
 * created with one, and existing ones get a random version-4 uuid below.
 */
export class Migration20261125010000_polar_fidelity extends Migration {
  override up(): void {
    this.addSql(`alter table \`organization\` add column \`public_id\` text null;`);
    this.addSql(
      `update \`organization\` set \`public_id\` = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));`,
    );
    this.addSql(`create unique index \`organization_public_id_unique\` on \`organization\` (\`public_id\`);`);

    this.addSql(`alter table \`customer\` add column \`deleted_at\` datetime null;`);
    this.addSql(`drop index \`customer_organization_external_id_unique\`;`);
    this.addSql(
      `create unique index customer_external_id_unique on customer (organization_id, external_id) where deleted_at is null;`,
    );
    this.addSql(
      `create index \`customer_organization_created_index\` on \`customer\` (\`organization_id\`, \`created_at\`);`,
    );
  }
}
