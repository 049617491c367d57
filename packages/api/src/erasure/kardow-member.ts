import type { Eraser } from './copies.js';

/**
 * Kardow's shapes (member, access, payment) about an erased member: the objects that name its id as `id`, `memberId`
 * or `userId`, or its email, keep their ids, roles, plans and amounts and lose the personal fields, whatever values
 * they held then (a name before an update too): the email becomes an address at `erased.invalid` (RFC 2606: it names
 * nobody) that keeps the member's id, the name `[erased]`, and the description, picture, custom fields and metadata
 * null.
 */
export function kardowMemberEraser(memberId: string, email: string): Eraser {
  const fields: Record<string, unknown> = {
    email: `erased-${memberId}@erased.invalid`,
    name: '[erased]',
    description: null,
    profilePicture: null,
    customFields: null,
    metadata: null,
  };
  return (object) => {
    const about = ['id', 'memberId', 'userId'].some((key) => object[key] === memberId) || object.email === email;
    if (!about) return undefined;
    return Object.fromEntries(
      Object.entries(object).map(([key, value]) => [key, value !== null && key in fields ? fields[key] : value]),
    );
  };
}
