import { z } from 'zod';

/** Polar trims names and external ids, and treats an empty one as absent (null). */
export const trimmedOrNull = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable();

export const polarEmail = z.string().trim().max(320).pipe(z.email());

/**
 * An id a caller names: any uuid, whatever its version (a v7 or the nil uuid is looked up and not found, as in
 * Polar), lower-cased so it compares alike on every database.
 */
export const polarId = z.guid().toLowerCase().meta({ format: 'uuid' });

/** An id a body must give as a uuid4, where Polar's schema says so (`customer_id` of a create); lower-cased. */
export const polarId4 = z.uuidv4().toLowerCase().meta({ format: 'uuid4' });

/** An id this service made: always a uuid4, as Polar's schema says. */
export const polarOutputId = z.string().meta({ format: 'uuid4' });
export const polarTimestamp = z.string().meta({ format: 'date-time' });

/** A query-string boolean as pydantic reads one. */
export const queryBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])])
  .transform((value) => value === true || value === 'true' || value === '1' || value === 'yes' || value === 'on');

/** Polar's metadata: at most 50 keys of 1 to 40 characters; values strings of 1 to 500 characters, numbers or booleans. */
export const polarMetadata = z
  .record(z.string().min(1).max(40), z.union([z.string().min(1).max(500), z.number(), z.boolean()]))
  .refine((metadata) => Object.keys(metadata).length <= 50, { message: 'Metadata can have at most 50 keys' });
export type PolarMetadata = z.infer<typeof polarMetadata>;

/** Polar's stored metadata, as served. */
export const polarMetadataOutput = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/**
 * The API versions a `Polar-Version` header may name: 2026-10's bodies are a superset of 2026-06-08's, so one
 * answer serves both. No header is the newest.
 */
export const polarApiVersion = z.enum(['2026-06-08', '2026-10']);
