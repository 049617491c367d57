import { describe, expect, expectTypeOf, it } from 'vitest';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { appRouter, type AppRouter } from '../src/index.js';
import type { MembersRouter } from '@members/client';
import { procedureAt, procedurePaths, subscriptions } from '@members/contracts';

const procedureType = (procedure: unknown): unknown =>
  typeof procedure === 'function' && '_def' in procedure && typeof procedure._def === 'object' && procedure._def
    ? Reflect.get(procedure._def, 'type')
    : undefined;

describe('the server router and the contracts', () => {
  it('give the client exactly the server router’s inputs and outputs (checked by tsc, in npm run typecheck)', () => {
    expectTypeOf<inferRouterInputs<MembersRouter>>().toEqualTypeOf<inferRouterInputs<AppRouter>>();
    expectTypeOf<inferRouterOutputs<MembersRouter>>().toEqualTypeOf<inferRouterOutputs<AppRouter>>();
  });

  it('serve every contract at its path, as a query, mutation or subscription as it says, and nothing else', () => {
    const served = Object.entries(appRouter._def.procedures as Record<string, unknown>).map(
      ([path, procedure]) => `${path} ${String(procedureType(procedure))}`,
    );
    const subscribed = Object.entries(subscriptions).flatMap(([group, leaves]) =>
      Object.entries(leaves).map(([name, contract]) => `${group}.${name} ${contract.type}`),
    );
    const declared = [...procedurePaths.map((path) => `${path} ${procedureAt(path).type}`), ...subscribed];
    expect(served.sort()).toEqual([...declared].sort());
  });
});
