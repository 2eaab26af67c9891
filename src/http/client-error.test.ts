import { describe, expect, it } from 'vitest';
import { clientErrorResponse } from './client-error.js';

describe('clientErrorResponse', () => {
  it('tells a client with raw Arabic in the URL to percent-encode it', () => {
    const { status, body } = clientErrorResponse('HPE_INVALID_URL');
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_url');
    expect(body.error.message).toMatch(/percent-encoded/);
  });

  it('answers an oversized request line 431, pointing at the q limit', () => {
    const { status, body } = clientErrorResponse('HPE_HEADER_OVERFLOW');
    expect(status).toBe(431);
    expect(body.error.message).toMatch(/at most 500 characters/);
  });

  it('keeps Node’s 408 for a request that never finished arriving', () => {
    expect(clientErrorResponse('ERR_HTTP_REQUEST_TIMEOUT').status).toBe(408);
  });

  it('answers anything else the parser refuses 400, each answer with its own request id', () => {
    const first = clientErrorResponse('HPE_INVALID_METHOD');
    const second = clientErrorResponse(undefined);
    expect([first.status, second.status]).toEqual([400, 400]);
    expect(first.body.error.code).toBe('bad_request');
    expect(first.body.error.requestId).not.toBe(second.body.error.requestId);
  });
});
