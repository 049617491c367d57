// The import structure, checked in CI: packages import only downward (the layers below), and no file imports
// itself through a circle of others. Run by `npm run check:structure`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import madge from 'madge';

/** Each workspace's layer: a package may import only workspaces of a lower layer. */
const layers = {
  contracts: 0,
  db: 1,
  openapi: 1,
  'contract-gate': 1,
  client: 1,
  api: 2,
  console: 2,
  http: 3,
  rest: 4,
  trpc: 4,
  server: 5,
  bench: 6,
};

const root = path.resolve(import.meta.dirname, '..');
const workspaces = ['packages', 'apps'].flatMap((group) =>
  readdirSync(path.join(root, group)).map((name) => ({ name, dir: path.join(root, group, name) })),
);
const problems = [];

for (const { name } of workspaces) {
  if (!(name in layers)) problems.push(`${name}: not placed in a layer of scripts/check-structure.mjs`);
}

const graph = await madge(
  workspaces.map(({ dir }) => path.join(dir, 'src')),
  { fileExtensions: ['ts', 'tsx'], tsConfig: path.join(root, 'tsconfig.base.json'), baseDir: root },
);
for (const circle of graph.circular()) problems.push(`a circle of imports: ${circle.join(' > ')}`);

for (const { name, dir } of workspaces) {
  const srcFiles = readdirSync(path.join(dir, 'src'), { recursive: true }).filter((file) => /\.tsx?$/.test(file));
  for (const file of srcFiles) {
    const text = readFileSync(path.join(dir, 'src', file), 'utf8');
    for (const [, imported] of text.matchAll(/from '@members\/([a-z]+)'/g)) {
      if (!(layers[imported] < layers[name])) {
        problems.push(`${name}/src/${file} imports @members/${imported}, which is not below it`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`import structure: ${Object.keys(graph.obj()).length} files, no circle, every package imports downward`);
