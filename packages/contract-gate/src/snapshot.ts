import { z } from 'zod';
import type { ProcedureContract, ProcedureScope, ProcedureTree, TableRow } from '@members/contracts';

/** A JSON Schema as zod writes it; only the keywords the gate compares are read. */
export type JsonSchema = { [keyword: string]: unknown };

/** One tRPC procedure as a caller depends on it. */
export interface ProcedureSnapshot {
  kind: 'query' | 'mutation';
  scope: ProcedureScope;
  input: JsonSchema;
  output: JsonSchema;
}

/** One REST route as a caller depends on it; its fields are its procedure's. */
export interface RouteSnapshot {
  method: string;
  path: string;
  procedure: string;
  status: number;
}

/**
 * The contract of a release, as committed in `contract-snapshot.json`: every procedure by its dotted path and every
 * REST route by its operation id.
 */
export interface ContractSnapshot {
  version: string;
  procedures: Record<string, ProcedureSnapshot>;
  routes: Record<string, RouteSnapshot>;
}

/** What the gate reads of a contracts module: the built package, or a scratch copy of its source. */
export interface ContractsModule {
  procedures: ProcedureTree;
  restRoutes: readonly TableRow[];
}

const isContract = (node: ProcedureContract | ProcedureTree): node is ProcedureContract =>
  'input' in node && 'output' in node;

function contractsIn(tree: ProcedureTree, prefix = ''): [string, ProcedureContract][] {
  return Object.entries(tree).flatMap(([name, node]) =>
    isContract(node)
      ? [[`${prefix}${name}`, node] as [string, ProcedureContract]]
      : contractsIn(node, `${prefix}${name}.`),
  );
}

/** A schema as its caller sees it: what it may send (`input`, defaults optional) or what it receives (`output`). */
const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;

export function snapshotOf(contracts: ContractsModule, version: string): ContractSnapshot {
  const procedures = Object.fromEntries(
    contractsIn(contracts.procedures).map(([path, contract]) => [
      path,
      {
        kind: contract.type,
        scope: contract.scope,
        input: jsonSchemaOf(contract.input, 'input'),
        output: jsonSchemaOf(contract.output, 'output'),
      },
    ]),
  );
  const routes = Object.fromEntries(
    contracts.restRoutes.map(({ operationId, route }) => [
      operationId,
      { method: route.method, path: route.path, procedure: route.procedure, status: route.status },
    ]),
  );
  return { version, procedures, routes };
}
