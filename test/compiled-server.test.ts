import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { compiledEntryArgs, nodeFlags } from '../tools/compiled-runtime.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { findFreePort } from '../src/embedded/engine-process.js';
import { connectTestEngine, TEST_ADMIN_KEY, uniqueAlias } from './support/test-service.js';

// `npm start` as a user runs it: the compiled server (npm run build) with the package's node flags,
// in its own process, over the run's engine. It catches what the TypeScript suites cannot: a data
// file the compiled code does not find, a flag node refuses, seeds not indexed at start.

const alias = uniqueAlias('compiled');
let server: ChildProcess;
let baseUrl: string;
/** Every line the server logged. */
const logLines: string[] = [];
// The engine ignores credentials it does not ask for; the server must still never log them.
const ENGINE_PASSWORD = 'pw-never-logged-7f3a';
const engineUrlWithCredentials = () => {
  const url = new URL(inject('engineUrl'));
  url.username = 'searcher';
  url.password = ENGINE_PASSWORD;
  return url.toString();
};

beforeAll(async () => {
  await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, timeout: 120_000 });
  ({ server, url: baseUrl } = await startServer(
    compiledEntryArgs('src/main.js'),
    PROJECT_ROOT,
    {
      SEARCH_URL: engineUrlWithCredentials(),
      INDEX_ALIAS: alias,
      LOG_LEVEL: 'debug',
      ADMIN_API_KEY: TEST_ADMIN_KEY,
    },
    logLines,
  ));
}, 180_000);

afterAll(() => stopServer(server, alias));

/** Starts the compiled server and waits for its address, which it names in the "API serving" log line (or `until`'s). */
async function startServer(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  lines: string[] = [],
  until = 'API serving',
): Promise<{ server: ChildProcess; url: string }> {
  const started = spawn(process.execPath, args, { cwd, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    started.once('exit', (code) => reject(new Error(`the compiled server in ${cwd} exited (${code}) before serving`)));
    createInterface({ input: started.stdout! }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === until && entry.url) resolve(entry.url);
    });
  });
  return { server: started, url };
}

/** Stops a server still running and deletes the indices behind its alias. */
async function stopServer(running: ChildProcess | undefined, servedAlias: string): Promise<void> {
  if (running && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  }
  const engine = await connectTestEngine();
  for (const index of await engine.listIndices(`${servedAlias}-*`)) await engine.deleteIndex(index);
  await engine.close();
}

describe('the compiled server, started as npm start starts it', () => {
  it('indexed the seeds at start and reports a healthy engine', async () => {
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as { status: string; index: { alias: string; documents: number } };
    expect(health).toMatchObject({ status: 'ok', index: { alias, documents: 5 } });
  });

  it('never logs or answers the password of SEARCH_URL', async () => {
    const health = await (await fetch(`${baseUrl}/health`)).text();
    expect(logLines.find((line) => line.includes('"msg":"API serving"'))).toMatch(/searcher:\*\*\*@/);
    expect([...logLines, health].filter((text) => text.includes(ENGINE_PASSWORD))).toEqual([]);
  });

  it('answers raw Arabic bytes in the URL, which Node refuses before routing, with a JSON 400 saying to percent-encode', async () => {
    const { port } = new URL(baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(Buffer.from('GET /search?q=بلينكن HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8')));
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body!)).toMatchObject({ error: { code: 'invalid_url', message: expect.stringMatching(/percent-encoded/) } });
  });

  it('finds both Blinken articles for a Latin spelling, through the Arabic chain and synonyms', async () => {
    const response = await fetch(`${baseUrl}/search?q=Blinken`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; hits: { id: string; snippets: string[] }[] };
    expect(body.total).toBe(2);
    expect(body.hits.flatMap((hit) => hit.snippets).join(' ')).toMatch(/<mark>(بلينكن|بلينكين)<\/mark>/);
  });

  it('refuses a bad setting with one JSON line naming it, no stack and not its value, and exit 1', async () => {
    const secret = 'short-secret';
    const run = promisify(execFile)(process.execPath, compiledEntryArgs('src/main.js'), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ADMIN_API_KEY: secret, PORT: '0' },
      timeout: 30_000,
    });
    const failure = (await run.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code: number; stdout: string; stderr: string };
    expect(failure.code).toBe(1);
    const lines = failure.stdout.trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toMatchObject([{ level: 60, problems: expect.stringContaining('ADMIN_API_KEY') }]);
    expect(failure.stdout + failure.stderr).not.toMatch(/\n\s+at /);
    expect(failure.stdout + failure.stderr).not.toContain(secret);
  });

  // Last: it stops the server.
  it('on SIGTERM answers the request in flight, takes no new connection, and exits 0', async () => {
    const line = (id: string) => new TextEncoder().encode(`${JSON.stringify({ id, title: 'مقال', text: 'نص المقال عن الجزائر.' })}\n`);
    let sendRest = () => {};
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(line('drained-1'));
        await new Promise<void>((resolve) => (sendRest = resolve));
        controller.enqueue(line('drained-2'));
        controller.close();
      },
    });
    const inFlight = fetch(`${baseUrl}/admin/ingest`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/x-ndjson' },
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(`${baseUrl}/health/live`)).rejects.toThrow();

    sendRest();
    const answer = await inFlight;
    expect(answer.status).toBe(202);
    expect(answer.headers.get('connection')).toBe('close');
    expect(await exited).toBe(0);
    const messages = logLines.map((entry) => (JSON.parse(entry) as { msg?: string }).msg);
    expect(messages.indexOf('shutting down: finishing the requests in flight')).toBeLessThan(messages.indexOf('stopped'));
  });
});

