import { describe, expect, it } from 'vitest';
import {
  parseMachineCpuSeconds,
  parseProcStatCpuSeconds,
  parseProcStatus,
  readCpuSeconds,
  readMachineCpuSeconds,
  readResidentMemory,
} from './process-usage.js';

const status = ['Name:\tnode', 'VmPeak:\t 1234567 kB', 'VmHWM:\t  204800 kB', 'VmRSS:\t  102400 kB', 'RssAnon:\t   81920 kB'].join('\n');

describe('parseProcStatus', () => {
  it('reads VmRSS and VmHWM in MB, not the fields that share their prefix', () => {
    expect(parseProcStatus(status)).toEqual({ rssMb: 100, peakRssMb: 200 });
  });

  it('names a missing field', () => {
    expect(() => parseProcStatus('Name:\tkthreadd\n')).toThrow(/VmRSS/);
  });

  it.runIf(process.platform === 'linux')('reads this process', () => {
    const memory = readResidentMemory(process.pid);
    expect(memory.rssMb).toBeGreaterThan(10);
    expect(memory.peakRssMb).toBeGreaterThanOrEqual(memory.rssMb);
  });
});

describe('parseProcStatCpuSeconds', () => {
  it('adds user and system time, whatever the command name holds', () => {
    const stat = '4242 (node main (api)) S 1 4242 4242 0 -1 4194304 5000 0 0 0 1234 566 0 0 20 0 11 0 100 1000 25000';
    expect(parseProcStatCpuSeconds(stat)).toBe(18);
  });

  it.runIf(process.platform === 'linux')('reads this process, whose CPU time grows as it works', () => {
    const before = readCpuSeconds(process.pid);
    const until = Date.now() + 150;
    while (Date.now() < until); // busy on purpose
    expect(readCpuSeconds(process.pid)).toBeGreaterThan(before);
  });
});

describe('parseMachineCpuSeconds', () => {
  it('counts every busy state of the cpu line, not idle, and iowait apart', () => {
    const stat = ['cpu  4000 100 900 20000 300 0 50 7 0 0', 'cpu0 2000 50 450 10000 150 0 25 4 0 0', 'intr 1 2 3'].join('\n');
    expect(parseMachineCpuSeconds(stat)).toEqual({ busy: (4000 + 100 + 900 + 50 + 7) / 100, ioWait: 3 });
  });

  it('names what it cannot read', () => {
    expect(() => parseMachineCpuSeconds('intr 1 2 3\n')).toThrow(/cpu line/);
  });

  it.runIf(process.platform === 'linux')('reads this machine, whose busy time grows while this process works', () => {
    const before = readMachineCpuSeconds().busy;
    const until = Date.now() + 150;
    while (Date.now() < until);
    expect(readMachineCpuSeconds().busy).toBeGreaterThan(before);
  });
});
