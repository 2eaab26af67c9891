import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';

/** The configuration, or a JSON log line naming what is wrong and exit 1: a setting's mistake is no crash with a stack. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger('info').fatal({ problems: error.message }, 'invalid configuration: nothing was started');
    process.exit(1);
  }
}
