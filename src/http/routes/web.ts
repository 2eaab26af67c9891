import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { PROJECT_ROOT } from '../../project-root.js';
import type { AppEnv } from '../app-dependencies.js';

/** Where the pages and their scripts and styles live: hand-written, served as they are. */
export const WEB_ROOT = join(PROJECT_ROOT, 'web');

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/**
 * Nothing a page loads comes from elsewhere, and no inline script runs. Swagger UI sets styles
 * inline, hence `'unsafe-inline'` for styles only.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'referrer-policy': 'no-referrer',
};

interface Asset {
  /** Bytes, not text: Swagger UI's bundle (1.4 MB) held as a JavaScript string took 3.5 MB of heap, two bytes a character. */
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

function readAsset(path: string): Asset {
  return { body: new Uint8Array(readFileSync(path)), type: TYPES[path.split('.').at(-1)!] ?? 'application/octet-stream' };
}

/**
 * The search page (`/`), the relevance workbench (`/workbench`) and the interactive API docs
 * (`/docs`, Swagger UI from the swagger-ui-dist package), every file read once at start and served
 * from memory: a fixed list, so no request names a file on disk.
 */
/** The pages a browser opens: their query strings are the page script's to read, not the API's to refuse. */
export const PAGE_PATHS: ReadonlySet<string> = new Set(['/', '/workbench', '/docs']);

export function registerWebRoutes(app: OpenAPIHono<AppEnv>): void {
  const swaggerUi = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const assets = new Map<string, Asset>([
    ['/', readAsset(join(WEB_ROOT, 'index.html'))],
    ['/workbench', readAsset(join(WEB_ROOT, 'workbench.html'))],
    ['/docs', readAsset(join(WEB_ROOT, 'docs.html'))],
    ['/docs/swagger-ui.css', readAsset(join(swaggerUi, 'swagger-ui.css'))],
    ['/docs/swagger-ui-bundle.js', readAsset(join(swaggerUi, 'swagger-ui-bundle.js'))],
    ...['common.js', 'search.js', 'workbench.js', 'docs.js', 'style.css'].map((file) => [`/web/${file}`, readAsset(join(WEB_ROOT, file))] as const),
  ]);
  for (const [path, asset] of assets) {
    app.get(path, (c) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
      // Always revalidated: a new version of the page is seen on the next load.
      c.header('cache-control', 'no-cache');
      c.header('content-type', asset.type);
      return c.body(asset.body);
    });
  }
}
