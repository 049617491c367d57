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
export const polarId = z.uuidv4();
