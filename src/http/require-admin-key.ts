import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

/** Admin endpoints need `Authorization: Bearer <ADMIN_API_KEY>`; with no key configured they are off. */
export function requireAdminKey(adminApiKey: string | undefined): MiddlewareHandler {
  return async (_c, next) => {
    if (!adminApiKey) throw new ApiError(403, 'admin_disabled', 'Admin endpoints are disabled: no ADMIN_API_KEY is configured.');
    const header = _c.req.header('authorization') ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const expected = Buffer.from(adminApiKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError(401, 'unauthorized', 'A valid admin key is required (Authorization: Bearer …).');
    }
    await next();
  };
}
