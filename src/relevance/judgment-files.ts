import { renameSync, writeFileSync } from 'node:fs';
import { DataFileError, readDataJson } from '../data/data-files.js';
import { PROJECT_ROOT } from '../project-root.js';
import { z } from 'zod';

const judgmentsSchema = z.object({
  description: z.string(),
  scale: z.record(z.string().regex(/^[0-3]$/), z.string()),
  queries: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a query id is a lowercase slug'),
        query: z.string().min(1),
        need: z.string().min(1),
        notes: z.string().optional(),
        ratings: z.record(z.string(), z.number().int().min(0).max(3)),
      }),
    )
    .min(1),
});

export type Judgments = z.infer<typeof judgmentsSchema>;

/** Reads and validates a judgments file; an error names the query and field at fault. */
export function loadJudgments(path: string): Judgments {
  const judgments = readDataJson(PROJECT_ROOT, path, judgmentsSchema);
  const ids = judgments.queries.map((q) => q.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new DataFileError(path, `query id "${duplicate}" appears twice`);
  return judgments;
}

/** TREC qrels lines (`qid 0 docid grade`), for trec_eval and other tools. */
export function toTrecQrels(judgments: Judgments): string {
  return judgments.queries.flatMap((q) => Object.entries(q.ratings).map(([doc, grade]) => `${q.id} 0 ${doc} ${grade}`)).join('\n') + '\n';
}

export interface QrelsQuery {
  grades: Map<string, number>;
  /** The collection has no answer to this question (docid `-1` in the qrels). */
  noAnswer: boolean;
}

/** Parses TREC qrels; a docid of `-1` marks a question with no answer in the collection. */
export function parseTrecQrels(text: string): Map<string, QrelsQuery> {
  const queries = new Map<string, QrelsQuery>();
  for (const [lineNumber, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const fields = line.trim().split(/\s+/);
    if (fields.length !== 4) throw new Error(`qrels line ${lineNumber + 1}: expected "qid iter docid grade", got "${line}"`);
    const [qid, , doc, grade] = fields as [string, string, string, string];
    const entry = queries.get(qid) ?? { grades: new Map<string, number>(), noAnswer: false };
    if (doc === '-1') entry.noAnswer = true;
    else entry.grades.set(doc, Number(grade));
    queries.set(qid, entry);
  }
  return queries;
}

/** Compact JSON with a space after each `:` and `,`, as the judgment files are written by hand. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/**
 * A judgments file in its hand-written layout: one query a line pair (its text, then its ratings),
 * so a changed grade is a one-line diff.
 */
export function formatJudgments(judgments: Judgments): string {
  const queries = judgments.queries.map((q) => {
    const { id, query, need, notes, ratings, ...rest } = q;
    const head = inline({ id, query, need, ...rest }).slice(0, -2);
    return `    ${head},\n${notes === undefined ? '' : `      "notes": ${JSON.stringify(notes)},\n`}      "ratings": ${inline(ratings)} }`;
  });
  return `{\n  "description": ${JSON.stringify(judgments.description)},\n  "scale": ${inline(judgments.scale)},\n  "queries": [\n${queries.join(',\n')}\n  ]\n}\n`;
}

/** Writes whole or not at all: a temporary file beside it, renamed over it (atomic on one file system). */
export function writeJudgments(path: string, judgments: Judgments): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, formatJudgments(judgments));
  renameSync(temporary, path);
}

/**
 * TREC run lines (`qid Q0 docid rank score tag`) of ranked lists, for trec_eval. The engine's scores
 * are not kept, so the score is descending by rank (k + 1 − rank), which orders as the ranking does.
 */
export function toTrecRun(queries: readonly { id: string; ranked: readonly string[] }[], tag: string): string {
  return queries.flatMap((q) => [...new Set(q.ranked)].map((doc, i, all) => `${q.id} Q0 ${doc} ${i + 1} ${all.length - i} ${tag}`)).join('\n') + '\n';
}

/** TREC qrels lines of graded queries, whatever file they came from. */
export function gradesToTrecQrels(queries: readonly { id: string; grades: ReadonlyMap<string, number> }[]): string {
  return queries.flatMap((q) => [...q.grades].map(([doc, grade]) => `${q.id} 0 ${doc} ${grade}`)).join('\n') + '\n';
}
