import { z } from 'zod';

/** Polar's offset pagination: `page` from 1, `limit` defaults to 10 and is capped at 100 (not refused). */
export const pageInput = {
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .transform((limit) => Math.min(limit, 100)),
};

/** `sorting`, repeatable: criteria applied in order, each ascending or, with `-`, descending. */
const sorting = <const C extends readonly [string, ...string[]]>(criteria: C) =>
  z.array(z.enum(criteria)).min(1).default(['-created_at']);

export const memberSorting = sorting(['created_at', '-created_at']);
export const customerSorting = sorting(['created_at', '-created_at', 'email', '-email', 'name', '-name']);

export const pagination = z
  .object({
    totalCount: z.int(),
    /** ceil(totalCount / limit); 0 for an empty list. */
    maxPage: z.int(),
  })
  .meta({ id: 'Pagination' });
export type Pagination = z.infer<typeof pagination>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), pagination });
