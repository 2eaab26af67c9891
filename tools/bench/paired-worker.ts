import { Agent, request } from 'node:http';

// One connection, paired: each query of the mix goes down every path in turn (the order rotating),
// so the engine's drift from one second to the next weighs on each pair's paths alike. Prints each
// path's latencies (ms, in pair order) as JSON. Input: a JSON object on argv[2].
interface PathSpec {
  url: string;
  requests: { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> }[];
}
interface PairedSpec {
  paths: PathSpec[];
  rounds: number;
}
const spec = JSON.parse(process.argv[2] ?? '{}') as PairedSpec;
const agents = spec.paths.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));

function timeRequest(path: PathSpec, index: number, agent: Agent): Promise<number> {
  const one = path.requests[index % path.requests.length]!;
  const target = new URL(one.path, path.url);
  const started = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const sent = request(
      target,
      {
        method: one.method,
        agent,
        headers: { ...one.headers, ...(one.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(one.body) } : {}) },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200 ? done(Number(process.hrtime.bigint() - started) / 1e6) : fail(new Error(`${target.href}: ${response.statusCode}`)),
        );
      },
    );
    sent.on('error', fail);
    sent.end(one.body);
  });
}

const latencies: number[][] = spec.paths.map(() => []);
const queries = spec.paths[0]!.requests.length;
for (let pair = 0; pair < spec.rounds * queries; pair++) {
  for (let step = 0; step < spec.paths.length; step++) {
    const which = (pair + step) % spec.paths.length;
    latencies[which]!.push(await timeRequest(spec.paths[which]!, pair, agents[which]!));
  }
}
process.stdout.write(JSON.stringify(latencies));
for (const agent of agents) agent.destroy();
