import type { EngineKind } from './engine/search-engine.js';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { presentFields } from './present-fields.js';
import { DEFAULT_ENGLISH_DICTIONARY } from './search/english-words.js';

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    /** An engine to use; unset, the embedded OpenSearch node is provisioned and started. */
    SEARCH_URL: z
      .string()
      .refine((value) => value.split(',').every((node) => URL.canParse(node.trim())), 'expected a URL, or several of one cluster separated by commas')
      .optional(),
    /** An API key for the engine (`Authorization: ApiKey …`); never logged. */
    SEARCH_API_KEY: z.string().min(1).optional(),
    /** A PEM file holding the CA certificate of the engine's TLS certificate. */
    SEARCH_CA_CERT: z
      .string()
      .refine((path) => isReadableFile(path), 'no such file, or not readable')
      .optional(),
    /** The engine family at SEARCH_URL; unset, it is read from the engine's root endpoint. */
    SEARCH_ENGINE: z.enum(['opensearch', 'elasticsearch']).optional(),
    ENGINE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
    /** HTTP port of the embedded node; a free one is picked when unset. */
    ENGINE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    ENGINE_HEAP: z
      .string()
      .regex(/^\d+[mg]$/)
      .default('512m'),
    ENGINE_WORK_DIR: z.string().default('.run/opensearch'),
    /** Primary shards of a new index version (a change builds a new version); unset: the mapping file's. */
    INDEX_SHARDS: z.coerce.number().int().min(1).max(1_024).optional(),
    /** Replicas of each shard, applied to the served version as it stands; unset: the mapping file's. */
    INDEX_REPLICAS: z.coerce.number().int().min(0).max(32).optional(),
    INDEX_ALIAS: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,60}$/)
      .default('articles'),
    /** `false` serves the alias as it stands, without loading the seed articles at start (a benchmark's index). */
    INGEST_SEEDS: z.enum(['true', 'false']).default('true'),
    SEARCH_PROFILE: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default('default'),
    /**
     * FreeDict's English–Arabic dictionary in dictd format, its path without `.index` / `.dict.dz`
     * (Debian's dict-freedict-eng-ara, which the install script installs); absent, English words the
     * lists do not spell are searched as typed.
     */
    ENGLISH_DICTIONARY: z.string().default(DEFAULT_ENGLISH_DICTIONARY),
    MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(50),
    MAX_RESULT_WINDOW: z.coerce.number().int().min(10).max(10_000).default(1_000),
    /** The engine's `indices.query.bool.max_clause_count`; queries are built to stay within it. */
    ENGINE_MAX_CLAUSES: z.coerce.number().int().min(64).max(1_000_000).default(1024),
    /** Key for the admin endpoints (Authorization: Bearer …); unset, they answer 403. */
    ADMIN_API_KEY: z.string().min(16, 'at least 16 characters').optional(),
    /** Origins whose pages may call the API from a browser (CORS): a comma-separated list, or `*`; unset, none. */
    CORS_ORIGINS: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().refine(isOriginOrAny, 'each origin as scheme://host[:port], no path, or * alone'))
          .min(1)
          .refine((origins) => origins.length === 1 || !origins.includes('*'), '* alone, or a list of origins without it'),
      )
      .optional(),
    /** Public searches a minute per client (token bucket); 0: no limit, as suits local use. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(0),
    /** Requests a client may send at once before the rate applies; unset: a sixth of a minute's worth, at least 10. */
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).optional(),
    /** Where readers reach the service (https://news.example): a feed's links and ids, whatever Host a request names. */
    PUBLIC_URL: z.string().refine(isOrigin, 'scheme://host[:port], no path').optional(),
    /** `true` behind a proxy that appends the client's address to X-Forwarded-For: the rate limit keys on it. */
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    /** Cheap searches sent to the engine at once; more wait in a bounded queue. */
    SEARCH_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(16),
    /** Expensive searches (explain, deep pages, very long queries) at once, apart from the cheap ones. */
    SEARCH_EXPENSIVE_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(2),
    /** Searches waiting per lane; more are answered 503 at once. */
    SEARCH_QUEUE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(64),
    /** How long a search may wait for its place before it is answered 503. */
    SEARCH_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(5_000),
    /** How long a shutdown waits for the requests in flight before closing their connections. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
    /** The newsroom's time zone (IANA, e.g. Asia/Riyadh): the days of date_from, date_to and a month in q, and the months of the facets. */
    TIME_ZONE: z.string().refine(isTimeZone, 'an IANA time zone such as UTC, Africa/Cairo or Asia/Riyadh').default('UTC'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  // The family is read from the root endpoint with plain fetch, which knows only the system's CAs.
  .refine((c) => !c.SEARCH_CA_CERT || c.SEARCH_ENGINE, { message: 'set it with SEARCH_CA_CERT (opensearch or elasticsearch)', path: ['SEARCH_ENGINE'] });

export type Config = {
  port: number;
  host: string;
  searchUrl?: string;
  searchEngine?: EngineKind;
  searchApiKey?: string;
  /** The CA certificate's PEM text, read from SEARCH_CA_CERT. */
  searchCaCertificate?: string;
  indexShards?: number;
  indexReplicas?: number;
  engineRequestTimeoutMs: number;
  enginePort?: number;
  engineHeap: string;
  engineWorkDir: string;
  indexAlias: string;
  ingestSeeds: boolean;
  searchProfile: string;
  englishDictionary: string;
  maxPageSize: number;
  maxResultWindow: number;
  maxQueryClauses: number;
  adminApiKey?: string;
  /** Origins allowed to call the API from a browser; absent, cross-origin calls get no CORS headers. */
  corsOrigins?: string[];
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  trustProxy: boolean;
  /** Where readers reach the service; absent, a feed's links follow the request (see TRUST_PROXY). */
  publicUrl?: string;
  searchConcurrency: number;
  searchExpensiveConcurrency: number;
  searchQueueLimit: number;
  searchQueueTimeoutMs: number;
  shutdownTimeoutMs: number;
  timeZone: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
};

/** Reads the configuration from the environment; throws one message naming every bad variable. */
/** A setting that cannot be used, named with what is wrong (never its value: it may be a secret). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) throw new ConfigError(`invalid configuration:\n${z.prettifyError(parsed.error)}`);
  const c = parsed.data;
  return {
    ...presentFields({
      searchUrl: c.SEARCH_URL,
      searchEngine: c.SEARCH_ENGINE,
      searchApiKey: c.SEARCH_API_KEY,
      searchCaCertificate: c.SEARCH_CA_CERT && readFileSync(c.SEARCH_CA_CERT, 'utf8'),
      indexShards: c.INDEX_SHARDS,
      indexReplicas: c.INDEX_REPLICAS,
      enginePort: c.ENGINE_PORT,
      adminApiKey: c.ADMIN_API_KEY,
      corsOrigins: c.CORS_ORIGINS,
    }),
    port: c.PORT,
    host: c.HOST,
    engineRequestTimeoutMs: c.ENGINE_REQUEST_TIMEOUT_MS,
    engineHeap: c.ENGINE_HEAP,
    engineWorkDir: c.ENGINE_WORK_DIR,
    indexAlias: c.INDEX_ALIAS,
    ingestSeeds: c.INGEST_SEEDS === 'true',
    searchProfile: c.SEARCH_PROFILE,
    englishDictionary: c.ENGLISH_DICTIONARY,
    maxPageSize: c.MAX_PAGE_SIZE,
    maxResultWindow: c.MAX_RESULT_WINDOW,
    maxQueryClauses: c.ENGINE_MAX_CLAUSES,
    timeZone: c.TIME_ZONE,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    rateLimitBurst: c.RATE_LIMIT_BURST ?? Math.max(10, Math.ceil(c.RATE_LIMIT_PER_MINUTE / 6)),
    trustProxy: c.TRUST_PROXY === 'true',
    ...(c.PUBLIC_URL ? { publicUrl: c.PUBLIC_URL } : {}),
    searchConcurrency: c.SEARCH_CONCURRENCY,
    searchExpensiveConcurrency: c.SEARCH_EXPENSIVE_CONCURRENCY,
    searchQueueLimit: c.SEARCH_QUEUE_LIMIT,
    searchQueueTimeoutMs: c.SEARCH_QUEUE_TIMEOUT_MS,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    logLevel: c.LOG_LEVEL,
  };
}

/** `https://news.example` or `http://localhost:5173`: an origin exactly as browsers send it, or `*`. */
function isOriginOrAny(value: string): boolean {
  return value === '*' || isOrigin(value);
}

/** scheme://host[:port] and nothing more. */
function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** Whether the runtime's time zone database knows `name`. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isReadableFile(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
