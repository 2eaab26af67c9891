import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { accepts } from 'hono/accepts';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

const gzip = promisify(gzipCallback);

/** Below this an answer travels as it is: gzip's own header and the work would outweigh the bytes saved. */
const MIN_COMPRESSED_BYTES = 1024;
/** A search's answer of 24 KB: level 1 takes 0.3 ms for 7.2 KB, the default level 0.6 ms for 6.3 KB. */
const GZIP_LEVEL = 1;

/**
 * Gzip for a client that accepts it, with Node's zlib on the whole answer (every answer here is
 * built whole). Hono's `compress` pipes the answer through a web `CompressionStream`, which cost a
 * search about 1 ms of CPU more than this.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const answer = c.res;
    const type = answer.headers.get('content-type');
    if (!answer.body || !type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
    if (c.req.method === 'HEAD' || answer.status === 206 || answer.headers.has('content-encoding')) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(answer.headers.get('cache-control') ?? '')) return;
    const headers = new Headers(answer.headers);
    const vary = headers.get('vary');
    if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' });
    const bytes = new Uint8Array(await answer.arrayBuffer());
    // Set whole: assigned over an answer, Hono copies the old one's headers (length, ETag) onto the new.
    c.res = undefined;
    if (encoding !== 'gzip' || bytes.byteLength < MIN_COMPRESSED_BYTES) {
      c.res = new Response(bytes, { status: answer.status, headers });
      return;
    }
    headers.set('content-encoding', 'gzip');
    headers.delete('content-length');
    // The compressed bytes differ from the ones the ETag named.
    const etag = headers.get('etag');
    if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
    c.res = new Response(await gzip(bytes, { level: GZIP_LEVEL }), { status: answer.status, headers });
  };
}
