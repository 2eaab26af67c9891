import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '127.0.0.1', indexAlias: 'articles', maxPageSize: 50, maxResultWindow: 1000 });
    expect(loadConfig({}).searchUrl).toBeUndefined();
  });

  it('reads values from the environment, treating empty ones as unset', () => {
    const config = loadConfig({ PORT: '8080', SEARCH_URL: 'http://127.0.0.1:9200', INDEX_ALIAS: '' });
    expect(config).toMatchObject({ port: 8080, searchUrl: 'http://127.0.0.1:9200', indexAlias: 'articles' });
  });

  it('loads the seeds at start unless INGEST_SEEDS is false, and refuses anything but true or false', () => {
    expect(loadConfig({}).ingestSeeds).toBe(true);
    expect(loadConfig({ INGEST_SEEDS: 'false' }).ingestSeeds).toBe(false);
    expect(() => loadConfig({ INGEST_SEEDS: 'no' })).toThrow(/INGEST_SEEDS/);
  });

  it('counts days in UTC unless TIME_ZONE names a zone the runtime knows', () => {
    expect(loadConfig({}).timeZone).toBe('UTC');
    expect(loadConfig({ TIME_ZONE: 'Asia/Riyadh' }).timeZone).toBe('Asia/Riyadh');
    expect(() => loadConfig({ TIME_ZONE: 'Riyadh' })).toThrow(/TIME_ZONE/);
  });

  it('takes the engine family from SEARCH_ENGINE, and refuses one it cannot serve', () => {
    expect(loadConfig({ SEARCH_ENGINE: 'elasticsearch' }).searchEngine).toBe('elasticsearch');
    expect(loadConfig({}).searchEngine).toBeUndefined();
    expect(() => loadConfig({ SEARCH_ENGINE: 'solr' })).toThrow(/SEARCH_ENGINE/);
  });

  it('reads PUBLIC_URL as one origin, unset when not given', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://news.example' }).publicUrl).toBe('https://news.example');
    for (const wrong of ['https://news.example/feed', '*', 'news.example']) expect(() => loadConfig({ PUBLIC_URL: wrong }), wrong).toThrow(/PUBLIC_URL/);
  });

  it('reads CORS_ORIGINS as a list of origins or *, off when unset', () => {
    expect(loadConfig({}).corsOrigins).toBeUndefined();
    expect(loadConfig({ CORS_ORIGINS: 'https://desk.example, http://localhost:5173' }).corsOrigins).toEqual(['https://desk.example', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://desk.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'desk.example' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: '*,https://desk.example' })).toThrow(/\* alone[\s\S]*CORS_ORIGINS/);
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', INDEX_ALIAS: 'Bad Alias' })).toThrow(/PORT[\s\S]*INDEX_ALIAS|INDEX_ALIAS[\s\S]*PORT/);
  });

  it('takes a cluster of several URLs, an API key and a CA file, and shard and replica counts', () => {
    const config = loadConfig({
      SEARCH_URL: 'https://a.example:9200,https://b.example:9200',
      SEARCH_API_KEY: 'a2V5',
      SEARCH_CA_CERT: 'package.json',
      SEARCH_ENGINE: 'elasticsearch',
      INDEX_SHARDS: '3',
      INDEX_REPLICAS: '0',
    });
    expect(config).toMatchObject({ searchUrl: 'https://a.example:9200,https://b.example:9200', searchApiKey: 'a2V5', indexShards: 3, indexReplicas: 0 });
    expect(config.searchCaCertificate).toContain('arabic-news-search');
    expect(() => loadConfig({ SEARCH_URL: 'https://a.example:9200,not a url' })).toThrow(/SEARCH_URL/);
    expect(() => loadConfig({ SEARCH_CA_CERT: '/no/such/ca.pem', SEARCH_ENGINE: 'opensearch' })).toThrow(/SEARCH_CA_CERT/);
    // A folder is no certificate file: refused by the same check, not read and crashed on.
    expect(() => loadConfig({ SEARCH_CA_CERT: 'src', SEARCH_ENGINE: 'opensearch' })).toThrow(/SEARCH_CA_CERT/);
    expect(() => loadConfig({ SEARCH_CA_CERT: 'package.json' })).toThrow(/SEARCH_ENGINE/);
  });

  it('leaves rate limiting off by default, and derives the burst from the rate', () => {
    expect(loadConfig({})).toMatchObject({ rateLimitPerMinute: 0, searchConcurrency: 16, searchExpensiveConcurrency: 2, shutdownTimeoutMs: 25_000 });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '600' })).toMatchObject({ rateLimitPerMinute: 600, rateLimitBurst: 100 });
  });
});
