import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook retention: finished deliveries found by age without reading the pending ones, events by age, and the
 * deliveries of an event by event (an event with none left may go). Partial indexes are not expressible in the
 * entities, so they live here alone.
 */
export class Migration20261204010000_webhook_retention extends Migration {
  override up(): void {
    this.addSql(
      `create index webhook_delivery_finished_index on webhook_delivery (created_at) where status <> 'pending';`,
    );
    this.addSql('create index webhook_delivery_event_id_index on webhook_delivery (event_id);');
    this.addSql('create index webhook_event_created_index on webhook_event (created_at);');
  }

  override down(): void {
    this.addSql('drop index webhook_event_created_index;');
    this.addSql('drop index webhook_delivery_event_id_index;');
    this.addSql('drop index webhook_delivery_finished_index;');
  }
}
