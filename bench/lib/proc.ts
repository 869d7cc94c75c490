/**
 * CPU time and memory of processes from /proc (Linux only), and the machine's total CPU, so each
 * figure can be shown beside the load that other tenants put on the shared machine.
 */
import { readFileSync } from "node:fs";

/** Kernel clock ticks per second (`getconf CLK_TCK`); 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;
const MS_PER_TICK = 1000 / TICKS_PER_SECOND;

/** user + system CPU time of a process (all its threads) in ms, or undefined once it has exited. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of the whole line (utime, stime) are 12 and 13 here.
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}

/** Resident set size of a process in MiB, or undefined once it has exited. */
export function processRssMiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The machine's CPU time since boot, summed over cores, in ms. */
export interface MachineCpu {
  /** user + nice + system + irq + softirq: time some process or the kernel ran. */
  busyMs: number;
  /** Time the hypervisor ran other guests while ours wanted the CPU. */
  stealMs: number;
}

export function machineCpu(): MachineCpu {
  const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0];
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busyMs: (user + nice + system + irq + softirq) * MS_PER_TICK, stealMs: (steal ?? 0) * MS_PER_TICK };
}
