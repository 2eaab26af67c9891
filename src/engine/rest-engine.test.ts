import { describe, expect, it } from 'vitest';
import { EngineError } from './engine-error.js';
import { RestEngine, type RestRequest } from './rest-engine.js';

/** An engine whose answers are scripted per request: what the copy's polling does with them, without a node. */
class ScriptedEngine extends RestEngine {
  readonly kind = 'opensearch' as const;
  readonly asked: string[] = [];
  constructor(private readonly answer: (request: RestRequest, times: number) => unknown) {
    super();
  }
  protected async send(request: RestRequest): Promise<unknown> {
    this.asked.push(`${request.method} ${request.path}`);
    const result = this.answer(request, this.asked.filter((asked) => asked === `${request.method} ${request.path}`).length);
    if (result instanceof Error) throw result;
    return result;
  }
  async close(): Promise<void> {}
}

const tripped = () => new EngineError('unavailable', '[parent] Data too large', 'circuit_breaking_exception', 429);

describe('copyDocuments', () => {
  it('polls on through refusals of a short-of-memory engine while the copy goes on, and reports it done', async () => {
    const engine = new ScriptedEngine((request, times) => {
      if (request.path === '/_tasks') return { nodes: {} };
      if (request.path === '/_reindex') return { task: 'node:7' };
      return times <= 3 ? tripped() : { completed: true, response: { created: 30, updated: 0, failures: [] } };
    });
    await expect(engine.copyDocuments(['a-1'], 'a-2')).resolves.toEqual({ copied: 30, failures: 0 });
    expect(engine.asked.filter((asked) => asked === 'GET /_tasks/node%3A7')).toHaveLength(4);
  }, 10_000);

  it('gives up on any other failure of a poll at once', async () => {
    const engine = new ScriptedEngine((request) => {
      if (request.path === '/_tasks') return { nodes: {} };
      if (request.path === '/_reindex') return { task: 'node:7' };
      return new EngineError('rejected', 'no such task', 'resource_not_found_exception', 404);
    });
    await expect(engine.copyDocuments(['a-1'], 'a-2')).rejects.toThrow('no such task');
  });
});
