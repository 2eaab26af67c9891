import { EngineError } from './engine-error.js';
import type { AnalyzedToken, BulkResult, FieldTerms, RankEvalRequest, SearchResult, TokenField } from './search-engine.js';

// Response and error bodies both families share (their REST APIs have one ancestor): the adapters
// differ in their clients, not in what the engine answers.

// The engines' JSON, read loosely: each function below checks what it uses.
export type LooseBody = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `_bulk` items (index or update) as counts and per-document failures. */
export function toBulkResult(items: LooseBody[]): BulkResult {
  const result: BulkResult = { created: 0, updated: 0, unchanged: 0, failures: [] };
  for (const item of items) {
    const outcome = (item.index ?? item.update) as LooseBody;
    if (outcome.error) {
      result.failures.push({ id: String(outcome._id), type: String(outcome.error.type), reason: String(outcome.error.reason) });
    } else if (outcome.result === 'created') result.created++;
    else if (outcome.result === 'noop') result.unchanged++;
    else result.updated++;
  }
  return result;
}

/** A `_bulk` of deletes as the ids deleted and the failures; an id not found is neither. */
export function toDeleteResult(items: LooseBody[]): { deleted: string[]; failures: BulkResult['failures'] } {
  const result: { deleted: string[]; failures: BulkResult['failures'] } = { deleted: [], failures: [] };
  for (const item of items) {
    const outcome = item.delete as LooseBody;
    if (outcome.result === 'deleted') result.deleted.push(String(outcome._id));
    else if (outcome.error) result.failures.push({ id: String(outcome._id), type: String(outcome.error.type), reason: String(outcome.error.reason) });
  }
  return result;
}

/** The id of a running `_reindex` task (from `GET _tasks?actions=*reindex&detailed`) that writes into `destination`. */
export function copyTaskInto(tasks: LooseBody, destination: string): string | undefined {
  for (const node of Object.values((tasks.nodes ?? {}) as Record<string, { tasks?: Record<string, { description?: string }> }>)) {
    for (const [id, task] of Object.entries(node.tasks ?? {})) {
      if (String(task.description ?? '').endsWith(`to [${destination}]`)) return id;
    }
  }
  return undefined;
}

/** A `_reindex` answer (run to completion) as documents copied and failures. */
export function toCopyOutcome(response: LooseBody): { copied: number; failures: number } {
  return { copied: Number(response.created ?? 0) + Number(response.updated ?? 0), failures: (response.failures ?? []).length };
}

export function toSearchResult<T>(response: LooseBody): SearchResult<T> {
  const total = response.hits.total;
  return {
    total: typeof total === 'number' ? total : Number(total?.value ?? 0),
    tookMs: Number(response.took),
    hits: (response.hits.hits as LooseBody[]).map((hit) => ({
      id: String(hit._id),
      score: typeof hit._score === 'number' ? hit._score : null,
      source: hit._source as T,
      highlight: (hit.highlight ?? {}) as Record<string, string[]>,
      ...(hit._explanation ? { explanation: hit._explanation } : {}),
      ...(Array.isArray(hit.sort) ? { sort: hit.sort as unknown[] } : {}),
    })),
    aggregations: (response.aggregations ?? {}) as Record<string, unknown>,
    ...(response.suggest ? { suggest: response.suggest as Record<string, unknown> } : {}),
  };
}

/** A `_rank_eval` body; ratings name the concrete index the hits come from, not the alias. */
export function rankEvalBody(concreteIndex: string, requests: RankEvalRequest[], metric: Record<string, unknown>): LooseBody {
  return {
    requests: requests.map((r) => ({
      id: r.id,
      request: r.body,
      ratings: r.ratings.map((x) => ({ _index: concreteIndex, _id: x.id, rating: x.rating })),
    })),
    metric,
  };
}

export function toRankEvalScores(response: LooseBody): Map<string, { score: number; ranked: string[] }> {
  const details = response.details as Record<string, { metric_score: number; hits: { hit: { _id: string } }[] }>;
  return new Map(
    Object.entries(details).map(([id, detail]) => [id, { score: Number(detail.metric_score), ranked: detail.hits.map((h) => String(h.hit._id)) }]),
  );
}

/** Each token field and its name in an `_analyze` answer. */
const ANALYZE_TOKEN_FIELDS = { token: 'token', start: 'start_offset', end: 'end_offset', position: 'position', type: 'type' } as const satisfies Record<
  TokenField,
  string
>;
const ALL_TOKEN_FIELDS = Object.keys(ANALYZE_TOKEN_FIELDS) as TokenField[];

/** The `filter_path` that makes `_analyze` send only these token fields. */
export function analyzeFilterPath(fields: readonly TokenField[]): string {
  return fields.map((field) => `tokens.${ANALYZE_TOKEN_FIELDS[field]}`).join(',');
}

export function toAnalyzedTokens<F extends TokenField>(response: LooseBody, fields: readonly F[] = ALL_TOKEN_FIELDS as F[]): Pick<AnalyzedToken, F>[] {
  return ((response.tokens ?? []) as LooseBody[]).map((t) => {
    const token: Partial<Record<TokenField, string | number>> = {};
    for (const field of fields) {
      const value = t[ANALYZE_TOKEN_FIELDS[field]];
      token[field] = field === 'token' || field === 'type' ? String(value) : Number(value);
    }
    return token as Pick<AnalyzedToken, F>;
  });
}

/** An `_mtermvectors` answer (with term and field statistics) as each found document's terms in `field`. */
export function toFieldTerms(response: LooseBody, field: string): FieldTerms {
  let documentCount = 0;
  const documents: FieldTerms['documents'] = new Map();
  for (const doc of (response.docs ?? []) as LooseBody[]) {
    if (!doc.found) continue;
    const vector = (doc.term_vectors?.[field] ?? {}) as LooseBody;
    documentCount = Math.max(documentCount, Number(vector.field_statistics?.doc_count ?? 0));
    const terms = new Map<string, { frequency: number; documentFrequency: number }>();
    for (const [term, stats] of Object.entries((vector.terms ?? {}) as Record<string, LooseBody>))
      terms.set(term, { frequency: Number(stats.term_freq ?? 0), documentFrequency: Number(stats.doc_freq ?? 0) });
    documents.set(String(doc._id), terms);
  }
  return { documentCount, documents };
}

/**
 * An error answer as an engine-neutral kind. Bodies come as `{ error: { root_cause, type, reason } }`,
 * or as `{ error: "text" }` for a route the node does not have.
 */
export function engineErrorFromResponse(status: number, body: unknown, fallbackMessage: string): EngineError {
  const error = (body as LooseBody | undefined)?.error;
  const cause = typeof error === 'object' && error !== null ? (error.root_cause?.[0] ?? error) : undefined;
  const type = typeof cause?.type === 'string' ? (cause.type as string) : undefined;
  const reason = typeof cause?.reason === 'string' ? (cause.reason as string) : typeof error === 'string' ? error : fallbackMessage;
  if (type === 'index_not_found_exception') return new EngineError('index_missing', reason, type, status);
  if (status === 404) return new EngineError('not_found', reason, type, status);
  // 429: a full queue (es_rejected_execution_exception); the engine cannot serve now, as when down.
  if (status === 503 || status === 502 || status === 429) return new EngineError('unavailable', reason, type, status);
  if (status === 408 || status === 504) return new EngineError('timeout', reason, type, status);
  return new EngineError('rejected', reason, type, status);
}
