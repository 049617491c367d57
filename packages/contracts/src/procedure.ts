import type { z } from 'zod';
import type { ProcedureScope } from './enums.js';

/**
 * What one tRPC procedure takes and gives, and the scope its caller's key needs. The server implements each
 * contract, the REST route tables name them, and the client derives its types from them: the contract is the one
 * place a procedure is described.
 */
export interface ProcedureContract<
  TType extends 'query' | 'mutation' = 'query' | 'mutation',
  TInput extends z.ZodObject = z.ZodObject,
  TOutput extends z.ZodType = z.ZodType,
> {
  type: TType;
  scope: ProcedureScope;
  /** An object, so a REST route can take each field from the path, the query or the body. */
  input: TInput;
  output: TOutput;
  summary: string;
}

const contractOf =
  <TType extends 'query' | 'mutation'>(type: TType) =>
  <TInput extends z.ZodObject, TOutput extends z.ZodType>(
    scope: ProcedureScope,
    input: TInput,
    output: TOutput,
    summary: string,
  ): ProcedureContract<TType, TInput, TOutput> => ({ type, scope, input, output, summary });

export const query = contractOf('query');
export const mutation = contractOf('mutation');

/** Procedures and groups of procedures, by name: the shape of the tRPC router. */
export interface ProcedureTree {
  [name: string]: ProcedureContract | ProcedureTree;
}

/** Every dotted path to a procedure in a tree: `members.sync`, `customerMembers.create`, … */
export type ProcedurePathIn<TTree, TPrefix extends string = ''> = {
  [K in keyof TTree & string]: TTree[K] extends ProcedureContract
    ? `${TPrefix}${K}`
    : ProcedurePathIn<TTree[K], `${TPrefix}${K}.`>;
}[keyof TTree & string];

/** The contract at a dotted path. */
export type ProcedureAtPath<TTree, TPath extends string> = TPath extends `${infer Head}.${infer Rest}`
  ? Head extends keyof TTree
    ? ProcedureAtPath<TTree[Head], Rest>
    : never
  : TPath extends keyof TTree
    ? TTree[TPath]
    : never;

export const isProcedureContract = (node: object): node is ProcedureContract => 'input' in node && 'output' in node;

/**
 * A tRPC subscription: what it takes, the events it yields (each with an id the client resumes from), and the scope
 * a key needs. Kept apart from the procedures: REST serves none (`GET /events` is the log's page-at-a-time reading).
 */
export interface SubscriptionContract<TInput extends z.ZodObject = z.ZodObject, TEvent extends z.ZodType = z.ZodType> {
  type: 'subscription';
  scope: ProcedureScope;
  input: TInput;
  event: TEvent;
  summary: string;
}

export const subscription = <TInput extends z.ZodObject, TEvent extends z.ZodType>(
  scope: ProcedureScope,
  input: TInput,
  event: TEvent,
  summary: string,
): SubscriptionContract<TInput, TEvent> => ({ type: 'subscription', scope, input, event, summary });

export const isSubscriptionContract = (node: object): node is SubscriptionContract =>
  'event' in node && 'input' in node;
