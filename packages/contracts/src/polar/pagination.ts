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
  sorting: z
    .array(z.enum(['created_at', '-created_at']))
    .min(1)
    .default(['-created_at']),
};

export const pagination = z.object({
  totalCount: z.int(),
  /** ceil(totalCount / limit); 0 for an empty list. */
  maxPage: z.int(),
});
export type Pagination = z.infer<typeof pagination>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), pagination });