describe('the compiled server started before its engine answers', () => {
  const lateAlias = uniqueAlias('late');
  const lines: string[] = [];
  let lateServer: ChildProcess;
  let lateUrl: string;
  // Stands for an engine that is not up yet: a port nothing listens on, later a forwarder to the run's engine.
  const forwarder = createServer((client) => {
    const engine = new URL(inject('engineUrl'));
    const upstream = connect(Number(engine.port), engine.hostname);
    client.pipe(upstream).pipe(client);
    for (const end of [client, upstream]) end.on('error', () => client.destroy());
  });
  let forwarderPort: number;

  beforeAll(async () => {
    forwarderPort = await findFreePort();
    ({ server: lateServer, url: lateUrl } = await startServer(
      compiledEntryArgs('src/main.js'),
      PROJECT_ROOT,
      { SEARCH_URL: `http://127.0.0.1:${forwarderPort}`, INDEX_ALIAS: lateAlias, LOG_LEVEL: 'info' },
      lines,
      'API answering: starting',
    ));
  }, 60_000);

  afterAll(async () => {
    await stopServer(lateServer, lateAlias);
    forwarder.close();
  });

  it('answers while it waits: alive, not ready, 503 "starting" with Retry-After, a page that reloads itself; then serves the seeds once the engine answers', async () => {
    expect((await fetch(`${lateUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${lateUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'starting', reason: 'waiting for the search engine' });
    const search = await fetch(`${lateUrl}/search?q=Blinken`);
    expect(search.status).toBe(503);
    expect(search.headers.get('retry-after')).toBe('5');
    expect(await search.json()).toMatchObject({ error: { code: 'starting', message: expect.stringContaining('waiting for the search engine') } });
    const page = await fetch(`${lateUrl}/`, { headers: { accept: 'text/html' } });
    expect([page.status, page.headers.get('content-type')]).toEqual([503, 'text/html; charset=utf-8']);
    expect(await page.text()).toMatch(/<meta http-equiv="refresh" content="5">[\s\S]*waiting for the search engine/);

    await new Promise<void>((resolve) => forwarder.listen(forwarderPort, '127.0.0.1', resolve));
    await vi.waitFor(() => expect(lines.some((line) => line.includes('"msg":"API serving"'))).toBe(true), { timeout: 60_000, interval: 200 });
    expect((await fetch(`${lateUrl}/health/ready`)).status).toBe(200);
    expect(((await (await fetch(`${lateUrl}/search?q=Blinken`)).json()) as { total: number }).total).toBe(2);
  }, 90_000);
});

// No Docker engine runs here, but the image's runtime stage is a list of COPY lines: the compiled
// server started from a folder holding exactly what they copy fails here if the image forgets a
// data file the product reads (dependencies are linked, not installed without dev ones).
describe("the compiled server started from the Docker runtime stage's files alone", () => {
  const imageAlias = uniqueAlias('image');
  let imageServer: ChildProcess;
  let imageUrl: string;
  let imageRoot: string;

  beforeAll(async () => {
    imageRoot = mkdtempSync(join(tmpdir(), 'runtime-image-'));
    for (const copy of runtimeStageCopies(readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8'))) {
      for (const source of copy.sources) {
        // `--from=build /app/dist`: the build stage's output, which is this checkout's dist/.
        const from = copy.fromBuild ? join(PROJECT_ROOT, source.replace(/^\/app\//, '')) : join(PROJECT_ROOT, source);
        const to = copy.target.endsWith('/') ? join(imageRoot, copy.target, basename(source)) : join(imageRoot, copy.target);
        cpSync(from, to, { recursive: true });
      }
    }
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(imageRoot, 'node_modules'));
    ({ server: imageServer, url: imageUrl } = await startServer([...nodeFlags(), 'dist/src/main.js'], imageRoot, {
      NODE_ENV: 'production',
      SEARCH_URL: inject('engineUrl'),
      INDEX_ALIAS: imageAlias,
      LOG_LEVEL: 'info',
    }));
  }, 120_000);

  afterAll(async () => {
    await stopServer(imageServer, imageAlias);
    if (imageRoot) rmSync(imageRoot, { recursive: true, force: true });
  });

  it('serves the seeds, the search page, the facets and the API description', async () => {
    const search = (await (await fetch(`${imageUrl}/search?q=${encodeURIComponent('بلينكن')}`)).json()) as { total: number };
    expect(search.total).toBe(2);
    for (const path of ['/health/ready', '/facets', '/', '/openapi.json']) expect((await fetch(`${imageUrl}${path}`)).status, path).toBe(200);
  });
});

/** The COPY lines of a Dockerfile's last stage: sources, target, and whether they come from the build stage. */
function runtimeStageCopies(dockerfile: string): { fromBuild: boolean; sources: string[]; target: string }[] {
  const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  return [...lastStage.matchAll(/^COPY\s+(.+)$/gm)].map((match) => {
    const words = match[1]!.trim().split(/\s+/);
    const fromBuild = words[0] === '--from=build';
    const paths = fromBuild ? words.slice(1) : words;
    return { fromBuild, sources: paths.slice(0, -1), target: paths.at(-1)! };
  });
}
