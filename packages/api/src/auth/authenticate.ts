import { grants, portalScope, type ProcedureScope } from '@members/contracts';
import type { Context } from '../context.js';
import { DomainError } from '../errors.js';
import { scopeFor, type RequestScope } from '../request-scope.js';
import { hashApiKey, type Principal } from './api-keys.js';
import { isSessionToken, principalForSessionToken } from './member-sessions.js';
import { limited } from './rate-limits.js';

/**
 * The caller's principal, found once per HTTP request. A request without a valid key is charged to its address,
 * and refused without a lookup once that address is over its limit; a valid key is charged once for all the calls
 * of the request.
 */
async function identify(context: Context): Promise<Principal> {
  const { limits, apiKey } = context;
  const keyHash = apiKey ? hashApiKey(apiKey) : null;
  // Over its limit, an address's requests are refused without a lookup, unless their key was valid lately (the
  // lookup then still runs, so a revoked key is refused).
  if (limits && !(keyHash && limits.isVouched(keyHash))) {
    const blocked = await limits.exhausted('address', context.clientAddress);
    if (blocked) throw limited(blocked, 'address');
  }
  // A customer portal session's token is told apart by its prefix, and read afresh every time (never cached).
  const session = apiKey !== null && isSessionToken(apiKey);
  const principal =
    apiKey === null || keyHash === null
      ? null
      : session
        ? await principalForSessionToken(context.db.fork(), apiKey)
        : await context.principals.resolve(keyHash);
  if (!principal) {
    if (limits) context.rateLimit = await limits.charge('address', context.clientAddress);
    const why =
      apiKey === null
        ? 'An API key is required (x-api-key or Authorization: Bearer)'
        : session
          ? 'The customer session is unknown or expired'
          : 'The API key is unknown or revoked';
    throw new DomainError('unauthorized', why);
  }
  if (limits && keyHash && !session) limits.vouch(keyHash);
  if (limits) context.rateLimit = await limits.charge('key', principal.keyId, context.calls);
  return principal;
}

/**
 * Who is calling, and may they call a procedure that requires `required` (a permission such as `members:write`):
 * `invoke` calls this for every call of every surface, so they authenticate alike. Each call gets its own
 * request scope (the organization, the caller and a unit of work of its own).
 */
export async function authenticate(
  context: Context,
  required: ProcedureScope,
): Promise<{ principal: Principal; requestScope: RequestScope }> {
  const principal = await (context.caller ??= identify(context));
  // A session and a key each reach only their own routes: the other's are closed to them, as to no credential.
  if (required === portalScope && !principal.member) {
    throw new DomainError('unauthorized', 'The customer portal takes a customer session token, not an API key');
  }
  if (required !== portalScope && principal.member) {
    throw new DomainError('unauthorized', 'A customer session token reaches only the customer portal');
  }
  if (!grants(principal.scopes, required)) {
    throw new DomainError('forbidden', `This API key lacks the ${required} scope`);
  }
  return {
    principal,
    requestScope: scopeFor(context.db, principal.organization, {
      member: principal.member,
      key: principal.member ? undefined : { id: principal.keyId, scopes: principal.scopes },
      origin: context.origin,
    }),
  };
}
