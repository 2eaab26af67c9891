import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readDataJson } from '../data/data-files.js';
import { readSourceRecords, sourceFiles, type SourceRecord } from '../ingest/source-records.js';
import { judgedQueries, SEED_JUDGMENTS } from './judged-search.js';
import { parseTrecQrels } from './judgment-files.js';
import { meanMetrics } from './rank-metrics.js';
import type { EvaluationQuery, EvaluationRun } from './run-evaluation.js';

/**
 * A test collection is data: documents, queries, and graded judgments. Each one here reads its
 * files when asked; `inputs` lists those files, so that an index built from them can be named by
 * their content and reused while nothing changed.
 */
export interface EvalCollection {
  name: string;
  description: string;
  /** The files the documents and queries come from. */
  inputs: string[];
  queries: EvaluationQuery[];
  /** Every document, as records the product's own ingest reads. */
  records(): AsyncIterable<SourceRecord>;
}

export const COLLECTION_NAMES = ['seeds', 'typos', 'known-item', 'arcd', 'quran-qa'] as const;

/** The typo set's queries, built by rule from the seed queries and names (`npm run build:typo-queries`). */
export const TYPO_QUERIES = 'relevance/collections/typos/queries.json';
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** Where the collections' files are, each overridable; the defaults are the project's and `../shared`'s. */
export interface CollectionPaths {
  root: string;
  /** ARCD's training split (SQuAD JSON), in the repository. */
  arcd?: string;
  /** The ANT news corpus (NDJSON, gzip): the haystack of `known-item`; never copied into the repository. */
  ant?: string;
  /** The Qur'an QA 2023 folder (passages.tsv, queries-train.tsv, qrels-train.txt); never copied into the repository. */
  quranQa?: string;
}

export function defaultCollectionPaths(root: string, env: NodeJS.ProcessEnv = process.env): Required<CollectionPaths> {
  return {
    root,
    arcd: join(root, 'relevance', 'collections', 'arcd-train', 'arcd-train.json'),
    ant: env.ANT_CORPUS ?? join(root, '..', 'shared', 'corpora', 'ant-multisource.ndjson.gz'),
    quranQa: env.QURAN_QA ?? join(root, '..', 'shared', 'eval', 'quran-qa-2023'),
  };
}

/** A collection whose files are not on this machine. */
export class CollectionMissingError extends Error {
  constructor(name: string, path: string) {
    super(`the collection "${name}" needs ${path}, which is not there`);
    this.name = 'CollectionMissingError';
  }
}

/** Whether the files a collection needs are present (tests skip, naming why, when they are not). */
export function collectionAvailable(name: CollectionName, paths: Required<CollectionPaths>): boolean {
  if (name === 'known-item') return existsSync(paths.arcd) && existsSync(paths.ant);
  if (name === 'arcd') return existsSync(paths.arcd);
  if (name === 'quran-qa') return existsSync(join(paths.quranQa, 'passages.tsv'));
  return true;
}

export function loadCollection(name: CollectionName, paths: Required<CollectionPaths>): EvalCollection {
  switch (name) {
    case 'seeds':
      return seedsCollection(paths.root);
    case 'typos':
      return typosCollection(paths.root);
    case 'arcd':
      return arcdCollection(paths.arcd);
    case 'known-item':
      return knownItemCollection(paths.arcd, paths.ant);
    case 'quran-qa':
      return quranQaCollection(paths.quranQa);
  }
}

function seedsCollection(root: string): EvalCollection {
  const folder = join(root, 'seeds');
  return {
    name: 'seeds',
    description: 'the five seed articles, 25 news queries graded 0–3 (relevance/judgments/seeds.json)',
    inputs: [SEED_JUDGMENTS, folder],
    queries: judgedQueries(),
    records: async function* () {
      yield* readSourceRecords(await sourceFiles([folder]));
    },
  };
}

const typoQueriesSchema = z.object({
  description: z.string(),
  queries: z.array(
    z.object({
      id: z.string(),
      query: z.string().min(1),
      family: z.string(),
      base: z.object({ id: z.string(), query: z.string() }),
      intended: z.array(z.string()).min(1),
    }),
  ),
});

/** The typo set: each misspelled query with the base query it misspells and the articles it intends. */
export function loadTypoQueries(root: string): z.infer<typeof typoQueriesSchema> {
  return readDataJson(root, TYPO_QUERIES, typoQueriesSchema);
}

/** The seed articles, asked the typo set's misspelled queries; each query's intended articles are graded 1, the others unjudged. */
function typosCollection(root: string): EvalCollection {
  const folder = join(root, 'seeds');
  const typos = loadTypoQueries(root);
  return {
    name: 'typos',
    description: `the five seed articles, ${typos.queries.length} misspelled seed queries and names (${TYPO_QUERIES}); intended article grade 1`,
    inputs: [join(root, TYPO_QUERIES), folder],
    queries: typos.queries.map((q) => ({ id: q.id, query: q.query, family: q.family, grades: new Map(q.intended.map((id) => [id, 1])) })),
    records: async function* () {
      yield* readSourceRecords(await sourceFiles([folder]));
    },
  };
}

