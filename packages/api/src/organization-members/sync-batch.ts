import {
  memberSyncInput,
  type MemberSyncInput,
  type MemberSyncBatchInput,
  type MemberSyncBatchItem,
  type MemberSyncBatchResult,
} from '@members/contracts';
import { domainErrorOf, invalidInput, type DomainError } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import { syncMember } from './sync-member.js';
import { shapeOf } from './member-columns.js';
import { isPlainSync, upsertMembers } from './upsert-members.js';

const failure = (index: number, error: DomainError): MemberSyncBatchItem => ({
  index,
  status: error.status,
  error: { code: error.code, message: error.publicMessage, issues: error.publicIssues },
});

/**
 * Bulk sync: each item is checked against the sync contract on its own, so an invalid item never blocks the others.
 * Consecutive plain items (`isPlainSync`) that send the same fields for distinct members are written by one
 * statement; any other item is synced alone, in its own transaction. Runs end at an item that repeats an email of
 * the run, so two items for one member apply in the order they were sent.
 */
export async function syncMemberBatch(
  scope: RequestScope,
  input: MemberSyncBatchInput,
): Promise<MemberSyncBatchResult> {
  const results: MemberSyncBatchItem[] = [];
  let run: { index: number; input: MemberSyncInput }[] = [];
  const emails = new Set<string>();
  const flush = async () => {
    if (run.length > 0) for (const result of await syncRun(scope, run)) results[result.index] = result;
    run = [];
    emails.clear();
  };
  for (const [index, item] of input.members.entries()) {
    const parsed = memberSyncInput.safeParse(item);
    if (!parsed.success) {
      results[index] = failure(index, invalidInput(parsed.error, undefined, 'member'));
      continue;
    }
    const member = parsed.data;
    if (!isPlainSync(scope, member)) {
      await flush();
      results[index] = await syncOne(scope, index, member);
      continue;
    }
    const first = run[0];
    if (emails.has(member.email) || (first && shapeOf(first.input) !== shapeOf(member))) await flush();
    run.push({ index, input: member });
    emails.add(member.email);
  }
  await flush();
  const created = results.filter((result) => result.created === true).length;
  const updated = results.filter((result) => result.created === false).length;
  return { results, created, updated, failed: results.length - created - updated };
}

/** A run of plain items in one statement; should it fail, each alone, so only the item at fault is refused. */
async function syncRun(
  scope: RequestScope,
  run: { index: number; input: MemberSyncInput }[],
): Promise<MemberSyncBatchItem[]> {
  try {
    const upserted = await upsertMembers(
      scope,
      run.map((item) => item.input),
    );
    return run.map(({ index }, i): MemberSyncBatchItem => {
      const result = upserted[i];
      if (!result) throw new Error('upsertMembers answered fewer items than it was given');
      return { index, status: result.created ? 201 : 200, created: result.created, member: result.member };
    });
  } catch {
    const results: MemberSyncBatchItem[] = [];
    for (const { index, input } of run) results.push(await syncOne(scope, index, input));
    return results;
  }
}

async function syncOne(scope: RequestScope, index: number, input: MemberSyncInput): Promise<MemberSyncBatchItem> {
  try {
    const synced = await syncMember(scope, input);
    return { index, status: synced.created ? 201 : 200, created: synced.created, member: synced.member };
  } catch (error) {
    // A fault of ours on one item is reported on that item; those before it are committed and stay so.
    return failure(index, domainErrorOf(error));
  }
}
