import { scopes, type ProcedureScope } from './enums.js';

/**
 * A read scope is also granted by its write scope, and `admin` grants every scope of a key. The portal's scope is
 * held by member sessions alone.
 */
const impliedBy: Record<ProcedureScope, readonly ProcedureScope[]> = {
  'members:read': ['members:read', 'members:write', 'admin'],
  'members:write': ['members:write', 'admin'],
  'customers:read': ['customers:read', 'customers:write', 'admin'],
  'customers:write': ['customers:write', 'admin'],
  'customer_sessions:write': ['customer_sessions:write', 'admin'],
  admin: ['admin'],
  'customer_portal:write': ['customer_portal:write'],
  api_key: scopes,
};

/** Whether a key (or session) holding `granted` may call what requires `required`: the server's rule, and the console's. */
export function grants(granted: readonly ProcedureScope[], required: ProcedureScope): boolean {
  return impliedBy[required].some((scope) => granted.includes(scope));
}
