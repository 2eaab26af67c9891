import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import {
  monthFamilies,
  monthSynonymRules,
  monthTableSchema,
  normalizeArabicWord,
  presentationFormMappings,
  protectedNameRules,
  withoutContainedAlternatives,
  singleWordArabicTerms,
} from '../analysis/arabic-rules.js';
import { DataFileError, readDataJson, readDataList, readNumberedDataList, readWordPairs } from '../data/data-files.js';
import { normalizedWordsOf, stemArabic } from '../analysis/in-process-analyzer.js';
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
      /** Solr-format lists of names in analyzers/synonyms/: query understanding reads them as names too. */
      lists: z.array(z.string()),
      /** Solr-format lists of common words (news-words.txt): search synonyms only, never read as names. */
      wordLists: z.array(z.string()),
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
      /** Countries whose demonym's forms are left to the stemmer, each with why (see demonymFormsOf). */
      demonymsLeftToStemmer: z.record(z.string(), z.string()),
      /** One-word names of countries labelled in several words, whose demonym's forms are the name too, each with why. */
      demonymsAlsoOf: z.record(z.string(), z.string()),
      /**
       * Demonyms of another pattern than the name's (broken plurals: الأتراك, الروس), made the name too,
       * for countries whose adjective meets the name (التركي, الروسي); as written, so the bare روس (Ross) stays out.
       */
      pluralDemonymsOf: z.record(z.string(), z.array(z.string()).min(1)),
      cliticPrefixes: z.array(z.string()),
    }),
    /** Word forms the light stemmer misreads, each with the noun it is read as (see wordFormRules). */
    wordForms: z.object({ filter: z.string(), list: z.string() }),
    /**
     * The stop filter's words, one a line (Lucene's default Arabic list, written out), and the filter
     * that drops, before normalization, those it would change into no word of the list (see
     * loadIndexDefinition).
     */
    stopwords: z.object({ filter: z.string(), asTypedFilter: z.string(), list: z.string() }),
    presentationForms: z.object({ charFilter: z.string() }),
  }),
});

/** What the analysis file says about names: the clitic prefixes a name takes, the stopwords, and the synonym lists (paths from `rootDir`). */
export function readNameAnalysis(rootDir: string): { cliticPrefixes: string[]; stopwords: string[]; synonymLists: string[]; wordLists: string[] } {
  const { inline } = readDataJson(rootDir, 'analyzers/arabic.json', analysisFileSchema);
  return {
    cliticPrefixes: inline.protectedNames.cliticPrefixes,
    stopwords: readDataList(rootDir, join('analyzers', inline.stopwords.list)),
    synonymLists: inline.synonyms.lists.map((file) => join('analyzers', 'synonyms', file)),
    wordLists: inline.synonyms.wordLists.map((file) => join('analyzers', 'synonyms', file)),
  };
}

export interface VersionedIndexDefinition extends IndexDefinition {
  /** Changes whenever mappings, analysis or a list changes: names the index version. */
  digest: string;
  /** The clitics a word takes in front (و, ل, ب …), as the analysis file lists them for names. */
  cliticPrefixes: string[];
}

/** The synonym list of people, one person a line: tagging's people and the names query understanding knows for persons. */
export const PEOPLE_LIST = 'analyzers/synonyms/people.txt';

/**
 * A list's rules, refused with the list, the line and the rule named where the engine would refuse the
 * whole set and name none of them: a rule not in the lists' format (`a => b => c`, `a =>`, `a, , b`),
 * or one holding a word the search analyzer drops before its synonyms (حصل على البراءة).
 */
export function checkedSynonymRules(list: string, rules: { line: number; entry: string }[], droppedFirst: readonly string[]): string[] {
  const dropped = new Set(droppedFirst);
  for (const { line, entry: rule } of rules) {
    const refuse = (why: string) => {
      throw new DataFileError(list, `line ${line}: the rule "${rule}" ${why}`);
    };
    const sides = rule.split('=>');
    if (sides.length > 2) refuse('has two "=>"; write "spellings => what they mean" or "spellings, all alike"');
    if (sides.some((side) => side.split(',').some((term) => term.trim() === ''))) refuse('has an empty spelling (a side of "=>" or between commas)');
    const word = rule.split(/\s*(?:=>|,)\s*|\s+/u).find((term) => dropped.has(term.toLowerCase()));
    if (word) refuse(`holds ${word}, which the search analyzer drops before its synonyms; write the rule without it`);
  }
  return rules.map(({ entry }) => entry);
}

