import type { MemberSyncInput, MemberSyncResult } from '@members/contracts';
import type { Member } from '@members/db';
import { conflict, notFound } from '../errors.js';
import { writeAuditWithChange } from '../audit/audit-trail.js';
import { recordsOf } from '../audit/records.js';
import { inTransaction, type RequestScope } from '../request-scope.js';
import { planByIdentifier } from './plan-repository.js';
import { recordPayment } from './payment-repository.js';
import { applyMemberChanges, memberFromEntity } from './member-columns.js';
import * as organizationMembers from './member-repository.js';
import { toAccessOutput, toPaymentOutput } from './serialize.js';
import { syncSubscription } from './sync-subscription.js';
import { reportAccessChange, reportMemberChange } from './events.js';
import { emitKardow } from '../webhooks/outbox.js';
import { isPlainSync, upsertMembers } from './upsert-members.js';

/**
 * Kardow's `members/sync`: makes one member record correct, with its subscription and payment, in one
 * transaction, so a request either lands whole or leaves nothing behind. A sync of the member alone is one
 * statement (`upsertMembers`).
 */
export async function syncMember(scope: RequestScope, input: MemberSyncInput): Promise<MemberSyncResult> {
  if (isPlainSync(scope, input)) {
    const [upserted] = await upsertMembers(scope, [input]);
    if (!upserted) throw new Error('the upsert returned no member');
    return { member: upserted.member, created: upserted.created, access: null, payment: null };
  }
  return inTransaction(scope, async (tx) => {
    const plan = input.access ? await planByIdentifier(tx, input.access) : null;
    const { member, created } = input.userId
      ? { member: await memberById(tx, input.userId, input.email), created: false }
      : await upsertMemberByEmail(tx, input);
    const before = created ? null : memberFromEntity(member);
    if (!created) applyMemberChanges(member, input);
    const access = input.access && plan ? await syncSubscription(tx.em, member, plan, input.access) : null;
    await tx.em.flush();
    const payment = input.payment ? await recordPayment(tx.em, member, plan, input.payment) : null;
    const result: MemberSyncResult = {
      member: memberFromEntity(member),
      created,
      access: access ? toAccessOutput(access.subscription) : null,
      payment: payment ? toPaymentOutput(payment.payment) : null,
    };
    await reportMemberChange(tx, before, result.member);
    if (result.access) await reportAccessChange(tx, access?.before ?? null, result.access);
    if (result.payment && payment?.recorded) {
      await emitKardow(tx, 'payment.received', member.id, { payment: result.payment });
    }
    await writeAuditWithChange(tx, recordsOf('members.sync', input, result));
    return result;
  });
}

/** The member of the sync's email, inserted with the defaults if new, and locked until commit on PostgreSQL. */
async function upsertMemberByEmail(
  tx: RequestScope,
  input: MemberSyncInput,
): Promise<{ member: Member; created: boolean }> {
  const [upserted] = await organizationMembers.upsertRows(tx, [input], { set: [] });
  if (!upserted) throw new Error('INSERT … RETURNING returned no row');
  return { member: organizationMembers.entityOf(tx, upserted.row), created: upserted.created };
}

/** With `userId`, the id names the member and `email` becomes its new address. */
async function memberById(tx: RequestScope, userId: string, email: string): Promise<Member> {
  const member = await organizationMembers.findOne(tx, { id: userId }, { lock: true });
  if (!member) throw notFound(`No member with userId ${userId}`);
  if (member.email !== email) {
    if (await organizationMembers.emailTaken(tx, email))
      throw conflict(`Another member already has the email ${email}`);
    member.email = email;
  }
  return member;
}
