import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { ErrorBody, ErrorCode } from './api-error.js';
import { answerClientError, rawErrorAnswer } from './client-error.js';

/**
 * The app on Node's HTTP server, every answer in the API's JSON error shape: requests Node's parser
 * refuses (`clientError`), request targets that are no path (`GET *`), and CONNECT, which Node
 * hands to a 'connect' listener or else closes without a word.
 */
export function createHttpServer(
  fetch: (request: Request) => Response | Promise<Response>,
  hostname: string,
  /** Told the status of each answer given here, before the app: the app's metrics never see these requests. */
  onRefused: (status: number) => void = () => {},
  /** Told of a failure the app did not answer itself (a value thrown that is no Error escapes its error handler). */
  onFailure: (error: unknown) => void = () => {},
): Server {
  const listener = getRequestListener(fetch, {
    hostname,
    errorHandler: (error: unknown) => {
      // No request could be made of what was sent: the client's fault.
      if (error instanceof RequestError) {
        onRefused(400);
        return jsonError(400, 'bad_request', 'The request target must be a path such as /search.');
      }
      onRefused(500);
      onFailure(error);
      return jsonError(500, 'internal_error', 'An unexpected error occurred.');
    },
  });
  // Node answers an HTTP/1.1 request without Host with a bare 400 of its own, and reads a request line
  // without a version as HTTP/0.9: both are refused here, in the API's shape.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    const refusal =
      request.httpVersionMajor < 1
        ? 'The request line must end with its HTTP version (GET /search HTTP/1.1).'
        : request.httpVersionMinor >= 1 && !request.headers.host
          ? 'An HTTP/1.1 request must name its Host.'
          : undefined;
    if (refusal === undefined) return void listener(request, response);
    onRefused(400);
    const body: ErrorBody = { error: { code: 'bad_request', message: refusal, requestId: randomUUID() } };
    response.shouldKeepAlive = false;
    const json = JSON.stringify(body);
    response
      .writeHead(400, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
        'x-content-type-options': 'nosniff',
        'x-request-id': body.error.requestId,
        connection: 'close',
      })
      .end(json);
  });
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    const status = answerClientError(error, socket);
    if (status !== undefined) onRefused(status);
  });
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    onRefused(405);
    const body: ErrorBody = {
      error: { code: 'method_not_allowed', message: 'CONNECT is not served: this is an HTTP API, not a proxy.', requestId: randomUUID() },
    };
    socket.end(rawErrorAnswer(405, 'Method Not Allowed', body));
  });
  return server;
}

function jsonError(status: number, code: ErrorCode, message: string): Response {
  const body: ErrorBody = { error: { code, message, requestId: randomUUID() } };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff', 'x-request-id': body.error.requestId },
  });
}
