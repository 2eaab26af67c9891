import { readFileSync, writeFileSync } from 'node:fs';

/** Resident memory of a process, in MB: now (VmRSS) and the peak since start or the last reset (VmHWM). */
export interface ResidentMemory {
  rssMb: number;
  peakRssMb: number;
}

/** Reads VmRSS and VmHWM from the text of `/proc/<pid>/status` (values in kB). */
export function parseProcStatus(status: string): ResidentMemory {
  const kilobytes = (field: string) => {
    const match = new RegExp(`^${field}:\\s*(\\d+)\\s*kB$`, 'm').exec(status);
    if (!match) throw new Error(`no ${field} in the process status`);
    return Number(match[1]);
  };
  return { rssMb: kilobytes('VmRSS') / 1024, peakRssMb: kilobytes('VmHWM') / 1024 };
}

export function readResidentMemory(pid: number): ResidentMemory {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/** Starts a new peak for VmHWM (Linux: writing 5 to clear_refs), so each phase reports its own. */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * Samples a process's memory every `intervalMs` until stopped: the highest VmRSS seen and the last
 * VmHWM read. A process that exits keeps the figures of its last sample.
 */
export function sampleResidentMemory(pid: number, intervalMs = 100): { stop(): ResidentMemory } {
  const seen: ResidentMemory = { rssMb: 0, peakRssMb: 0 };
  const sample = () => {
    try {
      const now = readResidentMemory(pid);
      seen.rssMb = Math.max(seen.rssMb, now.rssMb);
      seen.peakRssMb = Math.max(seen.peakRssMb, now.peakRssMb);
    } catch {
      // The process has exited: its last sample stands.
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return { stop: () => (clearInterval(timer), sample(), seen) };
}

/** Kernel clock ticks per second as /proc reports CPU time (USER_HZ, 100 on Linux). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds a process has used (user + system), from the text of `/proc/<pid>/stat`. Fields are
 * counted after the command name, which is in parentheses and may itself hold spaces.
 */
export function parseProcStatCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3 of the whole line, utime 14 and stime 15.
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('no CPU times in the process stat');
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU seconds the whole machine spent busy (every state but idle and iowait), and waiting on I/O,
 * from the `cpu` line of `/proc/stat`: what the measured processes did not use was used by others.
 */
export function parseMachineCpuSeconds(procStat: string): { busy: number; ioWait: number } {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  const ticks = line?.trim().split(/\s+/).slice(1).map(Number);
  if (!ticks || ticks.length < 5 || ticks.some((t) => !Number.isFinite(t))) throw new Error('no cpu line in /proc/stat');
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice).
  const [user = 0, nice = 0, system = 0, , ioWait = 0, irq = 0, softirq = 0, steal = 0] = ticks;
  return { busy: (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND, ioWait: ioWait / CLOCK_TICKS_PER_SECOND };
}

export function readMachineCpuSeconds(): { busy: number; ioWait: number } {
  return parseMachineCpuSeconds(readFileSync('/proc/stat', 'utf8'));
}

export function readCpuSeconds(pid: number): number {
  return parseProcStatCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** Runs `work` while sampling a process's memory, its peak reset first so the figures are this phase's. */
export async function withMemory<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; memory: ResidentMemory }> {
  resetPeakRss(pid);
  const sampler = sampleResidentMemory(pid);
  const result = await work();
  return { result, memory: sampler.stop() };
}
