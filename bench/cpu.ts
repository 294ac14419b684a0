import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 for user space.
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of a process so far; 0 once it has gone (or on another machine). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine has been busy (idle and iowait left out), over all cores and all processes, ours or not. */
function machineBusySeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/** Named groups of processes; a group's pids are looked up at the start and at the end (PostgreSQL backends come and go). */
export type ProcessGroups = Record<string, () => number[] | Promise<number[]>>;

export interface CpuUsage {
  wallSeconds: number;
  /** CPU seconds per group, plus `machine` for everything that ran on the machine. */
  cpuSeconds: Record<string, number>;
}

/**
 * Starts measuring; the returned function gives the CPU each group used since. A process born during
 * the measurement counts from zero; one that ended during it is lost (an undercount, never double).
 */
export async function startCpuMeter(groups: ProcessGroups): Promise<() => Promise<CpuUsage>> {
  const before = new Map<number, number>();
  for (const pids of Object.values(groups)) for (const pid of await pids()) before.set(pid, processCpuSeconds(pid));
  const machineBefore = machineBusySeconds();
  const startedAt = performance.now();
  return async () => {
    const cpuSeconds: Record<string, number> = {};
    for (const [name, pids] of Object.entries(groups)) {
      cpuSeconds[name] = (await pids()).reduce((sum, pid) => sum + processCpuSeconds(pid) - (before.get(pid) ?? 0), 0);
    }
    cpuSeconds.machine = machineBusySeconds() - machineBefore;
    return { wallSeconds: (performance.now() - startedAt) / 1000, cpuSeconds };
  };
}
