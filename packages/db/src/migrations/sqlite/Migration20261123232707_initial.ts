import { Migration } from '@mikro-orm/migrations';

export class Migration20261123232707_initial extends Migration {
  override up(): void {
    this.addSql(
      `create table \`organization\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`default_approval_status\` text check (\`default_approval_status\` in ('approved', 'pending', 'rejected')) not null default 'approved', \`created_at\` datetime not null);`,
    );

    this.addSql(
      `create table \`member\` (\`id\` text not null, \`organization_id\` integer not null, \`email\` text not null, \`name\` text not null, \`role\` text check (\`role\` in ('employee', 'business', 'both', 'jobseeker', 'employer')) not null, \`approval_status\` text check (\`approval_status\` in ('approved', 'pending', 'rejected')) not null, \`profile_picture\` text null, \`description\` text null, \`custom_fields\` json null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`member_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`member_organization_id_index\` on \`member\` (\`organization_id\`);`);
    this.addSql(
      `create unique index \`member_organization_email_unique\` on \`member\` (\`organization_id\`, \`email\`);`,
    );

    this.addSql(
      `create table \`api_key\` (\`id\` text not null, \`organization_id\` integer not null, \`name\` text null, \`key_hash\` text not null, \`scopes\` json not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, constraint \`api_key_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`api_key_organization_id_index\` on \`api_key\` (\`organization_id\`);`);
    this.addSql(`create unique index \`api_key_key_hash_unique\` on \`api_key\` (\`key_hash\`);`);

    this.addSql(
      `create table \`plan\` (\`id\` text not null, \`organization_id\` integer not null, \`name\` text not null, \`stripe_price_id\` text null, \`paypal_plan_id\` text null, \`jobs_included\` integer null, \`created_at\` datetime not null, constraint \`plan_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`plan_organization_id_index\` on \`plan\` (\`organization_id\`);`);
    this.addSql(`create unique index \`plan_organization_name_unique\` on \`plan\` (\`organization_id\`, \`name\`);`);
    this.addSql(
      `create unique index \`plan_organization_stripe_price_unique\` on \`plan\` (\`organization_id\`, \`stripe_price_id\`);`,
    );
    this.addSql(
      `create unique index \`plan_organization_paypal_plan_unique\` on \`plan\` (\`organization_id\`, \`paypal_plan_id\`);`,
    );

    this.addSql(
      `create table \`payment\` (\`id\` text not null, \`organization_id\` integer not null, \`member_id\` text not null, \`job_id\` text not null, \`plan_id\` text null, \`amount\` numeric(19,4) not null, \`currency\` text not null, \`status\` text check (\`status\` in ('pending', 'completed', 'failed', 'refunded')) not null, \`payment_provider\` text null, \`stripe_session_id\` text null, \`stripe_payment_intent_id\` text null, \`metadata\` json null, \`created_at\` datetime not null, constraint \`payment_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`payment_member_id_foreign\` foreign key(\`member_id\`) references \`member\`(\`id\`) on delete cascade on update cascade, constraint \`payment_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`payment_organization_id_index\` on \`payment\` (\`organization_id\`);`);
    this.addSql(`create index \`payment_member_id_index\` on \`payment\` (\`member_id\`);`);
    this.addSql(`create index \`payment_plan_id_index\` on \`payment\` (\`plan_id\`);`);
    this.addSql(
      `create unique index \`payment_organization_intent_unique\` on \`payment\` (\`organization_id\`, \`stripe_payment_intent_id\`);`,
    );
    this.addSql(
      `create unique index \`payment_organization_session_unique\` on \`payment\` (\`organization_id\`, \`stripe_session_id\`);`,
    );

    this.addSql(
      `create table \`subscription\` (\`id\` text not null, \`organization_id\` integer not null, \`member_id\` text not null, \`plan_id\` text not null, \`status\` text check (\`status\` in ('active', 'trialing', 'past_due', 'canceled', 'expired')) not null, \`stripe_subscription_id\` text null, \`current_period_start\` datetime null, \`current_period_end\` datetime null, \`cancel_at\` datetime null, \`canceled_at\` datetime null, \`jobs_remaining\` integer null, \`metadata\` json null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`subscription_organization_id_foreign\` foreign key(\`organization_id\`) references \`organization\`(\`id\`) on update cascade, constraint \`subscription_member_id_foreign\` foreign key(\`member_id\`) references \`member\`(\`id\`) on delete cascade on update cascade, constraint \`subscription_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`subscription_organization_id_index\` on \`subscription\` (\`organization_id\`);`);
    this.addSql(`create index \`subscription_member_id_index\` on \`subscription\` (\`member_id\`);`);
    this.addSql(`create index \`subscription_plan_id_index\` on \`subscription\` (\`plan_id\`);`);
    this.addSql(
      `create unique index \`subscription_organization_stripe_unique\` on \`subscription\` (\`organization_id\`, \`stripe_subscription_id\`);`,
    );
  }
}