/** The analyzer articles are indexed with (title and body): what tagging and query understanding mirror in process. */
export const INDEX_ANALYZER = 'arabic_index';

/**
 * Builds the index definition from the data files under `rootDir`: `mappings/articles.json`,
 * `analyzers/arabic.json`, and the lists it names, inlined into their filters.
 */
export function loadIndexDefinition(rootDir: string): VersionedIndexDefinition {
  const mappingFile = readDataJson(rootDir, 'mappings/articles.json', mappingFileSchema);
  const analysisFile = readDataJson(rootDir, 'analyzers/arabic.json', analysisFileSchema);
  const { inline } = analysisFile;
  const analysis = structuredClone(analysisFile.analysis);
  const readList = (path: string) => readDataList(rootDir, join('analyzers', path));

  const stopwords = readList(inline.stopwords.list);
  // Lucene's list is made for use before normalization; the stop filter runs after it, where على has
  // become علي (Ali, kept) and matched nearly every article. Such words are dropped as typed, first.
  const listed = new Set(stopwords);
  const droppedAsTyped = stopwords.filter((word) => {
    const normalized = normalizeArabicWord(word);
    return normalized !== word && !listed.has(normalized);
  });

  const synonymRules = [
    ...[...inline.synonyms.lists, ...inline.synonyms.wordLists]
      .flatMap((file) => {
        const list = join('analyzers', 'synonyms', file);
        return checkedSynonymRules(list, readNumberedDataList(rootDir, list), droppedAsTyped);
      })
      .map((rule) => withoutContainedAlternatives(rule, normalizedWordsOf)),
    ...monthSynonymRules(
      monthFamilies(readDataJson(rootDir, join('analyzers', inline.synonyms.months.table), monthTableSchema)).map(([, family]) => family),
      inline.synonyms.months.phraseOnly,
      inline.synonyms.months.skipped,
    ),
  ];
  filterNamed(analysis.filter, inline.synonyms.filter).synonyms = synonymRules;

  const { regions } = readDataJson(rootDir, join('analyzers', inline.protectedNames.regionNamesOf), regionLabelsSchema);
  const protectedNames = [
    ...inline.protectedNames.lists.flatMap(readList),
    ...inline.protectedNames.singleWordNamesOf.flatMap((file) => singleWordArabicTerms(readList(join('synonyms', file)))),
    ...regions.flatMap((region) => singleWordArabicTerms([region.labels.ar])),
  ];
  const countries = [
    ...regions
      .filter((region) => region.kind === 'country' && !(region.labels.ar in inline.protectedNames.demonymsLeftToStemmer))
      .flatMap((region) => singleWordArabicTerms([region.labels.ar])),
    ...Object.keys(inline.protectedNames.demonymsAlsoOf),
  ];
  filterNamed(analysis.filter, inline.protectedNames.filter).rules = protectedNameRules(
    protectedNames,
    inline.protectedNames.cliticPrefixes,
    countries,
    inline.protectedNames.pluralDemonymsOf,
  );
  filterNamed(analysis.filter, inline.wordForms.filter).rules = wordFormRules(readWordPairs(rootDir, join('analyzers', inline.wordForms.list)));
  filterNamed(analysis.filter, inline.stopwords.filter).stopwords = stopwords;
  filterNamed(analysis.filter, inline.stopwords.asTypedFilter).stopwords = droppedAsTyped;
  filterNamed(analysis.char_filter, inline.presentationForms.charFilter).mappings = presentationFormMappings();

  const settings = { index: mappingFile.settings, analysis };
  const mappings = mappingFile.mappings;
  const digest = createHash('sha256').update(JSON.stringify({ settings, mappings })).digest('hex').slice(0, 10);
  return { settings, mappings: { ...mappings, _meta: { definition: digest } }, digest, cliticPrefixes: inline.protectedNames.cliticPrefixes };
}

