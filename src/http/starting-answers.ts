import { randomUUID } from 'node:crypto';
import { escapeHtml } from '../escape-html.js';
import type { ErrorBody } from './api-error.js';

/**
 * What the API answers before its engine and index are ready: alive (so a supervisor does not
 * restart a process that is only waiting), not ready, and a 503 naming the step for everything
 * else, so a client learns the service is starting rather than finding nothing listening.
 */
export function answerWhileStarting(step: () => string, startedAt = Date.now()): (request: Request) => Response {
  return (request) => {
    const requestId = randomUUID();
    const headers = { 'content-type': 'application/json', 'x-content-type-options': 'nosniff', 'x-request-id': requestId };
    const { pathname } = new URL(request.url);
    if (pathname === '/health/live')
      return Response.json({ status: 'alive', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }, { status: 200, headers });
    if (pathname === '/health/ready') return Response.json({ status: 'starting', reason: step() }, { status: 503, headers });
    // A reader who opened the page early sees it is coming, and the page comes by itself.
    if (request.method === 'GET' && request.headers.get('accept')?.includes('text/html'))
      return new Response(startingPage(step()), {
        status: 503,
        headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'retry-after': '5' },
      });
    const body: ErrorBody = { error: { code: 'starting', message: `The service is starting (${step()}); try again shortly.`, requestId } };
    return Response.json(body, { status: 503, headers: { ...headers, 'retry-after': '5' } });
  };
}

function startingPage(step: string): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><meta name="viewport" content="width=device-width, initial-scale=1"><title>البحث في الأخبار يبدأ…</title></head>
<body><main><h1>البحث في الأخبار يبدأ…</h1><p>تُحدَّث هذه الصفحة وحدها كل خمس ثوانٍ إلى أن تجهز الخدمة.</p><p lang="en" dir="ltr">The service is starting (${escapeHtml(step)}); this page reloads itself every 5 seconds.</p></main></body>
</html>
`;
}
