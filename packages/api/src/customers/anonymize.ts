import { createHash } from 'node:crypto';

/**
 * Polar's anonymization of a deleted customer (`polar/kit/anonymization.py`): a value becomes the SHA-256 of the
 * row's creation time and the value, an email that hash at `anonymized.polar.sh`. As in Polar, the salt is stored
 * beside the hash: the value is gone from the row, but a guess of it can still be checked against the hash.
 */
const anonymizedDomain = 'anonymized.polar.sh';

const hashed = (value: string, createdAt: Date) =>
  createHash('sha256').update(createdAt.toISOString()).update(value).digest('hex');

interface PersonalFields {
  email?: string | null | undefined;
  emailKey?: string | null | undefined;
  name?: string | null | undefined;
  createdAt: Date;
}

/** Replaces a customer's or a customer member's email and name in Polar's form; a row done before is left as it is. */
export function anonymize(row: PersonalFields): void {
  if (row.email?.endsWith(`@${anonymizedDomain}`)) return;
  if (row.email) {
    row.email = `${hashed(row.email, row.createdAt)}@${anonymizedDomain}`;
    row.emailKey = row.email;
  }
  if (row.name) row.name = hashed(row.name, row.createdAt);
}
