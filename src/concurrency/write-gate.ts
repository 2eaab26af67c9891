/**
 * Writes of this process to an index, against the one moment that must see none in flight: an
 * alias swap after a final catch-up. Writes run side by side; `exclusive` waits for those in
 * flight, holds new ones back while its work runs, then lets them go.
 */
export class WriteGate {
  private active = 0;
  private barrier: Promise<void> | undefined;
  private idle: (() => void) | undefined;

  write = async <T>(work: () => Promise<T>): Promise<T> => {
    while (this.barrier) await this.barrier;
    this.active++;
    try {
      return await work();
    } finally {
      if (--this.active === 0) this.idle?.();
    }
  };

  exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    while (this.barrier) await this.barrier;
    let open = () => {};
    this.barrier = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.active > 0) await new Promise<void>((resolve) => (this.idle = resolve));
      this.idle = undefined;
      return await work();
    } finally {
      this.barrier = undefined;
      open();
    }
  };
}
