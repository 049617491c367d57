import { domainConfig } from './config.js';

/** The instants at which the fault suite makes a server die, which no SIGKILL sent from outside could hit on purpose. */
export type CrashPoint = 'idempotent-before-commit' | 'idempotent-after-commit';

/**
 * Kills this process at `point` when `MEMBERS_CRASH_AT` names it, as the kernel's OOM killer would: no handler runs,
 * no transaction ends, nothing is flushed. Only tests set the variable.
 */
export function crashPoint(point: CrashPoint): void {
  if (domainConfig.crashAt === point) process.kill(process.pid, 'SIGKILL');
}
