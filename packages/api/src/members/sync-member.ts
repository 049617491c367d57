import { randomUUID } from 'node:crypto';
import type { MemberSyncInput, MemberSyncResult } from '@members/contracts';
import { Member, type Database, type EntityManager, type LockMode } from '@members/db';
import type { Principal } from '../auth/api-keys.js';
import { conflict, notFound } from '../errors.js';
import { writeLock } from '../locking.js';
import { mergeCustomFields } from './custom-fields.js';
import { planByIdentifier } from './plan-by-identifier.js';
import { recordPayment } from './record-payment.js';
import { toAccessOutput, toMemberOutput, toPaymentOutput } from './serialize.js';
import { syncSubscription } from './sync-subscription.js';

/**
 * Kardow's `members/sync`: makes one member record correct, with its subscription and payment, in one
 * transaction, so a request either lands whole or leaves nothing behind.
 */
export async function syncMember(
  em: EntityManager,
  dialect: Database['dialect'],
  principal: Principal,
  input: MemberSyncInput,
): Promise<MemberSyncResult> {
  return em.transactional(async (tx) => {
    const plan = input.access ? await planByIdentifier(tx, principal.organizationId, input.access) : null;
    const { member, created } = input.userId
      ? { member: await memberById(tx, principal, input.userId, input.email, writeLock(dialect)), created: false }
      : await upsertMemberByEmail(tx, principal, input);
    if (!created) applyMemberChanges(member, input);
    const subscription = input.access && plan ? await syncSubscription(tx, member, plan, input.access) : null;
    await tx.flush();
    const payment = input.payment ? await recordPayment(tx, member, plan, input.payment) : null;
    return {
      member: toMemberOutput(member),
      created,
      access: subscription ? toAccessOutput(subscription) : null,
      payment: payment ? toPaymentOutput(payment) : null,
    };
  });
}

/**
 * One statement: insert the member, or on (organization, email) touch the existing row, and return it. Concurrent
 * syncs of one new email create it once (the others wait on the insert and get the same row back), the row is
 * locked until commit on PostgreSQL, and the id we proposed tells who created it.
 */
async function upsertMemberByEmail(
  tx: EntityManager,
  principal: Principal,
  input: MemberSyncInput,
): Promise<{ member: Member; created: boolean }> {
  const now = new Date();
  const proposedId = randomUUID();
  const rows: Record<string, unknown>[] = await tx
    .createQueryBuilder(Member)
    .insert({
      id: proposedId,
      organization: principal.organizationId,
      email: input.email,
      name: input.name ?? input.email.split('@')[0]!,
      role: input.role ?? 'employee',
      approvalStatus: input.approvalStatus ?? principal.organization.defaultApprovalStatus,
      profilePicture: input.profilePicture ?? null,
      description: input.description ?? null,
      customFields: mergeCustomFields(null, input.customFields),
      createdAt: now,
      updatedAt: now,
    })
    .onConflict(['organization', 'email'])
    // A no-op update, so the conflicting row is returned (and locked) rather than skipped.
    .merge(['email'])
    .returning('*')
    .execute('all', false);
  const row = rows[0];
  if (!row) throw new Error('INSERT … RETURNING returned no row');
  const member = tx.map(Member, row);
  return { member, created: member.id === proposedId };
}

/** With `userId`, the id names the member and `email` becomes its new address. */
async function memberById(
  tx: EntityManager,
  principal: Principal,
  userId: string,
  email: string,
  lockMode: LockMode | undefined,
): Promise<Member> {
  const member = await tx.findOne(Member, { id: userId, organization: principal.organizationId }, { lockMode });
  if (!member) throw notFound(`No member with userId ${userId}`);
  if (member.email !== email) {
    const holder = await tx.count(Member, { organization: principal.organizationId, email });
    if (holder > 0) throw conflict(`Another member already has the email ${email}`);
    member.email = email;
  }
  return member;
}

/** Omitted fields are left as they are; nullable fields sent as null are cleared. */
function applyMemberChanges(member: Member, input: MemberSyncInput): void {
  if (input.name !== undefined) member.name = input.name;
  if (input.role !== undefined) member.role = input.role;
  if (input.approvalStatus !== undefined) member.approvalStatus = input.approvalStatus;
  if (input.profilePicture !== undefined) member.profilePicture = input.profilePicture;
  if (input.description !== undefined) member.description = input.description;
  if (input.customFields !== undefined)
    member.customFields = mergeCustomFields(member.customFields ?? null, input.customFields);
}
