import { describe, expect, it } from 'vitest';
import { memberSyncInput, organizationMember } from '@members/contracts';
import { rawQuery } from '@members/db';
import { memberColumns, memberFromRow } from '../src/organization-members/member-columns.js';
import { upsertRows as upsertMemberRows } from '../src/organization-members/member-repository.js';
import { serviceTestSetup } from './support/scope.js';

const setup = serviceTestSetup();
const scope = () => setup.scope();

/** The columns of `member` as the migrations made them. */
async function tableColumns(): Promise<string[]> {
  const { em } = await scope();
  const rows =
    setup.db.dialect === 'sqlite'
      ? await rawQuery<{ name: string }>(em, 'select name from pragma_table_info(?)', ['member'])
      : await rawQuery<{ name: string }>(
          em,
          'select column_name as name from information_schema.columns where table_name = ? and table_schema = current_schema()',
          ['member'],
        );
  return rows.map((row) => row.name);
}

describe('the member column map', () => {
  it('names every column of the member table but the timestamps, so none is silently left unwritten', async () => {
    const mapped = Object.values(memberColumns).map(({ column }) => column);
    expect([...mapped, 'created_at', 'updated_at'].sort()).toEqual((await tableColumns()).sort());
  });

  it('maps a stored row to exactly the contract’s member, JSON included', async () => {
    const input = memberSyncInput.parse({
      email: 'mapped@example.com',
      name: 'Mapped',
      role: 'business',
      description: 'd',
      customFields: { tier: 'gold', seats: 3 },
    });
    const tx = await scope();
    const [upserted] = await upsertMemberRows(tx, [input], { set: [] });
    const member = memberFromRow(upserted!.row);
    expect(organizationMember.strict().parse(member)).toEqual({
      id: upserted!.row.id,
      organizationId: tx.organization.id,
      email: 'mapped@example.com',
      name: 'Mapped',
      role: 'business',
      approvalStatus: tx.organization.defaultApprovalStatus,
      profilePicture: null,
      description: 'd',
      customFields: { tier: 'gold', seats: 3 },
    });
    expect(upserted!.created).toBe(true);
  });

  it('sets only the fields sent on an existing member, and says whether anything changed', async () => {
    const first = memberSyncInput.parse({ email: 'partial@example.com', name: 'Before', description: 'kept' });
    await upsertMemberRows(await scope(), [first], { set: [] });
    const rename = memberSyncInput.parse({ email: 'partial@example.com', name: 'After' });
    const [renamed] = await upsertMemberRows(await scope(), [rename], { set: ['name'] });
    expect(memberFromRow(renamed!.row)).toMatchObject({ name: 'After', description: 'kept' });
    expect(renamed).toMatchObject({ created: false, changed: true });
    const [again] = await upsertMemberRows(await scope(), [rename], { set: ['name'] });
    expect(again).toMatchObject({ created: false, changed: false });
  });
});
