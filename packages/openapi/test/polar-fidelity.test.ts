import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { restRoutes } from '@members/contracts';
import { openApiDocument } from '../src/index.js';

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  anyOf?: Schema[];
  type?: string | string[];
};
interface Operation {
  operationId: string;
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: { 'application/json'?: { schema: Schema } } }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

type OfficialDocument = Document;

/** Polar's official documents (shared/polar-openapi): 2026-06-08, the flat routes of SDK 0.48.1's day, and 2026-10. */
const directory =
  process.env.POLAR_OPENAPI_DIR ?? fileURLToPath(new URL('../../../../shared/polar-openapi', import.meta.url));
/** Beside the repository only in this team's workspace: a clone alone skips these checks; CI names the folder. */
const present = process.env.POLAR_OPENAPI_DIR !== undefined || existsSync(directory);
if (!present) {
  console.log(
    "Polar's official OpenAPI documents are not beside the repository: skipping the checks against them " +
      '(set POLAR_OPENAPI_DIR to their folder to run them; CI does)',
  );
}
const officialDocuments = (present ? ['2026-06-08', '2026-10'] : []).map((version) => ({
  version,
  document: JSON.parse(readFileSync(`${directory}/${version}.openapi.json`, 'utf8')) as OfficialDocument,
}));

/** Ours, as `/openapi.json` serves it. */
const ours = JSON.parse(JSON.stringify(openApiDocument())) as Document;

/** A schema with its `$ref`s followed and its one-of branches merged: every property any branch declares. */
function properties(document: { components: { schemas: Record<string, unknown> } }, schema: Schema | undefined) {
  const found = new Map<string, Schema[]>();
  const visit = (node: Schema | undefined) => {
    if (!node) return;
    if (node.$ref) return visit(document.components.schemas[node.$ref.split('/').pop() ?? ''] as Schema);
    for (const branch of node.oneOf ?? []) visit(branch);
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      found.set(name, [...(found.get(name) ?? []), property]);
    }
  };
  visit(schema);
  return found;
}

const nullable = (schema: Schema): boolean =>
  schema.type === 'null' ||
  (Array.isArray(schema.type) && schema.type.includes('null')) ||
  (schema.anyOf ?? []).some(nullable) ||
  (schema.oneOf ?? []).some(nullable);

const polarRows = restRoutes.filter((row) => row.surface === 'polar');
/** The official document that defines a row's operation: the flat routes from SDK 0.48.1's day, else 2026-10. */
function officialFor(
  path: string,
  method: string,
): { version: string; operation: Operation; document: OfficialDocument } | null {
  for (const { version, document } of officialDocuments) {
    const operation = document.paths[path]?.[method];
    if (operation) return { version, operation, document };
  }
  return null;
}

describe.skipIf(!present)("the Polar part of /openapi.json, against Polar's official documents", () => {
  it('serves every official operation it names under the official operationId', () => {
    const official = polarRows.filter(({ route }) => officialFor(route.path, route.method));
    // Only the nested member lists are ours alone (SDK 1.0.1 calls them; the 2026-10 snapshot documents none).
    expect(polarRows.filter((row) => !official.includes(row)).map((row) => row.operationId)).toEqual([
      'customers:members:list',
      'customers:members:list_external',
    ]);
    for (const { route, operationId } of official) {
      expect(operationId).toBe(officialFor(route.path, route.method)?.operation.operationId);
      expect(ours.paths[route.path]?.[route.method]?.operationId).toBe(operationId);
    }
  });

  it('takes every official parameter, under its official name and place', () => {
    for (const { route, operationId } of polarRows) {
      const official = officialFor(route.path, route.method);
      if (!official) continue;
      const declared = (ours.paths[route.path]?.[route.method]?.parameters ?? []).map((p) => `${p.in} ${p.name}`);
      for (const parameter of official.operation.parameters ?? []) {
        expect(declared, operationId).toContain(`${parameter.in} ${parameter.name}`);
      }
    }
  });

  it('declares every field of the official success bodies, nullable where the official one is', () => {
    let checked = 0;
    for (const { route, operationId } of polarRows) {
      const official = officialFor(route.path, route.method);
      if (!official || route.status === 204) continue;
      const status = String(route.status);
      const theirs = properties(
        official.document,
        official.operation.responses[status]?.content?.['application/json']?.schema,
      );
      const mine = properties(
        ours,
        ours.paths[route.path]?.[route.method]?.responses[status]?.content?.['application/json']?.schema,
      );
      // Polar leaves some bodies open (redelivery's 202 is `{}`): nothing to hold ours to there.
      if (theirs.size === 0) continue;
      checked++;
      for (const [name, variants] of theirs) {
        expect(mine.has(name), `${operationId}: ${name}`).toBe(true);
        if (variants.every(nullable))
          expect(mine.get(name)?.some(nullable), `${operationId}: ${name} nullable`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
