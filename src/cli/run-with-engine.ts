import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { loadConfigOrExit } from '../load-config-or-exit.js';
import { createLogger } from '../logger.js';
import { provideEngine } from '../provide-engine.js';
import { openConfiguredService } from '../service/open-configured-service.js';
import type { SearchService } from '../service/search-service.js';

export interface CommandContext {
  config: Config;
  logger: Logger;
  service: SearchService;
}

/**
 * The commands' one start and finish: config, logger (warn unless LOG_LEVEL says otherwise), the
 * engine (SEARCH_URL, or the embedded node a running `npm start` has, else one started here), the
 * service over it; then the command; then the engine released whatever happened. The command's
 * result is the exit code.
 */
export async function runWithEngine(command: (context: CommandContext) => Promise<number>, alias?: (config: Config) => string): Promise<never> {
  const config = loadConfigOrExit();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const provided = await provideEngine(config, logger);
  let exitCode = 1;
  try {
    const service = openConfiguredService(config, provided.engine, logger, { alias: alias?.(config) });
    exitCode = await command({ config, logger, service });
  } catch (error) {
    console.error(`${process.argv[1]?.split('/').pop()?.replace(/\.js$/, '') ?? 'command'} failed: ${(error as Error).message}`);
  } finally {
    await provided.release();
  }
  process.exit(exitCode);
}
