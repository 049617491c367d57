import { CustomerSession, IdempotencyKey, type Database } from '@members/db';

/**
 * Forgets what has lapsed: idempotency keys past their 24 hours and customer sessions past their hour. Both are
 * refused on their own once lapsed; this only keeps the tables from growing without end. Returns how many rows went.
 */
export async function forgetLapsed(
  db: Database,
  now = new Date(),
): Promise<{ idempotencyKeys: number; sessions: number }> {
  const em = db.fork();
  const [idempotencyKeys, sessions] = await Promise.all([
    em.nativeDelete(IdempotencyKey, { expiresAt: { $lt: now } }),
    em.nativeDelete(CustomerSession, { expiresAt: { $lt: now } }),
  ]);
  return { idempotencyKeys, sessions };
}
