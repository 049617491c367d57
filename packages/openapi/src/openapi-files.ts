/**
 * Writes the committed copies of the OpenAPI document: `openapi.json` at the repository root, and the REST types the
 * client package is typed by. With `--check`, writes nothing and fails when either is stale (CI runs that).
 *   npm run openapi          (from the repository root)
 *   npm run openapi -- --check
 */
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from './document.js';

const documentFile = 'openapi.json';
const clientTypesFile = 'packages/client/src/rest/openapi.ts';

const document = openApiDocument();
const documentText = `${JSON.stringify(document, null, 2)}\n`;
const header = `// Generated from ${documentFile} by \`npm run openapi\`: do not edit.\n\n`;
// Through JSON, so the generator sees exactly the committed document.
const clientTypes = header + astToString(await openapiTS(JSON.parse(documentText) as OpenAPI3));

const files: [string, string][] = [
  [documentFile, documentText],
  [clientTypesFile, clientTypes],
];

if (process.argv.includes('--check')) {
  const stale: string[] = [];
  for (const [file, text] of files) {
    const committed = await readFile(file, 'utf8').catch(() => null);
    if (committed !== text) stale.push(file);
  }
  if (stale.length > 0) {
    console.error(`stale: ${stale.join(', ')}: the contracts changed; run \`npm run openapi\` and commit the result`);
    process.exit(1);
  }
  console.log(`${files.map(([file]) => file).join(' and ')} match the contracts`);
} else {
  for (const [file, text] of files) await writeFile(file, text);
  console.log(`wrote ${files.map(([file]) => file).join(' and ')}`);
}
