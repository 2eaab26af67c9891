import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from './api-error.js';

/**
 * Requests Node's HTTP parser refuses before the app sees them. Node would answer with an empty
 * body; these get the API's one error shape, saying what to change.
 */
export function clientErrorResponse(parserCode: string | undefined): { status: 400 | 408 | 431; reason: string; body: ErrorBody } {
  const requestId = randomUUID();
  if (parserCode === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, reason: 'Request Timeout', body: { error: { code: 'request_timeout', message: 'The request did not arrive in time.', requestId } } };
  }
  if (parserCode === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      body: { error: { code: 'request_too_large', message: 'The URL and headers exceed 16 KB; q takes at most 500 characters.', requestId } },
    };
  }
  if (parserCode === 'HPE_INVALID_URL') {
    return {
      status: 400,
      reason: 'Bad Request',
      body: {
        error: {
          code: 'invalid_url',
          message: 'The URL holds characters that must be percent-encoded (Arabic letters among them), e.g. curl -G --data-urlencode "q=…".',
          requestId,
        },
      },
    };
  }
  return { status: 400, reason: 'Bad Request', body: { error: { code: 'bad_request', message: 'The request is not valid HTTP.', requestId } } };
}

/** Answers a request the parser refused (the server's 'clientError' event) and closes its connection. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): number | undefined {
  // A connection reset or a timed-out socket has nobody left to answer.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return undefined;
  }
  const { status, reason, body } = clientErrorResponse(error.code);
  socket.end(rawErrorAnswer(status, reason, body));
  return status;
}

/** An error answer written to the socket by hand, where no route runs: its id in a header too, as every answer has. */
export function rawErrorAnswer(status: number, reason: string, body: ErrorBody): string {
  const json = JSON.stringify(body);
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nX-Content-Type-Options: nosniff\r\nX-Request-Id: ${body.error.requestId}\r\nConnection: close\r\n\r\n${json}`;
}
