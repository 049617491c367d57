/**
 * Customers and customer members are soft-deleted (a deleted customer keeps its id, and is never served again): a
 * read keeps to live rows through these two, so that the rule is written once.
 */
export const live = { deletedAt: null } as const;

/** The same rule in hand-written SQL, for the table `alias` names (unqualified without one). */
export const liveSql = (alias?: string) => (alias ? `${alias}.deleted_at is null` : 'deleted_at is null');
