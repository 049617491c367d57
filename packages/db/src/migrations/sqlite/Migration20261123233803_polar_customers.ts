import { Migration } from '@mikro-orm/migrations';

export class Migration20261123233803_polar_customers extends Migration {
  override up(): void {
    this.addSql(
      `create table \`customer\` (\`id\` text not null, \`organization_id\` integer not null, \`type\` text check (\`type\` in ('individual', 'team')) not null, \`email\` text null, \`name\` text null, \`external_id\` text null, \`metadata\` json not null, \`created_at\` datetime not null, \`modified_at\` datetime null, constraint \`customer_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`customer_organization_id_index\` on \`customer\` (\`organization_id\`);`);
    this.addSql(
      `create unique index \`customer_organization_external_id_unique\` on \`customer\` (\`organization_id\`, \`external_id\`);`,
    );

    this.addSql(
      `create table \`customer_member\` (\`id\` text not null, \`organization_id\` integer not null, \`customer_id\` text not null, \`email\` text not null, \`email_key\` text not null, \`name\` text null, \`external_id\` text null, \`role\` text check (\`role\` in ('owner', 'billing_manager', 'member')) not null, \`created_at\` datetime not null, \`modified_at\` datetime null, \`deleted_at\` datetime null, constraint \`customer_member_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`customer_member_customer_id_foreign\` foreign key(\`customer_id\`) references \`customer\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`customer_member_organization_id_index\` on \`customer_member\` (\`organization_id\`);`);
    this.addSql(`create index \`customer_member_customer_id_index\` on \`customer_member\` (\`customer_id\`);`);
    this.addSql(
      `create index \`customer_member_organization_created_index\` on \`customer_member\` (\`organization_id\`, \`created_at\`);`,
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
  }
}
