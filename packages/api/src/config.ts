/**
 * The settings the domain reads for itself, wherever it runs (the server, the worker, the admin CLI), each with what
 * it means; the server's own settings are its config.ts.
 */
export const domainConfig = {
  /** WEBHOOK_ALLOW_PRIVATE=1: deliver to private and loopback addresses too (tests, private networks). */
  webhookAllowPrivate: process.env.WEBHOOK_ALLOW_PRIVATE === '1',
  /** MEMBERS_CRASH_AT: the crash point at which this process kills itself. Only the fault suite sets it. */
  crashAt: process.env.MEMBERS_CRASH_AT,
};
