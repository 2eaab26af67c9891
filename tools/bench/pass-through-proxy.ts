import { Agent, createServer, request } from 'node:http';

// The least any Node HTTP API in front of the engine does: take a request, send it on to the engine
// over kept-alive connections, parse the JSON answer and write it back. The query benchmark loads it
// beside the API, so the API's added latency can be read against what one Node hop costs on the
// same machine. Input: a JSON object on argv[2] ({ engineUrl, port }); prints "listening" when ready.
const { engineUrl, port } = JSON.parse(process.argv[2] ?? '{}') as { engineUrl: string; port: number };
const engine = new URL(engineUrl);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

const server = createServer((incoming, outgoing) => {
  const body: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => body.push(chunk));
  incoming.on('end', () => {
    const sent = Buffer.concat(body);
    const forwarded = request(
      {
        host: engine.hostname,
        port: engine.port,
        path: incoming.url,
        method: incoming.method,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': sent.length },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const json = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          outgoing.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' }).end(json);
        });
      },
    );
    forwarded.on('error', () => outgoing.writeHead(502).end());
    forwarded.end(sent);
  });
});
server.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
