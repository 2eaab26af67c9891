import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineError } from '../engine/engine-error.js';
import type { EngineStatusSource } from '../service/search-service.js';
import type { Task } from '../service/task-registry.js';

const PREFIX = 'search_api_';

/**
 * The API's Prometheus metrics, on a registry of their own (one per app, so tests can build many):
 * request latency by route and status, engine errors by kind, ingest and task counters, the search
 * lanes, the rate limiter, the engine's reachability and restarts, and Node's process metrics.
 */
/**
 * How often the event loop's delay is sampled. prom-client's default, 10 ms, wakes the process 100
 * times a second: an idle API spent 6 ms of CPU a second (under 2 at 100 ms), and each wake-up
 * competes with a request at one connection. A stall still shows in the lag histogram.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

export class ApiMetrics {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time to answer a request, by method, route (as registered) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly engineErrors = this.counter(
    'engine_errors_total',
    'Engine calls that failed, by kind (unavailable, timeout, index_missing, rejected, not_found) and operation',
    ['kind', 'operation'],
  );
  readonly ingestArticles = this.counter('ingest_articles_total', 'Articles of finished ingest tasks, by outcome', ['outcome']);
  readonly tasks = this.counter('tasks_total', 'Tasks, by kind and state (running counts starts; the others, ends)', ['kind', 'state']);
  readonly rateLimited = this.counter('rate_limited_requests_total', 'Requests answered 429 by the per-client rate limit', []);
  readonly refusedRequests = this.counter(
    'http_requests_refused_total',
    "Requests answered before routing, so not in the request histogram: Node's parser refused them (raw bytes in the URL, a malformed request line, headers too large), or CONNECT; by status",
    ['status'],
  );
  readonly overloaded = this.counter('search_overloaded_total', 'Searches refused because their lane was full, by lane', ['lane']);

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  }

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name: `${PREFIX}${name}`, help, labelNames, registers: [this.registry] });
  }

  /** Counts every engine error (given to the engine's guard). */
  engineError = (error: EngineError, operation: string): void => {
    this.engineErrors.inc({ kind: error.kind, operation });
  };

  /** Counts tasks as they start and end, and an ingest's articles when it ends. */
  taskChanged = (task: Task): void => {
    this.tasks.inc({ kind: task.kind, state: task.state });
    const report = task.result as Record<string, unknown> | null;
    if (task.kind !== 'ingest' || task.state === 'running' || !report) return;
    // Repeated stories are not an outcome of their own: they are indexed or updated too.
    for (const outcome of ['indexed', 'updated', 'unchanged', 'duplicates'] as const) {
      if (typeof report[outcome] === 'number') this.ingestArticles.inc({ outcome }, report[outcome]);
    }
    if (Array.isArray(report.rejected)) this.ingestArticles.inc({ outcome: 'rejected' }, report.rejected.length);
  };

  /** Gauges read when scraped: the search lanes' load. */
  observeLanes(load: () => Record<string, { running: number; waiting: number }>): void {
    new Gauge({
      name: `${PREFIX}search_lane_requests`,
      help: 'Searches running and waiting, by lane',
      labelNames: ['lane', 'state'] as const,
      registers: [this.registry],
      collect() {
        for (const [lane, { running, waiting }] of Object.entries(load())) {
          this.set({ lane, state: 'running' }, running);
          this.set({ lane, state: 'waiting' }, waiting);
        }
      },
    });
  }

  /** Gauges read when scraped: the engine reachable or not, and the embedded node's restarts. */
  observeEngine(source: EngineStatusSource): void {
    new Gauge({
      name: `${PREFIX}engine_reachable`,
      help: '1 while engine calls go through, 0 while they are refused (engine down or restarting)',
      registers: [this.registry],
      collect() {
        this.set(source.availability().reachable ? 1 : 0);
      },
    });
    new Gauge({
      name: `${PREFIX}engine_restarts`,
      help: 'Restarts of the embedded node by its supervisor since this process began',
      registers: [this.registry],
      collect() {
        this.set(source.process()?.restarts ?? 0);
      },
    });
  }
}