/**
 * `stemmer_override` rules for word forms the light stemmer misreads, each read as its noun's stem.
 * It takes ب and ل off only with the article (للكأس), no accusative alif (شخصا), and و off every
 * word of four letters, a root's too (وزير → زير, while الوزير → وزير). A noun beginning with و
 * takes the stem its form with the article gets: بوزير, وزير and الوزير meet.
 */
export function wordFormRules(pairs: [form: string, noun: string][]): string[] {
  const formsByStem = new Map<string, string[]>();
  for (const [form, noun] of pairs) {
    const normalized = normalizeArabicWord(noun);
    const stem = stemArabic(normalized.startsWith('و') ? `ال${normalized}` : normalized);
    formsByStem.set(stem, [...(formsByStem.get(stem) ?? []), normalizeArabicWord(form)]);
  }
  return [...formsByStem].map(([stem, forms]) => `${forms.join(', ')} => ${stem}`);
}

/**
 * What query building must know of an index definition's analysis (see `QueryShape`): the most
 * alternatives any synonym rule offers for one match (`a, b, c` → 3; `a => b, c` → 2), each
 * text field's index analyzer, which analyzes as its search analyzer does minus the synonyms, and
 * the words its stop filters drop.
 */
export function analysisShapeOf(definition: VersionedIndexDefinition): {
  maxSynonymAlternatives: number;
  plainAnalyzers: Record<string, string>;
  stopwords: ReadonlySet<string>;
  cliticPrefixes: readonly string[];
} {
  const filters = analysisFiltersOf(definition);
  const rules = synonymRulesOf(definition);
  const alternatives = rules.map((rule) => (rule.split('=>').at(-1) ?? '').split(',').filter((term) => term.trim()).length);
  const stopwords = Object.values(filters).flatMap((filter) => (filter.type === 'stop' && Array.isArray(filter.stopwords) ? filter.stopwords : []));
  const properties = (definition.mappings as { properties?: Record<string, unknown> }).properties ?? {};
  return {
    maxSynonymAlternatives: Math.max(1, ...alternatives),
    plainAnalyzers: indexAnalyzersOf(properties),
    stopwords: new Set(stopwords),
    cliticPrefixes: definition.cliticPrefixes,
  };
}

type AnalysisFilter = { type?: string; synonyms?: string[]; stopwords?: string[] | string };

/** The token filters of the definition's analysis settings, by name. */
function analysisFiltersOf(definition: IndexDefinition): Record<string, AnalysisFilter> {
  return (definition.settings as { analysis?: { filter?: Record<string, AnalysisFilter> } }).analysis?.filter ?? {};
}

/** Every rule of the definition's synonym filters. */
function synonymRulesOf(definition: IndexDefinition): string[] {
  return Object.values(analysisFiltersOf(definition)).flatMap((filter) =>
    filter.type === 'synonym_graph' || filter.type === 'synonym' ? (filter.synonyms ?? []) : [],
  );
}

/** Every Latin spelling of one word in the index's synonym rules, lowercased: the words the engine itself reads alone (janvier, blinken). */
export function latinWordsOfSynonyms(definition: IndexDefinition): Set<string> {
  return new Set(
    synonymRulesOf(definition)
      .flatMap((rule) => rule.toLowerCase().split(/,|=>/u))
      .map((spelling) => spelling.trim())
      .filter((spelling) => /^\p{Script=Latin}/u.test(spelling) && !/\s/u.test(spelling)),
  );
}

/** Every Latin word of `rules`, lowercased, of one-word spellings and longer ones alike (gas of natural gas). */
export function latinWordsOfRules(rules: string[]): string[] {
  return rules.flatMap((rule) => rule.toLowerCase().split(/[\s,]+|=>/u)).filter((word) => /^\p{Script=Latin}/u.test(word));
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

/** Of the taxonomy's regions, their kind and Arabic labels: the single-word ones are protected names too, and a country's its demonym's forms. */
const regionLabelsSchema = z.object({ regions: z.array(z.object({ kind: z.string(), labels: z.object({ ar: z.string() }) })) });

function filterNamed(filters: Record<string, Record<string, unknown>>, name: string): Record<string, unknown> {
  const filter = filters[name];
  if (!filter) throw new Error(`analyzers/arabic.json: "inline" names "${name}", which is not defined under "analysis"`);
  return filter;
}
