import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { SearchService } from '../service/search-service.js';
import type { ApiMetrics } from './metrics.js';

/** How traffic is shaped: per-client rate limit, search lanes. Unset, the defaults of `loadConfig`. */
export type TrafficLimits = Pick<
  Config,
  'rateLimitPerMinute' | 'rateLimitBurst' | 'trustProxy' | 'searchConcurrency' | 'searchExpensiveConcurrency' | 'searchQueueLimit' | 'searchQueueTimeoutMs'
>;

/** What the HTTP layer needs: the service, the request limits, and where to log. */
export interface AppDependencies {
  service: SearchService;
  limits: Pick<Config, 'maxPageSize' | 'maxResultWindow' | 'adminApiKey' | 'corsOrigins' | 'publicUrl'> & Partial<TrafficLimits>;
  logger: Logger;
  /** Where the API's metrics go; unset, the app makes its own. */
  metrics?: ApiMetrics;
  /** Set while the process shuts down: readiness answers 503 so that balancers stop sending traffic. */
  lifecycle?: { draining(): boolean };
}

export type AppEnv = {
  Variables: {
    requestId: string;
    clientRequestId?: string;
    /** The route a request refused for its method (405, or a preflight) was for: where the metrics count it. */
    refusedRoute?: string;
    /** The code of an error answer the service gives when the engine cannot serve (503): the request's log line names it. */
    refusalCode?: string;
  };
};
