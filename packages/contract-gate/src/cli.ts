/**
 * `npm run contracts:check`: fails, naming each change, when the contract as it stands breaks a caller of the last
 * release and no pending changeset bumps `@members/contracts` by a major version.
 * `npm run version` runs it with `--write` once versions are set, making this release the one compared against.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as contracts from '@members/contracts';
import { pendingMajors } from './changesets.js';
import { breakingChanges, verdictOf } from './gate.js';
import { snapshotOf, type ContractSnapshot } from './snapshot.js';

const root = path.resolve(import.meta.dirname, '../../..');
const snapshotFile = path.join(root, 'packages/contracts/released-contract.json');
const contractsPackage = '@members/contracts';

const { version } = JSON.parse(await readFile(path.join(root, 'packages/contracts/package.json'), 'utf8')) as {
  version: string;
};
const current = snapshotOf(contracts, version);

if (process.argv.includes('--write')) {
  await writeFile(snapshotFile, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`released-contract.json: the contract of ${contractsPackage} ${version}`);
} else {
  const released = JSON.parse(await readFile(snapshotFile, 'utf8')) as ContractSnapshot;
  const { changes, allowed } = verdictOf(
    breakingChanges(released, current),
    await pendingMajors(path.join(root, '.changeset')),
    contractsPackage,
  );
  if (changes.length === 0) console.log(`No breaking change since ${contractsPackage} ${released.version}.`);
  else {
    console.log(`${changes.length} breaking change(s) since ${contractsPackage} ${released.version}:`);
    for (const change of changes) console.log(`  - ${change}`);
    if (allowed) console.log(`A pending changeset bumps ${contractsPackage} by a major version: allowed.`);
    else {
      console.log(`Undo them, or record them with \`npm run changeset\` as a major change of ${contractsPackage}.`);
      process.exitCode = 1;
    }
  }
}
