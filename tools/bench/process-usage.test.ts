import { describe, expect, it } from 'vitest';
import { parseProcStatCpuSeconds, parseProcStatus, readCpuSeconds, readResidentMemory } from './process-usage.js';

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
