import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The CPUs a benchmark gives the engine and the Node processes when they must not share cores. */
export interface CoreSplit {
  engine: string;
  node: string;
  all: string;
}

/** Core 0 for the engine, the rest for Node; none when the machine has a single core. */
export function splitCores(cores = availableParallelism()): CoreSplit | undefined {
  if (cores < 2) return undefined;
  return { engine: '0', node: cores === 2 ? '1' : `1-${cores - 1}`, all: `0-${cores - 1}` };
}

/**
 * Confines a process, every thread of it, to `cpus` (a taskset list such as "0" or "1-3").
 * Processes it starts afterwards inherit the set.
 */
export async function pinProcess(pid: number, cpus: string): Promise<void> {
  if (!existsSync(`/proc/${pid}`)) throw new Error(`process ${pid} is not on this machine: its cores cannot be set from here`);
  try {
    await run('taskset', ['--all-tasks', '--pid', '--cpu-list', cpus, String(pid)]);
  } catch (error) {
    throw new Error(`taskset could not pin process ${pid} to CPUs ${cpus} (util-linux's taskset is needed): ${(error as Error).message}`);
  }
}
