import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { ApiError } from './api-error.js';
import { clientOf, RateLimiter } from './rate-limit.js';

/** Wrong admin keys a client may send: this many at once, then one every six seconds, so a key cannot be guessed by trying. */
export const ADMIN_KEY_TRIES = { perMinute: 10, burst: 10 };

/**
 * Admin endpoints need `Authorization: Bearer <ADMIN_API_KEY>`; with no key configured they are off.
 * A client that has sent too many wrong keys is answered 429 whatever it sends, until its tries come back.
 */
export function requireAdminKey(adminApiKey: string | undefined, options: { logger: Logger; trustProxy: boolean; tries?: RateLimiter }): MiddlewareHandler {
  const tries = options.tries ?? new RateLimiter(ADMIN_KEY_TRIES.perMinute, ADMIN_KEY_TRIES.burst);
  return async (c, next) => {
    if (!adminApiKey) throw new ApiError(403, 'admin_disabled', 'Admin endpoints are disabled: no ADMIN_API_KEY is configured.');
    const client = clientOf(c, options.trustProxy);
    const left = tries.peek(client);
    if (!left.allowed) {
      c.header('Retry-After', String(left.retryAfterSeconds));
      throw new ApiError(429, 'too_many_requests', `Too many wrong admin keys from this client; retry in ${left.retryAfterSeconds} s.`);
    }
    // The scheme's name is case-insensitive (RFC 9110 §11.1): bearer and BEARER are Bearer.
    const header = c.req.header('authorization') ?? '';
    const scheme = /^bearer +/i.exec(header);
    const given = Buffer.from(scheme ? header.slice(scheme[0].length) : '');
    const expected = Buffer.from(adminApiKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      // A wrong key is a try (who tried and where is logged, never what was sent); no key guesses nothing.
      if (header) {
        tries.take(client);
        options.logger.warn({ requestId: c.get('requestId'), client, method: c.req.method, path: c.req.path }, 'admin key refused');
        // The refusals that follow are 429s, each in the request log only: the lock itself is said once.
        const locked = tries.peek(client);
        if (!locked.allowed) options.logger.warn({ client, retryAfterSeconds: locked.retryAfterSeconds }, 'admin locked for this client: too many wrong keys');
      }
      // RFC 6750 §3: a 401 names the scheme that would be accepted.
      c.header('WWW-Authenticate', 'Bearer realm="admin"');
      throw new ApiError(401, 'unauthorized', 'A valid admin key is required (Authorization: Bearer …).');
    }
    await next();
  };
}
