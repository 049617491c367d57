import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123232707_initial } from './Migration20261123232707_initial.js';
import { Migration20261123233803_polar_customers } from './Migration20261123233803_polar_customers.js';
import { Migration20261125010000_polar_fidelity } from './Migration20261125010000_polar_fidelity.js';
import { Migration20261125020000_idempotency_keys } from './Migration20261125020000_idempotency_keys.js';
import { Migration20261125030000_webhooks } from './Migration20261125030000_webhooks.js';
import { Migration20261125040000_live_member_lists } from './Migration20261125040000_live_member_lists.js';
import { Migration20261130010000_webhook_delivery_queue } from './Migration20261130010000_webhook_delivery_queue.js';
import { Migration20261130020000_member_lists } from './Migration20261130020000_member_lists.js';
import { Migration20261130030000_customer_sessions } from './Migration20261130030000_customer_sessions.js';
import { Migration20261204010000_webhook_retention } from './Migration20261204010000_webhook_retention.js';
import { Migration20261205010000_overview_tallies } from './Migration20261205010000_overview_tallies.js';
import { Migration20261205020000_customer_email_unique } from './Migration20261205020000_customer_email_unique.js';
import { Migration20261207010000_member_tally_on_change } from './Migration20261207010000_member_tally_on_change.js';
import { Migration20261207020000_event_log } from './Migration20261207020000_event_log.js';
import { Migration20261208010000_audit_trail } from './Migration20261208010000_audit_trail.js';

/** Listed statically so migrations run the same from sources (tests) and from dist (production). */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261123232707_initial', class: Migration20261123232707_initial },
  { name: 'Migration20261123233803_polar_customers', class: Migration20261123233803_polar_customers },
  { name: 'Migration20261125010000_polar_fidelity', class: Migration20261125010000_polar_fidelity },
  { name: 'Migration20261125020000_idempotency_keys', class: Migration20261125020000_idempotency_keys },
  { name: 'Migration20261125030000_webhooks', class: Migration20261125030000_webhooks },
  { name: 'Migration20261125040000_live_member_lists', class: Migration20261125040000_live_member_lists },
  { name: 'Migration20261130010000_webhook_delivery_queue', class: Migration20261130010000_webhook_delivery_queue },
  { name: 'Migration20261130020000_member_lists', class: Migration20261130020000_member_lists },
  { name: 'Migration20261130030000_customer_sessions', class: Migration20261130030000_customer_sessions },
  { name: 'Migration20261204010000_webhook_retention', class: Migration20261204010000_webhook_retention },
  { name: 'Migration20261205010000_overview_tallies', class: Migration20261205010000_overview_tallies },
  { name: 'Migration20261205020000_customer_email_unique', class: Migration20261205020000_customer_email_unique },
  { name: 'Migration20261207010000_member_tally_on_change', class: Migration20261207010000_member_tally_on_change },
  { name: 'Migration20261207020000_event_log', class: Migration20261207020000_event_log },
  { name: 'Migration20261208010000_audit_trail', class: Migration20261208010000_audit_trail },
];
