import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakingChanges, pendingMajors, snapshotOf, verdictOf, type ContractsModule } from '../src/index.js';

/**
 * The gate on real edits of a scratch copy of the contracts' source: each edit is made to the text, the copy is
 * loaded as a module, and its snapshot is compared with the unedited copy's.
 */
const contractsSource = path.resolve(import.meta.dirname, '../../contracts/src');
// Inside the repository, so the copy's imports of zod resolve to the workspace's.
const scratchRoot = path.resolve(import.meta.dirname, '.scratch');
let scratch: string;

beforeAll(async () => {
  await mkdir(scratchRoot, { recursive: true });
  scratch = await mkdtemp(path.join(scratchRoot, 'contracts-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface Edit {
  file: string;
  from: string | RegExp;
  to: string;
}

let copies = 0;
/** The snapshot of a copy of the contracts with `edits` made to its files. */
async function snapshotWith(...edits: Edit[]) {
  const dir = path.join(scratch, String(copies++));
  await cp(contractsSource, dir, { recursive: true });
  for (const { file, from, to } of edits) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`the edit of ${file} matched nothing`);
    await writeFile(path.join(dir, file), edited);
  }
  const contracts = (await import(pathToFileURL(path.join(dir, 'index.ts')).href)) as ContractsModule;
  return snapshotOf(contracts, '1.0.0');
}

let released: Awaited<ReturnType<typeof snapshotWith>>;
beforeAll(async () => {
  released = await snapshotWith();
});

const removeExternalId: Edit = {
  file: 'polar/customer-member.ts',
  from: '    externalId: z.string().nullable(),\n    role: customerMemberRole,',
  to: '    role: customerMemberRole,',
};

describe('the breaking-change gate', () => {
  it('passes the contract unchanged', async () => {
    expect(breakingChanges(released, await snapshotWith())).toEqual([]);
  });

  it('names an output field removed, on every procedure that returns it', async () => {
    const changes = breakingChanges(released, await snapshotWith(removeExternalId));
    expect(changes).toContain('procedure customerMembers.get: output.externalId: removed');
    expect(changes).toContain('procedure customerMembers.list: output.items[].externalId: removed');
  });

  it('names an output field made nullable', async () => {
    const changes = breakingChanges(
      released,
      await snapshotWith({
        file: 'polar/customer-member.ts',
        from: '    email: z.string(),\n    name: z.string().nullable(),',
        to: '    email: z.string().nullable(),\n    name: z.string().nullable(),',
      }),
    );
    expect(changes).toContain('procedure customerMembers.get: output.email: made nullable');
  });

  it('names an input field added as required', async () => {
    const changes = breakingChanges(
      released,
      await snapshotWith({
        file: 'polar/customer-member.ts',
        from: 'const newMemberFields = {\n',
        to: 'const newMemberFields = {\n  team: z.string(),\n',
      }),
    );
    expect(changes).toContain('procedure customerMembers.create: input.team: added as required');
  });

  it('names an enum narrowed in an input', async () => {
    const changes = breakingChanges(
      released,
      await snapshotWith({ file: 'enums.ts', from: "'business', 'both', 'jobseeker'", to: "'business', 'jobseeker'" }),
    );
    expect(changes).toContain('procedure members.sync: input.role: enum narrowed, no longer takes "both"');
  });

  it('names a success status changed', () => {
    const route = Object.entries(released.routes).find(([, row]) => row.status === 201);
    expect(route).toBeDefined();
    const [operationId, row] = route ?? ['', released.routes[''] ?? { method: '', path: '' }];
    const changes = breakingChanges(released, {
      ...released,
      routes: { ...released.routes, [operationId]: { ...row, status: 200 } as (typeof released.routes)[string] },
    });
    expect(changes).toEqual([
      `route ${row.method.toUpperCase()} ${row.path} (${operationId}): success status changed from 201 to 200`,
    ]);
  });

  it('names a success status changed in the route table itself', async () => {
    const changes = breakingChanges(
      released,
      await snapshotWith({ file: 'polar/routes.ts', from: /status: 201/, to: 'status: 200' }),
    );
    expect(changes.some((change) => change.endsWith('success status changed from 201 to 200'))).toBe(true);
  });

  it('names a procedure removed, and a scope made stricter', () => {
    const { 'customerMembers.get': removed, ...rest } = released.procedures;
    expect(removed).toBeDefined();
    const sync = rest['members.sync'];
    const changes = breakingChanges(released, {
      ...released,
      procedures: { ...rest, ...(sync ? { 'members.sync': { ...sync, scope: 'admin' as const } } : {}) },
    });
    expect(changes).toContain('procedure customerMembers.get: removed or renamed');
    expect(changes).toContain('procedure members.sync: scope made stricter, members:write to admin');
  });

  it('passes an optional input field and a new output field', async () => {
    const changes = breakingChanges(
      released,
      await snapshotWith(
        {
          file: 'polar/customer-member.ts',
          from: 'export const customerMemberChanges = {\n',
          to: 'export const customerMemberChanges = {\n  nickname: z.string().optional(),\n',
        },
        {
          file: 'polar/customer-member.ts',
          from: '    role: customerMemberRole,\n  })',
          to: '    role: customerMemberRole,\n    nickname: z.string(),\n  })',
        },
      ),
    );
    expect(changes).toEqual([]);
  });

  it('lets a removal pass only with a pending major changeset of @members/contracts', async () => {
    const changes = breakingChanges(released, await snapshotWith(removeExternalId));
    const changesets = path.join(scratch, 'changesets');
    await mkdir(changesets);
    await writeFile(path.join(changesets, 'README.md'), '# not a changeset\n');
    await writeFile(path.join(changesets, 'minor.md'), '---\n"@members/contracts": minor\n---\n\nA field.\n');
    expect(verdictOf(changes, await pendingMajors(changesets), '@members/contracts').allowed).toBe(false);
    await writeFile(path.join(changesets, 'major.md'), "---\n'@members/contracts': major\n---\n\nexternalId goes.\n");
    expect(verdictOf(changes, await pendingMajors(changesets), '@members/contracts').allowed).toBe(true);
  });
});
