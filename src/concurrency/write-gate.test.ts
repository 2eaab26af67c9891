import { describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate.js';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WriteGate', () => {
  it('runs exclusive work only once the writes in flight are done, and holds new writes until it ends', async () => {
    const gate = new WriteGate();
    const events: string[] = [];
    const write = (name: string, ms: number) =>
      gate.write(async () => {
        events.push(`${name} start`);
        await tick(ms);
        events.push(`${name} end`);
      });
    const first = write('w1', 20);
    await tick(1);
    const exclusive = gate.exclusive(async () => {
      events.push('swap start');
      await tick(10);
      events.push('swap end');
    });
    await tick(1);
    const second = write('w2', 1);
    await Promise.all([first, exclusive, second]);
    expect(events).toEqual(['w1 start', 'w1 end', 'swap start', 'swap end', 'w2 start', 'w2 end']);
  });

  it('lets writes run side by side, and opens again after exclusive work fails', async () => {
    const gate = new WriteGate();
    let running = 0;
    let most = 0;
    const write = () =>
      gate.write(async () => {
        most = Math.max(most, ++running);
        await tick();
        running--;
      });
    await Promise.all([write(), write(), write()]);
    expect(most).toBe(3);
    await expect(gate.exclusive(async () => Promise.reject(new Error('swap failed')))).rejects.toThrow('swap failed');
    await write();
  });
});
