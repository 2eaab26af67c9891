/** The few ways an engine call fails, the same for every engine family. */
export type EngineErrorKind =
  | 'unavailable' // cannot connect, or the cluster cannot serve
  | 'timeout'
  | 'index_missing'
  | 'rejected' // the engine refused the request (bad body, mapping conflict, too many requests)
  | 'not_found';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    readonly engineType?: string,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export function isEngineError(error: unknown, kind?: EngineErrorKind): error is EngineError {
  return error instanceof EngineError && (kind === undefined || error.kind === kind);
}
