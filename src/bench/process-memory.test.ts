import { describe, expect, it } from 'vitest';
import { parseProcStatus, readResidentMemory } from './process-memory.js';

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
