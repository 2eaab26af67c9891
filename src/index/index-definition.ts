import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { IndexDefinition } from '../engine/search-engine.js';

const mappingFileSchema = z.object({
  description: z.string(),
  settings: z.record(z.string(), z.unknown()),
  mappings: z.object({ properties: z.record(z.string(), z.unknown()) }).passthrough(),
});

const analysisFileSchema = z.object({
  description: z.string(),
  analysis: z.object({
    char_filter: z.record(z.string(), z.record(z.string(), z.unknown())),
    filter: z.record(z.string(), z.record(z.string(), z.unknown())),
    analyzer: z.record(z.string(), z.unknown()),
  }),
  inline: z.object({
    synonyms: z.object({
      filter: z.string(),
      /** Solr-format lists in analyzers/synonyms/. */
      lists: z.array(z.string()),
      months: z.object({
        table: z.string(),
        /** Month names that are also common words: expanded only inside `شهر …` ("month of …"). */
        phraseOnly: z.record(z.string(), z.string()),
        /** Month names never expanded, with the reason. */
        skipped: z.record(z.string(), z.string()),
      }),
    }),
    protectedNames: z.object({
      filter: z.string(),
      lists: z.array(z.string()),
      /** Synonym lists whose single-word Arabic names are protected too. */
      singleWordNamesOf: z.array(z.string()),
      /** The taxonomy's regions, whose single-word Arabic names are protected too (البحرين is not البحرية). */
      regionNamesOf: z.string(),
      cliticPrefixes: z.array(z.string()),
    }),
    /** The stop filter's words, one a line (Lucene's default Arabic list, written out). */
    stopwords: z.object({ filter: z.string(), list: z.string() }),
    presentationForms: z.object({ charFilter: z.string() }),
  }),
});

const monthTableSchema = z.record(z.string(), z.union([z.string(), z.record(z.string(), z.array(z.string()))]));

export interface VersionedIndexDefinition extends IndexDefinition {
  /** Changes whenever mappings, analysis or a list changes: names the index version. */
  digest: string;
}

/** Reads one list file: one entry a line, `#` comments and blank lines skipped. */
export function parseListFile(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Folds a word the way the index's normalization does (cleanup mappings, lowercase, Lucene's
 * arabic_normalization), so lists written in everyday spelling match analyzed tokens. Golden tests
 * hold it to the engine's own `_analyze` output.
 */
export function normalizeArabicWord(word: string): string {
  return word
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD\u0640\u0670\u064B-\u065F]/g, '')
    .replace(/[\u0671\u0672\u0673\u0675\u0622\u0623\u0625]/g, '\u0627')
    .replace(/[\u0624\u0626]/g, '\u0621')
    .replace(/[\u06A9\u06AA]/g, '\u0643')
    .replace(/[\u06CC\u06D2\u0649]/g, '\u064A')
    .replace(/[\u06C1\u06D5\u06C0\u0629]/g, '\u0647')
    .replace(/اميرك/g, 'امريك')
    .toLowerCase();
}

const ARABIC_WORD = /^[\u0621-\u064A]{3,}$/;

/**
 * `stemmer_override` rules: each protected name and its clitic forms (بواشنطن، للجزائر) become one
 * token. A name with the article becomes the name without it (الجزائر → جزاءر), the stem its
 * adjectives reach anyway (الجزائرية → جزاءر), so the place and its demonym still meet.
 */
export function protectedNameRules(names: string[], cliticPrefixes: string[]): string[] {
  const target = new Map<string, string>();
  for (const name of names.map(normalizeArabicWord).filter((n) => ARABIC_WORD.test(n))) {
    const canonical = name.startsWith('ال') && name.length >= 5 ? name.slice(2) : name;
    const forms = [
      name,
      ...cliticPrefixes.map((prefix) =>
        // ل before the article merges with it: ل + العمامرة = للعمامرة.
        prefix.endsWith('ل') && name.startsWith('ال') ? prefix + name.slice(1) : prefix + name,
      ),
    ];
    for (const form of forms) if (!target.has(form)) target.set(form, canonical);
  }
  const byName = new Map<string, string[]>();
  for (const [form, name] of target) byName.set(name, [...(byName.get(name) ?? []), form]);
  return [...byName].map(([name, forms]) => `${forms.join(', ')} => ${name}`);
}

/** Single-word Arabic terms of a Solr synonym list (multi-word names are matched as phrases). */
export function singleWordArabicTerms(rules: string[]): string[] {
  return rules.flatMap((rule) => rule.split(/,|=>/).map((term) => term.trim())).filter((term) => /^[\u0600-\u06FF]+$/.test(term));
}

/** One synonym rule per month, joining every family's names (analyzers/months.json). */
export function monthSynonymRules(table: unknown, phraseOnly: Record<string, string>, skipped: Record<string, string>): string[] {
  const families = Object.values(monthTableSchema.parse(table)).filter((entry) => typeof entry !== 'string');
  const rules: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const names = new Set<string>();
    for (const family of families) {
      for (const name of family[String(month)] ?? []) {
        if (name in skipped) continue;
        names.add(name in phraseOnly ? `شهر ${name}` : name.toLowerCase());
      }
    }
    rules.push([...names].join(', '));
  }
  return rules;
}

/** Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) mapped to their letters, from Unicode's own NFKC. */
export function presentationFormMappings(): string[] {
  const escape = (text: string) => [...text].map((c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join('');
  const rules: string[] = [];
  for (const [from, to] of [
    [0xfb50, 0xfdff],
    [0xfe70, 0xfeff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const form = String.fromCodePoint(cp);
      const letters = form.normalize('NFKC').trim();
      if (letters !== form && letters !== '' && /[\u0600-\u06FF]/.test(letters)) rules.push(`${escape(form)}=>${escape(letters)}`);
    }
  }
  return rules;
}

/**
 * Builds the index definition from the data files under `rootDir`: `mappings/articles.json`,
 * `analyzers/arabic.json`, and the lists it names, inlined into their filters.
 */
export function loadIndexDefinition(rootDir: string): VersionedIndexDefinition {
  const analyzersDir = join(rootDir, 'analyzers');
  const mappingFile = mappingFileSchema.parse(readJson(join(rootDir, 'mappings', 'articles.json')));
  const analysisFile = analysisFileSchema.parse(readJson(join(analyzersDir, 'arabic.json')));
  const { inline } = analysisFile;
  const analysis = structuredClone(analysisFile.analysis);
  const readList = (path: string) => parseListFile(readFileSync(join(analyzersDir, path), 'utf8'));

  const synonymRules = [
    ...inline.synonyms.lists.flatMap((file) => readList(join('synonyms', file))),
    ...monthSynonymRules(readJson(join(analyzersDir, inline.synonyms.months.table)), inline.synonyms.months.phraseOnly, inline.synonyms.months.skipped),
  ];
  filterNamed(analysis.filter, inline.synonyms.filter).synonyms = synonymRules;

  const protectedNames = [
    ...inline.protectedNames.lists.flatMap(readList),
    ...inline.protectedNames.singleWordNamesOf.flatMap((file) => singleWordArabicTerms(readList(join('synonyms', file)))),
    ...regionNames(readJson(join(analyzersDir, inline.protectedNames.regionNamesOf))),
  ];
  filterNamed(analysis.filter, inline.protectedNames.filter).rules = protectedNameRules(protectedNames, inline.protectedNames.cliticPrefixes);
  filterNamed(analysis.filter, inline.stopwords.filter).stopwords = readList(inline.stopwords.list);
  filterNamed(analysis.char_filter, inline.presentationForms.charFilter).mappings = presentationFormMappings();

  const settings = { index: mappingFile.settings, analysis };
  const mappings = mappingFile.mappings;
  const digest = createHash('sha256').update(JSON.stringify({ settings, mappings })).digest('hex').slice(0, 10);
  return { settings, mappings: { ...mappings, _meta: { definition: digest } }, digest };
}

/**
 * What query building must know of an index definition's analysis (see `QueryShape`): the most
 * alternatives any synonym rule offers for one match (`a, b, c` → 3; `a => b, c` → 2), and each
 * text field's index analyzer, which analyzes as its search analyzer does minus the synonyms.
 */
export function analysisShapeOf(definition: IndexDefinition): { maxSynonymAlternatives: number; plainAnalyzers: Record<string, string> } {
  const filters = (definition.settings as { analysis?: { filter?: Record<string, { type?: string; synonyms?: string[] }> } }).analysis?.filter ?? {};
  const rules = Object.values(filters).flatMap((filter) => (filter.type === 'synonym_graph' || filter.type === 'synonym' ? (filter.synonyms ?? []) : []));
  const alternatives = rules.map((rule) => (rule.split('=>').at(-1) ?? '').split(',').filter((term) => term.trim()).length);
  const properties = (definition.mappings as { properties?: Record<string, unknown> }).properties ?? {};
  return { maxSynonymAlternatives: Math.max(1, ...alternatives), plainAnalyzers: indexAnalyzersOf(properties) };
}

/** Each text field (and sub-field, as `title.exact`) with its index analyzer, which has no synonyms. */
function indexAnalyzersOf(properties: Record<string, unknown>, prefix = ''): Record<string, string> {
  const analyzers: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    const field = value as { type?: string; analyzer?: string; fields?: Record<string, unknown> };
    if (field.type === 'text' && field.analyzer) analyzers[`${prefix}${name}`] = field.analyzer;
    if (field.fields) Object.assign(analyzers, indexAnalyzersOf(field.fields, `${prefix}${name}.`));
  }
  return analyzers;
}

/** Single-word Arabic names of the taxonomy's regions (their `labels.ar`). */
function regionNames(regionsFile: unknown): string[] {
  const parsed = z.object({ regions: z.array(z.object({ labels: z.object({ ar: z.string() }) })) }).parse(regionsFile);
  return singleWordArabicTerms(parsed.regions.map((region) => region.labels.ar));
}

function filterNamed(filters: Record<string, Record<string, unknown>>, name: string): Record<string, unknown> {
  const filter = filters[name];
  if (!filter) throw new Error(`analyzers/arabic.json: "inline" names "${name}", which is not defined under "analysis"`);
  return filter;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}
