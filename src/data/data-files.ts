import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one way data files (mappings, analyzers, synonym and word lists, taxonomy, profiles,
 * judgments) are read: from a data root, validated at load, an error naming the file and the field.
 */
export class DataFileError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'DataFileError';
  }
}

function readText(root: string, path: string): string {
  try {
    return readFileSync(resolve(root, path), 'utf8');
  } catch (error) {
    throw new DataFileError(path, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A JSON data file, checked against its schema; `path` is relative to the data root (or absolute). */
export function readDataJson<T>(root: string, path: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(readText(root, path));
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(path, `invalid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataFileError(path, `${describePath(value, issue.path) || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** `queries.3.ratings.d` as `queries["q1"].ratings.d`: an entry with an id or slug is named by it. */
function describePath(value: unknown, path: PropertyKey[]): string {
  let at = value;
  let text = '';
  for (const key of path) {
    const entry = (at as Record<PropertyKey, unknown> | undefined)?.[key] as { id?: unknown; slug?: unknown } | undefined;
    const name = typeof key === 'number' ? (typeof entry?.id === 'string' ? entry.id : typeof entry?.slug === 'string' ? entry.slug : undefined) : undefined;
    text += typeof key === 'number' ? (name !== undefined ? `["${name}"]` : `[${key}]`) : `${text ? '.' : ''}${String(key)}`;
    at = entry;
  }
  return text;
}

/** One entry a line: `#` comments and blank lines skipped. */
export function parseListText(text: string): string[] {
  return numberedEntries(text).map(({ entry }) => entry);
}

/** A list's entries, each with its line number (from 1), for an error to name. */
function numberedEntries(text: string): { line: number; entry: string }[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: index + 1, entry: line.trim() }))
    .filter(({ entry }) => entry !== '' && !entry.startsWith('#'));
}

/** A list file (synonyms, stopwords, protected names): its entries. */
export function readDataList(root: string, path: string): string[] {
  return parseListText(readText(root, path));
}

/** A list file's entries with their line numbers. */
export function readNumberedDataList(root: string, path: string): { line: number; entry: string }[] {
  return numberedEntries(readText(root, path));
}

/** A list of one word a line (question words): a line of two words is refused, naming it, for it would match nothing. */
export function readWordList(root: string, path: string): string[] {
  return readNumberedDataList(root, path).map(({ line, entry }) => {
    if (/\s/u.test(entry)) throw new DataFileError(path, `line ${line}: one word a line, got "${entry}"`);
    return entry;
  });
}

/** A `word<TAB>word` list (the word forms and the nouns they are read as): every line checked. */
export function readWordPairs(root: string, path: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [index, line] of readText(root, path).split('\n').entries()) {
    if (!line || line.startsWith('#')) continue;
    const [first, second, ...rest] = line.split('\t');
    if (!first || !second || rest.length > 0) throw new DataFileError(path, `line ${index + 1}: expected "word<TAB>word", got "${line}"`);
    pairs.push([first, second]);
  }
  return pairs;
}

/** A `word<TAB>count` list (the run-on word frequencies): every line checked. */
export function readWordFrequencies(root: string, path: string): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const [index, line] of readText(root, path).split('\n').entries()) {
    if (!line || line.startsWith('#')) continue;
    const [word, count, ...rest] = line.split('\t');
    if (!word || !count || rest.length > 0 || !/^\d+$/.test(count))
      throw new DataFileError(path, `line ${index + 1}: expected "word<TAB>count", got "${line}"`);
    frequencies.set(word, Number(count));
  }
  return frequencies;
}
