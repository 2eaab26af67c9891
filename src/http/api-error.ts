import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isEngineError } from '../engine/engine-error.js';

/** Every `error.code` the API answers with: stable, for clients to branch on. */
export type ErrorCode =
  | 'invalid_parameter'
  | 'invalid_url'
  | 'bad_request'
  | 'unauthorized'
  | 'admin_disabled'
  | 'not_found'
  | 'method_not_allowed'
  | 'request_timeout'
  | 'request_too_large'
  | 'payload_too_large'
  | 'insufficient_storage'
  | 'unsupported_encoding'
  | 'unsupported_media_type'
  | 'query_rejected'
  | 'unknown_source'
  | 'too_many_alternatives'
  | 'too_many_values'
  | 'judgments_read_only'
  | 'task_conflict'
  | 'task_cancelled'
  | 'task_failed'
  | 'too_many_requests'
  | 'overloaded'
  | 'starting'
  | 'engine_unavailable'
  | 'engine_timeout'
  | 'index_missing'
  | 'internal_error';

/** The one error body shape of every 4xx/5xx answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string; field?: string };
}

/** A failure the API answers on purpose, with its status and a stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** The failure behind it, for the log (a 5xx is logged with it); never in the answer. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ApiError';
  }
}

export function errorBody(c: Context, code: ErrorCode, message: string, field?: string): ErrorBody {
  return { error: { code, message, requestId: String(c.get('requestId') ?? ''), ...(field ? { field } : {}) } };
}

/** Maps any thrown error to a status and a body; an unexpected one becomes a 500 with no internals. */
export function toErrorResponse(error: unknown, c: Context): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof ApiError) return { status: error.status, body: errorBody(c, error.code, error.message, error.field) };
  // Hono's body validators refuse a JSON body that does not parse (400) or is not sent as JSON (415).
  if (error instanceof HTTPException && error.status === 415) {
    return { status: 415, body: errorBody(c, 'unsupported_media_type', 'content-type: send the body as application/json', 'content-type') };
  }
  if (error instanceof HTTPException && error.status === 400) {
    return { status: 400, body: errorBody(c, 'invalid_parameter', `body: ${error.message || 'unreadable'}`, 'body') };
  }
  const known = describeEngineError(error);
  if (known) return { status: 503, body: errorBody(c, known.code, known.message) };
  return { status: 500, body: errorBody(c, 'internal_error', 'An unexpected error occurred.') };
}

/** The code and message the API gives an engine failure, or undefined for any other error. */
export function describeEngineError(error: unknown): { code: ErrorCode; message: string } | undefined {
  if (isEngineError(error, 'unavailable')) return { code: 'engine_unavailable', message: 'The search engine is unavailable; try again shortly.' };
  if (isEngineError(error, 'timeout')) return { code: 'engine_timeout', message: 'The search engine did not answer in time; try again shortly.' };
  if (isEngineError(error, 'index_missing')) return { code: 'index_missing', message: 'The article index is not available yet; try again shortly.' };
  // Refusals that are no fault of the request: the service's credentials, or an engine at capacity.
  if (isEngineError(error, 'rejected') && (error.statusCode === 401 || error.statusCode === 403)) {
    return { code: 'engine_unavailable', message: "The search engine refused this service's credentials; an operator must check them." };
  }
  if (isEngineError(error, 'rejected') && error.statusCode === 429)
    return { code: 'overloaded', message: 'The search engine is at capacity; try again shortly.' };
  return undefined;
}
