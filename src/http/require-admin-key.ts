import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

/** Admin endpoints need `Authorization: Bearer <ADMIN_API_KEY>`; with no key configured they are off. */
export function requireAdminKey(adminApiKey: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!adminApiKey) throw new ApiError(403, 'admin_disabled', 'Admin endpoints are disabled: no ADMIN_API_KEY is configured.');
    // The scheme's name is case-insensitive (RFC 9110 §11.1): bearer and BEARER are Bearer.
    const header = c.req.header('authorization') ?? '';
    const scheme = /^bearer +/i.exec(header);
    const given = Buffer.from(scheme ? header.slice(scheme[0].length) : '');
    const expected = Buffer.from(adminApiKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      // RFC 6750 §3: a 401 names the scheme that would be accepted.
      c.header('WWW-Authenticate', 'Bearer realm="admin"');
      throw new ApiError(401, 'unauthorized', 'A valid admin key is required (Authorization: Bearer …).');
    }
    await next();
  };
}
