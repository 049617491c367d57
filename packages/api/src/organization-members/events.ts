import type { Access, OrganizationMember } from '@members/contracts';
import type { RequestScope } from '../request-scope.js';
import { emitKardow } from '../webhooks/outbox.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `user.created`, or `user.updated` when the member changed (a sync that changes nothing tells nobody). */
export async function reportMemberChange(
  tx: RequestScope,
  before: OrganizationMember | null,
  after: OrganizationMember,
) {
  if (!before) await emitKardow(tx, 'user.created', after.id, { member: after });
  else if (!same(before, after)) await emitKardow(tx, 'user.updated', after.id, { member: after });
}

/** `subscription.created`, `subscription.canceled` when it became canceled, else `subscription.updated`. */
export async function reportAccessChange(tx: RequestScope, before: Access | null, after: Access) {
  if (!before) await emitKardow(tx, 'subscription.created', after.userId, { access: after });
  else if (after.status === 'canceled' && before.status !== 'canceled') {
    await emitKardow(tx, 'subscription.canceled', after.userId, { access: after });
  } else if (!same(before, after)) await emitKardow(tx, 'subscription.updated', after.userId, { access: after });
}
