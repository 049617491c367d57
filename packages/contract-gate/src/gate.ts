import { grants } from '@members/contracts';
import { inputBreaks, outputBreaks } from './schema-changes.js';
import type { ContractSnapshot } from './snapshot.js';

/**
 * Every change from the released contract to this one that breaks a caller written against the release, each named
 * by procedure or route and field. Additions (a procedure, a route, an optional input, an output field) are not.
 */
export function breakingChanges(released: ContractSnapshot, current: ContractSnapshot): string[] {
  const changes: string[] = [];
  for (const [path, before] of Object.entries(released.procedures)) {
    const after = current.procedures[path];
    const named = (change: string) => `procedure ${path}: ${change}`;
    if (after === undefined) {
      changes.push(named('removed or renamed'));
      continue;
    }
    if (after.kind !== before.kind) changes.push(named(`was a ${before.kind}, is a ${after.kind}`));
    // Stricter: a key that held the old scope may no longer call it.
    if (after.scope !== before.scope && !grants([before.scope], after.scope))
      changes.push(named(`scope made stricter, ${before.scope} to ${after.scope}`));
    changes.push(...inputBreaks({ before: before.input, after: after.input }).map(named));
    changes.push(...outputBreaks({ before: before.output, after: after.output }).map(named));
  }
  for (const [operationId, before] of Object.entries(released.routes)) {
    const after = current.routes[operationId];
    const named = (change: string) => `route ${before.method.toUpperCase()} ${before.path} (${operationId}): ${change}`;
    if (after === undefined) changes.push(named('removed or renamed'));
    else {
      if (after.method !== before.method || after.path !== before.path)
        changes.push(named(`moved to ${after.method.toUpperCase()} ${after.path}`));
      if (after.status !== before.status)
        changes.push(named(`success status changed from ${before.status} to ${after.status}`));
      if (after.procedure !== before.procedure)
        changes.push(named(`serves ${after.procedure}, not ${before.procedure}`));
    }
  }
  return changes;
}

/** The gate's verdict: the breaking changes, and whether a pending major changeset of the package allows them. */
export function verdictOf(changes: readonly string[], majors: ReadonlySet<string>, packageName: string) {
  return { changes, allowed: changes.length === 0 || majors.has(packageName) };
}