interface Squad {
  data: { title: string; paragraphs: { context: string; qas: { id: string; question: string }[] }[] }[];
}

/** ARCD's paragraphs as articles (`arcd-<article>-<paragraph>`, titled by their Wikipedia page), and each question with its own paragraph graded 1. */
export function readArcd(path: string): { records: SourceRecord[]; queries: EvaluationQuery[] } {
  if (!existsSync(path)) throw new CollectionMissingError('arcd', path);
  const squad = JSON.parse(readFileSync(path, 'utf8')) as Squad;
  const records: SourceRecord[] = [];
  const queries: EvaluationQuery[] = [];
  squad.data.forEach((article, a) =>
    article.paragraphs.forEach((paragraph, p) => {
      const id = `arcd-${a}-${p}`;
      records.push({ kind: 'json', file: path, line: records.length + 1, value: { id, title: article.title, text: paragraph.context, source: 'arcd' } });
      for (const qa of paragraph.qas) queries.push({ id: qa.id, query: qa.question.trim(), grades: new Map([[id, 1]]) });
    }),
  );
  return { records, queries };
}

function arcdCollection(path: string): EvalCollection {
  const { records, queries } = readArcd(path);
  return {
    name: 'arcd',
    description: `ARCD training split alone: ${queries.length} questions over its ${records.length} paragraphs (the in-repository gate)`,
    inputs: [path],
    queries,
    records: async function* () {
      yield* records;
    },
  };
}

function knownItemCollection(arcdPath: string, antPath: string): EvalCollection {
  if (!existsSync(antPath)) throw new CollectionMissingError('known-item', antPath);
  const { records, queries } = readArcd(arcdPath);
  return {
    name: 'known-item',
    description: `known-item search: ${queries.length} ARCD questions, each one's paragraph hidden among the ANT news articles`,
    inputs: [arcdPath, antPath],
    queries,
    records: async function* () {
      yield* records;
      yield* readSourceRecords(await sourceFiles([antPath]));
    },
  };
}

function readTsv(path: string): [string, string][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t') as [string, string]);
}

/**
 * Qur'an QA 2023 Task A: the passages (titled by their id, `2:8-16`, since ingest wants a title and
 * the passages have none) and the answerable training questions with their qrels. Questions with no
 * answer in the collection (docid -1) are left out: every ranking returns passages, so each would score 0.
 */
function quranQaCollection(folder: string): EvalCollection {
  const passagesFile = join(folder, 'passages.tsv');
  if (!existsSync(passagesFile)) throw new CollectionMissingError('quran-qa', folder);
  const qrelsFile = join(folder, 'qrels-train.txt');
  const queriesFile = join(folder, 'queries-train.tsv');
  const qrels = parseTrecQrels(readFileSync(qrelsFile, 'utf8'));
  const queries = readTsv(queriesFile)
    .filter(([id]) => qrels.has(id) && !qrels.get(id)!.noAnswer)
    .map(([id, query]) => ({ id, query, grades: qrels.get(id)!.grades }));
  return {
    name: 'quran-qa',
    description: `Qur'an QA 2023 Task A: ${queries.length} answerable training questions over the passages`,
    inputs: [passagesFile, queriesFile, qrelsFile],
    queries,
    records: async function* () {
      let line = 0;
      for (const [id, text] of readTsv(passagesFile)) yield { kind: 'json', file: passagesFile, line: ++line, value: { id, title: id, text, source: 'quran' } };
    },
  };
}

/** The collection's judgments replaced by a TREC qrels file's; queries without any are dropped. */
export function withQrels(collection: EvalCollection, qrelsText: string): EvalCollection {
  const qrels = parseTrecQrels(qrelsText);
  const queries = collection.queries.flatMap((q) => {
    const entry = qrels.get(q.id);
    return entry && !entry.noAnswer ? [{ ...q, grades: entry.grades }] : [];
  });
  return { ...collection, queries };
}

/** The half a query belongs to, fixed by its id: the first byte of SHA-256(id) below 128 is `tuning`, else `held-out`. */
export function splitOf(queryId: string): 'tuning' | 'held-out' {
  return createHash('sha256').update(queryId).digest()[0]! < 128 ? 'tuning' : 'held-out';
}

export const HALVES = ['tuning', 'held-out', 'all'] as const;
export type Half = (typeof HALVES)[number];

/** The queries (or query results) of one half; `all` keeps every one. */
export function inHalf<T extends { id: string }>(queries: T[], half: Half): T[] {
  return queries.filter((q) => half === 'all' || splitOf(q.id) === half);
}

/** A run's mean metrics over one half of its queries. */
export function meanOfHalf(run: EvaluationRun, half: Half): Record<string, number> {
  return meanMetrics(inHalf(run.queries, half).map((q) => q.metrics));
}

/** A digest of the files' content (folders: every file in them, by name): what an index built from them is named by. */
export async function digestInputs(paths: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    const files = path.endsWith('.json') || path.endsWith('.tsv') || path.endsWith('.txt') ? [{ path }] : await sourceFiles([path]);
    for (const file of files) hash.update(file.path.split('/').pop()!).update(readFileSync(file.path));
  }
  return hash.digest('hex');
}
