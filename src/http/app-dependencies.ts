import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { SearchService } from '../service/search-service.js';

/** What the HTTP layer needs: the service, the request limits, and where to log. */
export interface AppDependencies {
  service: SearchService;
  limits: Pick<Config, 'maxPageSize' | 'maxResultWindow' | 'adminApiKey' | 'corsOrigins'>;
  logger: Logger;
}

export type AppEnv = { Variables: { requestId: string; clientRequestId?: string } };
