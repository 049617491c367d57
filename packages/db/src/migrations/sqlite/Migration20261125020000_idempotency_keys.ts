import { Migration } from '@mikro-orm/migrations';

export class Migration20261125020000_idempotency_keys extends Migration {
  override up(): void {
    this.addSql(
      `create table \`idempotency_key\` (\`id\` text not null, \`caller_hash\` text not null, \`key\` text not null, \`fingerprint\` text not null, \`status_code\` integer null, \`response_body\` text null, \`created_at\` datetime not null, \`expires_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`idempotency_key_expires_at_index\` on \`idempotency_key\` (\`expires_at\`);`);
    this.addSql(
      `create unique index \`idempotency_key_caller_key_unique\` on \`idempotency_key\` (\`caller_hash\`, \`key\`);`,
    );
  }
}
