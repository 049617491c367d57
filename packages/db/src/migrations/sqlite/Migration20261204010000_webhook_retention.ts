import { Migration } from '@mikro-orm/migrations';

/** As on PostgreSQL (see its migration of the same name); SQLite has indexed deliveries by event from the start. */
export class Migration20261204010000_webhook_retention extends Migration {
  override up(): void {
    this.addSql(
      `create index webhook_delivery_finished_index on webhook_delivery (created_at) where status <> 'pending';`,
    );
    this.addSql('create index webhook_event_created_index on webhook_event (created_at);');
  }

  override down(): void {
    this.addSql('drop index webhook_event_created_index;');
    this.addSql('drop index webhook_delivery_finished_index;');
  }
}
