/** A command line the admin tool cannot run as typed: its message is the whole explanation. */
export class UsageError extends Error {}
