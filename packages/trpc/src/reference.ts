import { z } from 'zod';
import {
  errorStatus,
  procedureAt,
  procedurePaths,
  restRoutes,
  type ErrorCode,
  type ProcedurePath,
} from '@members/contracts';
import { trpcCodeFor } from './error-shape.js';

/** Errors any procedure can raise: no key, a key without the scope, an input the contract refuses, too many calls. */
const everywhere: readonly ErrorCode[] = [
  'unauthorized',
  'forbidden',
  'validation_failed',
  'rate_limited',
  'unavailable',
];

/** One procedure as the reference shows it. */
export interface ProcedureReference {
  path: ProcedurePath;
  kind: 'query' | 'mutation';
  scope: string;
  summary: string;
  input: object;
  output: object;
  /** Error codes with their tRPC code and HTTP status, as `error.data` carries them. */
  errors: { appCode: ErrorCode; code: string; httpStatus: number }[];
  /** The REST routes that serve the same procedure. */
  routes: string[];
}

/**
 * Every tRPC procedure from its contract: the errors it can raise are those any procedure can, and those of the REST
 * routes that serve it (by their statuses), named as a tRPC caller reads them.
 */
export function trpcReference(): ProcedureReference[] {
  return procedurePaths.map((path) => {
    const contract = procedureAt(path);
    const rows = restRoutes.filter((row) => row.route.procedure === path);
    const statuses = new Set<number>(rows.flatMap((row) => row.route.errors));
    const codes = (Object.keys(errorStatus) as ErrorCode[]).filter(
      (code) =>
        everywhere.includes(code) ||
        (statuses.has(errorStatus[code]) && !['bad_request', 'method_not_allowed', 'invalid_json'].includes(code)),
    );
    return {
      path,
      kind: contract.type,
      scope: contract.scope,
      summary: contract.summary,
      input: z.toJSONSchema(contract.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(contract.output, { io: 'output', unrepresentable: 'any' }),
      errors: codes.map((appCode) => ({ appCode, code: trpcCodeFor[appCode], httpStatus: errorStatus[appCode] })),
      routes: rows.map(({ route }) => `${route.method.toUpperCase()} ${route.path}`),
    };
  });
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

type Schema = { [keyword: string]: unknown };
const asSchema = (value: unknown): Schema => (typeof value === 'object' && value !== null ? (value as Schema) : {});

/** A field's type in a few words: `string`, `"a" | "b"`, `array of object`, `reference to Member`. */
function typeWords(schema: Schema): string {
  if (typeof schema.$ref === 'string') return schema.$ref.replace('#/$defs/', '');
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map((variant) => typeWords(asSchema(variant))).join(' | ');
  if (schema.type === 'array') return `array of ${typeWords(asSchema(schema.items))}`;
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return typeof schema.type === 'string' ? schema.type : 'any';
}

/** The top-level fields of an object schema as table rows: name, type, required, description. */
function fieldRows(schema: Schema): string {
  const properties = Object.entries(asSchema(schema.properties));
  if (properties.length === 0) return '<p>No fields.</p>';
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const rows = properties
    .map(([name, value]) => {
      const field = asSchema(value);
      const description = typeof field.description === 'string' ? field.description : '';
      return `<tr><td><code>${escape(name)}</code></td><td>${escape(typeWords(field))}</td><td>${required.has(name) ? 'yes' : 'no'}</td><td>${escape(description)}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function section(procedure: ProcedureReference): string {
  const id = procedure.path.replace(/\./g, '-');
  const errors = procedure.errors
    .map((e) => `<tr><td><code>${e.appCode}</code></td><td><code>${e.code}</code></td><td>${e.httpStatus}</td></tr>`)
    .join('');
  const call = procedure.kind === 'query' ? 'query' : 'mutate';
  return `<section id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title"><code>${escape(procedure.path)}</code></h2>
<p>${escape(procedure.summary)}</p>
<dl>
<dt>Kind</dt><dd>${procedure.kind} (<code>trpc.${escape(procedure.path)}.${call}(input)</code>)</dd>
<dt>Scope</dt><dd><code>${escape(procedure.scope)}</code></dd>
<dt>REST</dt><dd>${procedure.routes.length ? procedure.routes.map((route) => `<code>${escape(route)}</code>`).join(', ') : 'tRPC only'}</dd>
</dl>
<h3>Input</h3>
${fieldRows(asSchema(procedure.input))}
<details><summary>Input JSON Schema</summary><pre>${escape(JSON.stringify(procedure.input, null, 2))}</pre></details>
<h3>Output</h3>
${fieldRows(asSchema(procedure.output))}
<details><summary>Output JSON Schema</summary><pre>${escape(JSON.stringify(procedure.output, null, 2))}</pre></details>
<h3>Errors</h3>
<table aria-label="Errors of ${escape(procedure.path)}"><thead><tr><th scope="col"><code>error.data.appCode</code></th><th scope="col"><code>error.data.code</code></th><th scope="col">HTTP status</th></tr></thead><tbody>${errors}</tbody></table>
</section>`;
}

/** The reference page, served at `/docs/trpc` beside the REST reference; plain HTML, nothing from elsewhere. */
export function trpcReferencePage(version: string): string {
  const procedures = trpcReference();
  const contents = procedures
    .map((p) => `<li><a href="#${p.path.replace(/\./g, '-')}"><code>${escape(p.path)}</code></a> (${p.kind})</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Members service: tRPC procedures</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
table { border-collapse: collapse; display: block; overflow-x: auto; margin: 0.5rem 0; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
pre { background: #f4f4f4; padding: 0.5rem; overflow-x: auto; }
section { border-top: 1px solid #ccc; margin-top: 1.5rem; }
dt { font-weight: 600; } dd { margin: 0 0 0.25rem 1rem; }
</style>
</head>
<body>
<header>
<h1>tRPC procedures</h1>
<p>Every procedure of the members service at <code>/trpc</code>, generated from <code>@members/contracts</code> ${escape(version)}:
its kind, the scope its API key needs, its input and output, and the errors it can raise (in <code>error.data</code> of a
<code>TRPCClientError</code>). The typed client is <code>@members/client</code>. The REST routes are in the
<a href="/docs">REST reference</a>.</p>
</header>
<nav aria-label="Procedures"><ul>${contents}</ul></nav>
<main>
${procedures.map(section).join('\n')}
</main>
</body>
</html>`;
}
