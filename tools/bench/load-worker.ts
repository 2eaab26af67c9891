import autocannon from 'autocannon';

// Runs one bounded load test in its own process (so the API under test has its event loop to itself)
// and prints autocannon's result as JSON. Input: a JSON object on argv[2].
interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  maxRequests?: number;
  requests: { method: 'GET' | 'POST'; path: string; body?: string }[];
}
const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.durationSeconds,
  ...(spec.maxRequests ? { amount: spec.maxRequests } : {}),
  requests: spec.requests.map((r) => ({
    method: r.method,
    path: r.path,
    ...(r.body ? { body: r.body, headers: { 'content-type': 'application/json' } } : {}),
  })),
});
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    mean: result.latency.mean,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }),
);
