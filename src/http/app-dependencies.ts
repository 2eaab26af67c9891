import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { SearchService } from '../service/search-service.js';

/** What the HTTP layer needs: the service, the request limits, and where to log. */
export interface AppDependencies {
  service: SearchService;
  limits: Pick<Config, 'maxPageSize' | 'maxResultWindow' | 'adminApiKey'>;
  logger: Logger;
  /** Set while the process shuts down: readiness answers 503 so that balancers stop sending traffic. */
  lifecycle?: { draining(): boolean };
}

export type AppEnv = { Variables: { requestId: string; clientRequestId?: string } };
