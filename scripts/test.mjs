// `npm test`: every package's tests through turbo (arguments go to turbo as they are, so `npm test -- --filter=X`
// and `npm test -- --filter=X -- FILE` work), then one closing line for the whole run: `N passed, N failed, N skipped`,
// counted from the results each package's vitest writes to .test-results/ (vitest.shared.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });

const turbo = spawnSync('npx', ['turbo', 'run', 'test', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const status = turbo.status ?? 1;

const totals = { passed: 0, failed: 0, skipped: 0, unloaded: 0 };
const packages = existsSync(resultsDir) ? readdirSync(resultsDir).filter((name) => name.endsWith('.json')) : [];
for (const name of packages) {
  const results = JSON.parse(readFileSync(path.join(resultsDir, name), 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests;
  totals.skipped += results.numPendingTests + results.numTodoTests;
  // A test file that fails to load has no test to count as failed.
  for (const file of results.testResults)
    if (file.status === 'failed' && file.assertionResults.length === 0) totals.unloaded++;
}
const notes = [
  ...(totals.unloaded > 0 ? [`${totals.unloaded} test files failed to load`] : []),
  ...(status !== 0 && totals.failed + totals.unloaded === 0 ? [`turbo exited with ${status}`] : []),
];
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped` +
    (notes.length > 0 ? ` (${notes.join('; ')})` : ''),
);
process.exit(status);
