import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createHttpServer } from '../../src/http/node-server.js';
import { PROJECT_ROOT } from '../../src/project-root.js';

/** Debian's Chromium, installed by scripts/install-prerequisites.sh; its absence fails the suite, plainly. */
function chromiumPath(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error("no chromium on PATH: the browser tests need Debian's chromium package (bash scripts/install-prerequisites.sh installs it)");
  }
}

export async function launchChromium(): Promise<Browser> {
  // Root in CI and here: Chromium's sandbox cannot run as root.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}

/** The app on a real port of the loopback, as `npm start` serves it. */
export async function serveApp(fetch: (request: Request) => Response | Promise<Response>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createHttpServer(fetch, '127.0.0.1');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every URL the page asks for that is not on `origin`: what must stay empty. */
function watchForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) foreign.push(url);
  });
  return foreign;
}

/** The app served on the loopback, open in a Chromium page. */
export interface AppInChromium {
  page: Page;
  /** Where the app is served. */
  url: string;
  /** Every URL the page asked for outside the app: what must stay empty. */
  foreign: string[];
}

/**
 * The app served and opened in Chromium for the whole suite: before its first test (after the
 * hooks registered earlier, so `app` may come from one of them), closed after its last. Its fields
 * are there from the first test on.
 */
export function useAppInChromium(app: () => { fetch: (request: Request) => Response | Promise<Response> }): AppInChromium {
  const opened = {} as AppInChromium;
  let server: Awaited<ReturnType<typeof serveApp>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveApp(app().fetch);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    Object.assign(opened, { page, url: server.url, foreign: watchForeignRequests(page, server.url) });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return opened;
}

/** Screenshots the README links to, retaken by every run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(PROJECT_ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
