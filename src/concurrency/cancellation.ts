/** Work stopped because its caller cancelled it; `partial` says what was done until then. */
export class OperationCancelledError extends Error {
  constructor(
    message = 'cancelled',
    readonly partial?: unknown,
  ) {
    super(message);
    this.name = 'OperationCancelledError';
  }
}

/** Throws an OperationCancelledError (carrying `partial`) once the signal is aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, partial?: unknown): void {
  if (signal?.aborted)
    throw new OperationCancelledError(String(signal.reason instanceof Error ? signal.reason.message : (signal.reason ?? 'cancelled')), partial);
}

export function isCancellation(error: unknown): error is OperationCancelledError {
  return error instanceof OperationCancelledError;
}
