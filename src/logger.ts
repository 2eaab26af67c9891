import pino, { type Logger } from 'pino';

/** `scheme://user:password@` → `scheme://user:***@`, wherever it stands in a text. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;

/** A text with the passwords of any URLs in it masked. */
export function redactCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}

/** A list in a log line keeps this many items, then says how many more there were (an ingest's rejected lines can be thousands). */
const LOGGED_LIST_ITEMS = 10;

function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactCredentials(value);
  // An error's message and stack are not its own enumerable fields: serialized first, or nothing of it would remain.
  if (value instanceof Error) return redactDeep(pino.stdSerializers.err(value), depth + 1);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Longer than the items and the "more" mark: so a list already shortened (errors pass here twice) stays as it is.
    if (value.length <= LOGGED_LIST_ITEMS + 1) return value.map((item) => redactDeep(item, depth + 1));
    return [...value.slice(0, LOGGED_LIST_ITEMS).map((item) => redactDeep(item, depth + 1)), `… ${value.length - LOGGED_LIST_ITEMS} more`];
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, depth + 1)]));
}

/**
 * Structured logs to stdout (JSON); pipe through `pino-pretty` to read them by eye. A URL with a
 * password never reaches the log, whatever field or message it is in, and no list runs on. `buffered` (the server's)
 * gathers lines up to 4 KB or a second before writing: one write a request was about 8 % of the
 * API's CPU under load. The buffer is written out when the process exits; a kill -9 loses at
 * most that second.
 */
export function createLogger(level: string, options: { buffered?: boolean; destination?: pino.DestinationStream } = {}): Logger {
  const destination = options.destination ?? (options.buffered ? pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 }) : undefined);
  const settings: pino.LoggerOptions = {
    level,
    base: { service: 'arabic-news-search' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => redactDeep(arg)) as Parameters<typeof method>);
      },
    },
    // The hook above has serialized every error already (with its type, message and stack).
    serializers: { err: (error: unknown) => redactDeep(error) },
  };
  return destination ? pino(settings, destination) : pino(settings);
}
