import type { MemberEraseInput, MemberRemoval } from '@members/contracts';
import { finishErasure, receiptOf, scrubAnswersKept, scrubbed, scrubEvents, type Erasure } from '../erasure/copies.js';
import { kardowMemberEraser } from '../erasure/kardow-member.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { emitKardow } from '../webhooks/outbox.js';
import { memberNamed } from './member-named.js';
import { memberFromEntity } from './member-columns.js';
import * as organizationMembers from './member-repository.js';
import { paymentCountOf } from './payment-repository.js';
import { subscriptionCountOf } from './subscription-repository.js';

/**
 * The erasure of an organization's member (Kardow's `delete_member`, `members.erase`, the admin command): its row
 * goes with its subscriptions and payments (ON DELETE CASCADE); the events written about it keep its id but none of
 * its values, and its `user.deleted` says only whom it was about; the answers kept for keys that quote it are
 * scrubbed. The answer is the receipt, and names the member only by its id and the address its copies now read.
 */
export async function eraseMember(scope: RequestScope, input: MemberEraseInput): Promise<MemberRemoval> {
  let erasure: Erasure | undefined;
  const removal = await inTransaction(scope, async (tx) => {
    const member = await memberNamed(tx, input);
    const eraser = kardowMemberEraser(member.id, member.email);
    erasure = { surface: 'kardow', eraser, quoted: [member.email] };
    const [subscriptions, payments] = await Promise.all([
      subscriptionCountOf(tx.em, member),
      paymentCountOf(tx.em, member),
    ]);
    await organizationMembers.deleteById(tx, member.id);
    const events = await scrubEvents(tx, [member.id], eraser);
    const erasedMember = scrubbed(memberFromEntity(member), eraser);
    await emitKardow(tx, 'user.deleted', member.id, { member: erasedMember });
    const storedAnswers = await scrubAnswersKept(tx, erasure);
    return {
      memberId: member.id,
      email: erasedMember.email,
      subscriptions,
      payments,
      erased: receiptOf({ members: 1, subscriptions, payments, events, storedAnswers }),
    };
  });
  if (erasure) await finishErasure(scope, erasure);
  return removal;
}
