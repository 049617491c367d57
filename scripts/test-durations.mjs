// `npm run test:durations`: after a test run, writes each package's `test/durations.json` (seconds per test file, as
// vitest measured them in this clone) for the sequencer that runs the longest files first (vitest.sequencer.ts).
// Only packages whose files are worth balancing keep one: those that already have the file.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
for (const folder of ['apps', 'packages'].flatMap((parent) =>
  readdirSync(path.join(root, parent)).map((name) => path.join(root, parent, name)),
)) {
  const durationsFile = path.join(folder, 'test', 'durations.json');
  const cacheDir = path.join(folder, 'node_modules', '.vite', 'vitest');
  if (!existsSync(durationsFile) || !existsSync(cacheDir)) continue;
  const measured = {};
  for (const hash of readdirSync(cacheDir)) {
    const resultsFile = path.join(cacheDir, hash, 'results.json');
    if (!existsSync(resultsFile)) continue;
    for (const [key, result] of JSON.parse(readFileSync(resultsFile, 'utf8')).results) {
      const file = key.slice(key.indexOf(':') + 1);
      // The cache keeps files that have since moved or gone.
      if (existsSync(path.join(folder, file))) measured[file] = Math.round(result.duration / 100) / 10;
    }
  }
  const sorted = Object.fromEntries(Object.entries(measured).sort(([, a], [, b]) => b - a));
  writeFileSync(durationsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`${path.relative(root, durationsFile)}: ${Object.keys(sorted).length} files`);
}
