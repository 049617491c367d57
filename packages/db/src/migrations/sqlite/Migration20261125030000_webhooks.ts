import { Migration } from '@mikro-orm/migrations';

export class Migration20261125030000_webhooks extends Migration {

  override up(): void {
    this.addSql(`create table \`webhook_endpoint\` (\`id\` text not null, \`organization_id\` integer not null, \`surface\` text check (\`surface\` in ('kardow', 'polar')) not null, \`url\` text not null, \`name\` text null, \`format\` text not null, \`events\` json not null, \`secret\` text not null, \`enabled\` integer not null, \`consecutive_failures\` integer not null, \`created_at\` datetime not null, \`modified_at\` datetime null, constraint \`webhook_endpoint_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_endpoint_organization_id_index\` on \`webhook_endpoint\` (\`organization_id\`);`);
    this.addSql(`create index \`webhook_endpoint_organization_index\` on \`webhook_endpoint\` (\`organization_id\`, \`surface\`);`);

    this.addSql(`create table \`webhook_event\` (\`id\` text not null, \`organization_id\` integer not null, \`surface\` text check (\`surface\` in ('kardow', 'polar')) not null, \`type\` text not null, \`payload\` text not null, \`ordering_key\` text not null, \`created_at\` datetime not null, constraint \`webhook_event_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_event_organization_id_index\` on \`webhook_event\` (\`organization_id\`);`);

    this.addSql(`create table \`webhook_delivery\` (\`id\` text not null, \`event_id\` text not null, \`endpoint_id\` text not null, \`ordering_key\` text not null, \`sequence\` integer not null, \`status\` text check (\`status\` in ('pending', 'succeeded', 'failed')) not null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`leased_until\` datetime null, \`first_attempted_at\` datetime null, \`last_http_code\` integer null, \`created_at\` datetime not null, \`modified_at\` datetime null, constraint \`webhook_delivery_event_id_foreign\` foreign key(\`event_id\`) references \`webhook_event\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_delivery_endpoint_id_foreign\` foreign key(\`endpoint_id\`) references \`webhook_endpoint\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_delivery_event_id_index\` on \`webhook_delivery\` (\`event_id\`);`);
    this.addSql(`create index \`webhook_delivery_endpoint_id_index\` on \`webhook_delivery\` (\`endpoint_id\`);`);
    this.addSql(`create index \`webhook_delivery_due_index\` on \`webhook_delivery\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`webhook_delivery_order_index\` on \`webhook_delivery\` (\`endpoint_id\`, \`ordering_key\`, \`created_at\`);`);

    this.addSql(`create table \`webhook_attempt\` (\`id\` text not null, \`delivery_id\` text not null, \`event_id\` text not null, \`endpoint_id\` text not null, \`organization_id\` integer not null, \`succeeded\` integer not null, \`http_code\` integer null, \`response\` text null, \`duration_ms\` integer not null, \`created_at\` datetime not null, constraint \`webhook_attempt_delivery_id_foreign\` foreign key(\`delivery_id\`) references \`webhook_delivery\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_attempt_event_id_foreign\` foreign key(\`event_id\`) references \`webhook_event\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_attempt_endpoint_id_foreign\` foreign key(\`endpoint_id\`) references \`webhook_endpoint\`(\`id\`) on delete cascade on update cascade, constraint \`webhook_attempt_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`webhook_attempt_delivery_id_index\` on \`webhook_attempt\` (\`delivery_id\`);`);
    this.addSql(`create index \`webhook_attempt_event_id_index\` on \`webhook_attempt\` (\`event_id\`);`);
    this.addSql(`create index \`webhook_attempt_endpoint_id_index\` on \`webhook_attempt\` (\`endpoint_id\`);`);
    this.addSql(`create index \`webhook_attempt_organization_id_index\` on \`webhook_attempt\` (\`organization_id\`);`);
    this.addSql(`create index \`webhook_attempt_organization_created_index\` on \`webhook_attempt\` (\`organization_id\`, \`created_at\`);`);

  }

}
