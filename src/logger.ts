import pino, { type Logger } from 'pino';

/** Structured logs to stdout (JSON); pipe through `pino-pretty` to read them by eye. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'arabic-news-search' } });
}
