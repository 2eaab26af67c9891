import { EngineError, isEngineError } from './engine-error.js';
import type { SearchEngine } from './search-engine.js';

export interface EngineGuard {
  /** While this names a reason, every call fails at once as `unavailable`, without reaching the engine. */
  refuseBecause?: () => string | undefined;
  /** Sees every engine error, by the method that met it. */
  onError?: (error: EngineError, method: string) => void;
}

/**
 * The engine behind a guard: calls are refused at once while the engine is known to be down (a
 * request to a restarting node would wait for its timeout), and every failure is seen (metrics,
 * the availability watch). The engine's own object is untouched.
 */
export function guardEngine(engine: SearchEngine, guard: EngineGuard): SearchEngine {
  return new Proxy(engine, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'close' || key === 'constructor') return value;
      return async (...args: unknown[]) => {
        const reason = guard.refuseBecause?.();
        const method = String(key);
        try {
          if (reason) throw new EngineError('unavailable', reason);
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          if (isEngineError(error)) guard.onError?.(error, method);
          throw error;
        }
      };
    },
  });
}
