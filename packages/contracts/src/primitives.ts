import { z } from 'zod';

/**
 * Kardow's published examples use ids such as 44444444-4444-4444-4444-444444444444, which are not RFC 4122
 * uuids, so ids a Kardow caller sends are checked for the 8-4-4-4-12 hex shape only.
 */
export const looseUuid = z.guid().toLowerCase();

/** Trimmed and lower-cased before it is checked, so lookups and uniqueness ignore case and stray spaces. */
export const normalizedEmail = z.string().trim().toLowerCase().max(320).pipe(z.email());

export const isoDateTime = z.iso.datetime({ offset: true });

/** A free-form JSON object owned by the caller (metadata, custom fields). */
export const jsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof jsonObject>;

/** Money with at most four decimal places, so nothing is silently rounded when it is stored. */
export const moneyAmount = z
  .number()
  .nonnegative()
  .max(1e12)
  .refine((value) => Math.abs(value * 1e4 - Math.round(value * 1e4)) < 1e-6, {
    message: 'must have at most 4 decimal places',
  });

/** ISO-4217 alphabetic code, accepted in any case and stored upper-case. */
export const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter ISO-4217 currency code')
  .transform((code) => code.toUpperCase());

/**
 * For an object-level refine that should be reported beside field errors (zod skips it by default once a field
 * failed): run it whenever the value is an object at all. `() => true` would also run it on null, and report a list twice.
 */
export const whenAnObject = ({ value }: { value: unknown }) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
