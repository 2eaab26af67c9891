import { describe, expect, it } from 'vitest';
import { pinProcess, splitCores } from './core-affinity.js';

describe('splitCores', () => {
  it('gives the engine core 0 and Node every other core', () => {
    expect(splitCores(2)).toEqual({ engine: '0', node: '1', all: '0-1' });
    expect(splitCores(8)).toEqual({ engine: '0', node: '1-7', all: '0-7' });
  });

  it('has nothing to split on one core', () => {
    expect(splitCores(1)).toBeUndefined();
  });
});

describe('pinProcess', () => {
  it('refuses a process that is not on this machine, naming it', async () => {
    await expect(pinProcess(2 ** 22 + 12345, '0')).rejects.toThrow(/process 4206649 is not on this machine/);
  });
});
