import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook delivery at the speed of writes: pending deliveries get an index of their own (the claim reads only them,
 * and succeeded ones pile up beside them). SQLite has no notifications; its one delivering process is woken by the
 * writes it makes itself.
 */
export class Migration20261130010000_webhook_delivery_queue extends Migration {
  override up(): void {
    this.addSql(
      "create index `webhook_delivery_pending_index` on `webhook_delivery` (`endpoint_id`, `next_attempt_at`, `created_at`, `sequence`) where `status` = 'pending';",
    );
    this.addSql(
      "create index `webhook_delivery_pending_order_index` on `webhook_delivery` (`endpoint_id`, `ordering_key`, `created_at`, `sequence`) where `status` = 'pending';",
    );
  }

  override down(): void {
    this.addSql('drop index `webhook_delivery_pending_order_index`;');
    this.addSql('drop index `webhook_delivery_pending_index`;');
  }
}
