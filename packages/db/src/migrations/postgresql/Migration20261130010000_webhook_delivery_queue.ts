import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook delivery at the speed of writes. Pending deliveries get an index of their own (the claim reads only them,
 * and succeeded ones pile up beside them); an insert into `webhook_delivery` notifies `webhook_delivery_due` when its
 * transaction commits, so workers hear of new events at once instead of on their next poll; attempts are indexed by
 * what deletes them by cascade.
 */
export class Migration20261130010000_webhook_delivery_queue extends Migration {
  override up(): void {
    this.addSql(
      `create index webhook_delivery_pending_index on webhook_delivery (endpoint_id, next_attempt_at, created_at, sequence) where status = 'pending';`,
    );
    this.addSql(
      `create index webhook_delivery_pending_order_index on webhook_delivery (endpoint_id, ordering_key, created_at, sequence) where status = 'pending';`,
    );
    this.addSql('create index webhook_attempt_delivery_id_index on webhook_attempt (delivery_id);');
    this.addSql('create index webhook_attempt_endpoint_id_index on webhook_attempt (endpoint_id);');
    this.addSql('create index webhook_attempt_event_id_index on webhook_attempt (event_id);');
    this.addSql(`create function webhook_delivery_due() returns trigger language plpgsql as $$
begin
  perform pg_notify('webhook_delivery_due', '');
  return null;
end $$;`);
    this.addSql(`create trigger webhook_delivery_due after insert on webhook_delivery
for each statement execute function webhook_delivery_due();`);
  }

  override down(): void {
    this.addSql('drop trigger webhook_delivery_due on webhook_delivery;');
    this.addSql('drop function webhook_delivery_due();');
    this.addSql('drop index webhook_attempt_event_id_index;');
    this.addSql('drop index webhook_attempt_endpoint_id_index;');
    this.addSql('drop index webhook_attempt_delivery_id_index;');
    this.addSql('drop index webhook_delivery_pending_order_index;');
    this.addSql('drop index webhook_delivery_pending_index;');
  }
}
