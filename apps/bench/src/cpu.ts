import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second, as /proc counts CPU time (USER_HZ: 100 on Linux). */
const ticksPerSecond = 100;

/** CPU seconds (user and system) a process has spent, from /proc; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** CPU seconds so far of each PostgreSQL process of the machine (the postmaster, its backends and workers), by pid. */
export function postgresCpu(): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === 'postgres') {
        seconds.set(Number(entry), cpuSecondsOf(Number(entry)));
      }
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return seconds;
}

/**
 * The CPU seconds PostgreSQL spent since `before`, whichever connection served: what each process still running
 * spent since then (all of it for one started since). A backend that ended meanwhile takes its share with it.
 */
export function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresCpu()) total += seconds - (before.get(pid) ?? 0);
  return total;
}
