import type { JsonObject } from '@members/contracts';

/**
 * Kardow's customFields rule: omitted leaves what is stored, null clears everything, and an object is merged
 * key by key into what is stored, where a key set to null is removed. Only the top level is merged: a nested
 * object replaces the stored value whole, as a workflow that sends it expects.
 */
export function mergeCustomFields(stored: JsonObject | null, patch: JsonObject | null | undefined): JsonObject | null {
  if (patch === undefined) return stored;
  if (patch === null) return null;
  const merged: JsonObject = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
