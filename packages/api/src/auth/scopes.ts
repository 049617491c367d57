import type { Scope } from '@members/contracts';

/** A read scope is also granted by its write scope, and `admin` grants everything. */
const impliedBy: Record<Scope, readonly Scope[]> = {
  'members:read': ['members:read', 'members:write', 'admin'],
  'members:write': ['members:write', 'admin'],
  'customers:read': ['customers:read', 'customers:write', 'admin'],
  'customers:write': ['customers:write', 'admin'],
  admin: ['admin'],
};

export function grants(granted: readonly Scope[], required: Scope): boolean {
  return impliedBy[required].some((scope) => granted.includes(scope));
}
