import { doubleMetaphone } from 'double-metaphone';
import { cliticFormsOf, containedAlternatives, normalizeArabicWord, spellingsOf, withArabicLetters, withoutMarks } from '../analysis/arabic-rules.js';
import {
  createInProcessAnalyzer,
  forEachStandardToken,
  normalizedWordsOf,
  UnsupportedAnalysisError,
  type AnalysisSettings,
} from '../analysis/in-process-analyzer.js';
import { readDataList, readWordList } from '../data/data-files.js';
import type { IndexDefinition } from '../engine/search-engine.js';
import { INDEX_ANALYZER, latinWordsOfRules, latinWordsOfSynonyms, PEOPLE_LIST, readNameAnalysis } from '../index/index-definition.js';
import type { RunOnRepairer, SplitOptions } from '../ingest/run-on-repair.js';
import { EDGE_PUNCTUATION } from './edge-punctuation.js';
import {
  inArabicOrder,
  isEnglishWord,
  LONGEST_LISTED_SPELLING,
  readLatinStretches,
  withoutLatinMarks,
  type EnglishInArabic,
  type EnglishWords,
  type NewsFrequency,
} from './english-words.js';
import type { SearchProfile } from './search-profile.js';
import { consonantsAgree, type ArabiziReader } from './arabizi.js';

/** The question words and particles a profile may take out of queries (`relevance/question-words.txt`). */
export const QUESTION_WORDS = 'relevance/question-words.txt';
/** Question words also written as names and words (شو: Shaw, توك شو), and phrases before a subject (آخر أخبار), taken out only as a query's first words. */
export const QUESTION_OPENERS = 'relevance/question-openers.txt';
/** An opener has at most this many words (latest news about). */
const MAX_OPENER_WORDS = 3;

/** What reading a query may use besides the profile: the question word list, the run-on repairer, the listed names. */
export interface QueryAids {
  questionWords: ReadonlySet<string>;
  /** The words and phrases taken out only as a query's first words, after any question words (`relevance/question-openers.txt`). */
  questionOpeners?: ReadonlySet<string>;
  repairer?: RunOnRepairer;
  /** The listed names typed without their spaces (see loadGluedNames). */
  gluedNames?: GluedNames;
  latinNameWords?: ReadonlyMap<string, number>;
  /** A word of one listed name only, no name alone, to that name's shortest spelling (see loadLatinNamesOfWords). */
  latinNamesOfWords?: ReadonlyMap<string, string>;
  /** Every Latin spelling of the lists, lowercased, with the number of its line: its entity (see respellWholeLatinNames). */
  latinSpellings?: ReadonlyMap<string, number>;
  /** Every word of the listed names and its clitic forms, normalized: spellings a respelling must leave alone. */
  listedNameWords?: ReadonlySet<string>;
  /** Every spelling of the listed names, whole (ترمب, دونالد ترامب, donald trump), as `nameSpellingKey` keys it, with the number of its first rule's line: its entity. */
  listedNameSpellings?: ListedSpellings;
  /** The spellings of the people's list alone, keyed the same way (see withoutArticleOnNames). */
  personNames?: ReadonlySet<string>;
  /** Every Arabic word of the listed names, normalized, with the number of its line: its entity (see arabicNameRespellings). */
  arabicNameWords?: ReadonlyMap<string, number>;
  /** A listed name's word with a clitic, normalized (وترامب, للسعوديه), to the word as the list writes it (see loadNameCliticForms). */
  nameCliticForms?: ReadonlyMap<string, string>;
  /** Each entity of `listedNameSpellings` to its one-word spellings' clitic forms of `nameCliticForms` (لبوتفليقه, وترمب). */
  entityCliticForms?: ReadonlyMap<number, readonly string[]>;
  /** The lists' abbreviations by their capitals (see loadLatinAbbreviations). */
  latinAbbreviations?: ReadonlyMap<string, string>;
  /** Each Latin spelling of the lists to the Arabic of its rule (see loadArabicOfLatin). */
  arabicOfLatin?: ReadonlyMap<string, string>;
  /** Each Latin word of a listed name, no spelling alone, to the Arabic word the list writes in its place (see loadArabicOfNameWords). */
  arabicOfNameWords?: ReadonlyMap<string, string>;
  /** Each spelling of a listed name, as `nameSpellingKey` keys it, to its rule's longer Arabic forms (see loadFullNameForms). */
  fullNameForms?: ReadonlyMap<string, readonly string[]>;
  /** The English–Arabic dictionary, read at its first use; `undefined` where none is installed. */
  englishWords?: () => EnglishWords | undefined;
  /** The Latin words the index's synonym rules read alone, and every word of the news lists' English (see loadQueryLists): never read as Arabic typed in Latin letters. */
  synonymLatinWords?: ReadonlySet<string>;
  /** The Arabic words the news and dialect lists read alone (حراقة, شنو), normalized: words, no slips a respelling corrects. */
  wordListArabicWords?: ReadonlySet<string>;
  /** The reader of Arabic typed in Latin letters, over the repairer's word list, built at its first use. */
  arabizi?: () => ArabiziReader;
  /** A text's terms as the index analyzer stems them, run in process; none where it cannot run here. */
  indexTermsOf?: (text: string) => string[];
}

/** Every list query understanding reads from a data root (for an index built from `definition`): all but the repairer, which ingest shares. */
export function loadQueryLists(dataRoot: string, definition: IndexDefinition): Required<Omit<QueryAids, 'repairer' | 'englishWords' | 'arabizi'>> {
  const nameCliticForms = loadNameCliticForms(dataRoot, definition);
  const listedNameSpellings = loadListedNameSpellings(dataRoot);
  return {
    nameCliticForms,
    entityCliticForms: cliticFormsByEntity(nameCliticForms, listedNameSpellings),
    questionWords: loadQuestionWords(dataRoot),
    questionOpeners: loadQuestionWords(dataRoot, QUESTION_OPENERS),
    latinNameWords: loadLatinNameWords(dataRoot),
    latinNamesOfWords: loadLatinNamesOfWords(dataRoot),
    latinSpellings: loadLatinSpellings(dataRoot),
    arabicNameWords: loadArabicNameWords(dataRoot),
    listedNameWords: loadListedNameWords(dataRoot),
    listedNameSpellings,
    personNames: new Set(readDataList(dataRoot, PEOPLE_LIST).flatMap(spellingsOf).map(nameSpellingKey)),
    gluedNames: loadGluedNames(dataRoot),
    latinAbbreviations: loadLatinAbbreviations(dataRoot),
    arabicOfLatin: loadArabicOfLatin(dataRoot),
    arabicOfNameWords: loadArabicOfNameWords(dataRoot),
    fullNameForms: loadFullNameForms(dataRoot),
    // A name's word alone (hadi of mansour hadi) no rule reads, and it sounds as its Arabic does; an English word of the news lists' phrases (gas of natural gas) is English.
    synonymLatinWords: new Set([
      ...latinWordsOfSynonyms(definition),
      ...latinWordsOfRules(readNameAnalysis(dataRoot).wordLists.flatMap((list) => readDataList(dataRoot, list))),
    ]),
    indexTermsOf: loadIndexTerms(definition),
    wordListArabicWords: loadWordListArabicWords(dataRoot),
  };
}

/** The one-word Arabic spellings the news and dialect lists read (a one-way rule's left side), normalized. */
export function loadWordListArabicWords(dataRoot: string): Set<string> {
  return new Set(
    readNameAnalysis(dataRoot)
      .wordLists.flatMap((list) => readDataList(dataRoot, list))
      .flatMap((rule) => spellingsOf(rule.split('=>')[0]!))
      .filter((spelling) => ARABIC_WORD_ALONE.test(spelling))
      .map(normalizeArabicWord),
  );
}

const ARABIC_WORD_ALONE = /^\p{Script=Arabic}+$/u;

/** The index analyzer run in process (see QueryAids.indexTermsOf). */
function loadIndexTerms(definition: IndexDefinition): (text: string) => string[] {
  try {
    const analyzer = createInProcessAnalyzer(definition.settings.analysis as AnalysisSettings, INDEX_ANALYZER);
    return (text) => analyzer(text).map((token) => token.token);
  } catch (error) {
    if (error instanceof UnsupportedAnalysisError) return () => [];
    throw error;
  }
}

/**
 * Each spelling of a listed name to the Arabic forms of its rule that hold a shorter one (تنظيم الدولة
 * الإسلامية beside تنظيم الدولة, دونالد ترامب beside ترامب). The index searches with the shorter alone
 * (`withoutContainedAlternatives`), so its highlights stopped partway: تنظيم "الدولة" الإسلامية.
 */
export function loadFullNameForms(dataRoot: string): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const rule of readNameRules(dataRoot)) {
    const longer = containedAlternatives(rule, normalizedWordsOf).filter((form) => ARABIC_SCRIPT.test(form));
    if (longer.length === 0) continue;
    for (const spelling of spellingsOf(rule)) {
      const key = nameSpellingKey(spelling);
      forms.set(key, [...new Set([...(forms.get(key) ?? []), ...longer])]);
    }
  }
  return forms;
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** Full names a search highlights at most: a long text of names would make the highlighting query as long. */
const MAX_FULL_NAME_FORMS = 12;

/** The longer Arabic forms of the listed names a text names (see loadFullNameForms), for highlighting. */
export function fullNameFormsIn(text: string, fullNameForms: ReadonlyMap<string, readonly string[]>): string[] {
  const words = nameSpellingKey(text).split(' ');
  const found = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    for (let length = Math.min(LONGEST_LISTED_SPELLING, words.length - start); length >= 1; length--) {
      for (const form of fullNameForms.get(words.slice(start, start + length).join(' ')) ?? []) found.add(form);
    }
  }
  return [...found].slice(0, MAX_FULL_NAME_FORMS);
}

/** A question word list of a data root (the question words, or the openers), normalized as the index normalizes. */
export function loadQuestionWords(dataRoot: string, list = QUESTION_WORDS): Set<string> {
  // The openers may be phrases (آخر أخبار); a question word is one word, and a phrase there would match nothing.
  return new Set((list === QUESTION_WORDS ? readWordList : readDataList)(dataRoot, list).map(normalizeArabicWord));
}

/** The rules of the synonym lists the index searches with (people, places, organizations, platforms, clubs …), one entity a rule. */
export function readNameRules(dataRoot: string): string[] {
  return readNameAnalysis(dataRoot).synonymLists.flatMap((list) => readDataList(dataRoot, list));
}

/**
 * Every word of the listed names (رمطان, لعمامرة, blinken; جان and ماري of جان ماري غيهينو), split as
 * the index's tokenizer splits and normalized as it normalizes, stopwords left out, with the clitic
 * forms a name takes (لمصر, والكويت).
 */
export function loadListedNameWords(dataRoot: string): Set<string> {
  const { cliticPrefixes } = readNameAnalysis(dataRoot);
  return new Set(nameWordsByRule(dataRoot).flatMap((words) => words.flatMap((word) => cliticFormsOf(word, cliticPrefixes))));
}

/** Each rule's words, split and normalized as the index does, stopwords left out: the words of one entity. */
function nameWordsByRule(dataRoot: string): string[][] {
  const ignored = new Set(readNameAnalysis(dataRoot).stopwords.map(normalizeArabicWord));
  return readNameRules(dataRoot).map((rule) =>
    spellingsOf(rule)
      .flatMap(normalizedWordsOf)
      .filter((word) => !ignored.has(word)),
  );
}

/**
 * The listed names' words as typed with a clitic (وترامب, لبوتين, والسعودية, للسعودية), each to the
 * word without it, where the index's analyzer already makes the two one term (the stemmer takes و
 * and the article's prefixes off any word, the protected names any clitic): taking it off changes
 * nothing a search matches but this, that the synonym lists, which match whole words, see the name
 * and add its other spellings (وترامب found Al Arabiya's ترمب no more than وبوتين found بوتن).
 * A clitic form that is a listed word itself, or another word to the index (كابل is not ك + آبل),
 * stays as typed.
 */
export function loadNameCliticForms(dataRoot: string, definition: IndexDefinition): Map<string, string> {
  let analyze: (text: string) => string;
  try {
    const analyzer = createInProcessAnalyzer(definition.settings.analysis as AnalysisSettings, INDEX_ANALYZER);
    analyze = (text) =>
      analyzer(text)
        .map((token) => token.token)
        .join(' ');
  } catch (error) {
    // An analysis this process cannot mirror: names are taken as typed, as before.
    if (error instanceof UnsupportedAnalysisError) return new Map();
    throw error;
  }
  const { cliticPrefixes } = readNameAnalysis(dataRoot);
  const words = readNameRules(dataRoot)
    .flatMap(spellingsOf)
    .flatMap((spelling) => spelling.split(/\s+/u));
  const listed = new Set(words.map(normalizeArabicWord));
  const forms = new Map<string, string>();
  for (const word of words) {
    const term = analyze(word);
    if (!term) continue; // a stopword
    for (const form of cliticFormsOf(word, cliticPrefixes).slice(1)) {
      const key = normalizeArabicWord(form);
      if (!listed.has(key) && !forms.has(key) && analyze(form) === term) forms.set(key, word);
    }
  }
  return forms;
}

/** Bare alefs inside a word given their hamza forms too, at most: each doubles or triples the lookups. */
const MAX_INNER_ALEFS = 2;

/**
 * The spellings the index's normalization makes one with `typed`: ة/ه and ى/ي at the end, أ/إ/آ/ا at
 * the start, and a bare alef inside as أ or آ (بكاس is بكأس, القران القرآن, as readers leave the
 * hamza out), each with Arabic's letters for a Persian or Maghrebi one (الڨايد is القايد). Looked up
 * one by one: the word list keeps surface forms (96,000), and a second copy of it keyed by normalized
 * form would stay in the API's memory for a few lookups a search.
 */
export function foldedSpellings(typed: string): string[] {
  const word = withArabicLetters(typed);
  const ends = /[هة]$/.test(word) ? ['ه', 'ة'] : /[يى]$/.test(word) ? ['ي', 'ى'] : [''];
  const stem = ends[0] ? word.slice(0, -1) : word;
  const article = stem.startsWith('ال') ? 'ال' : '';
  const alefs = 'اأإآ'.includes(stem[article.length] ?? '-') ? ['ا', 'أ', 'إ', 'آ'] : undefined;
  const starts = alefs ? alefs.map((alef) => `${article}${alef}`) : [article];
  const rest = stem.slice(article.length + (alefs ? 1 : 0));
  const insides = withInnerHamzas(rest.slice(0, -1)).map((inside) => inside + rest.slice(-1));
  return starts.flatMap((first) => insides.flatMap((inside) => ends.map((end) => `${first}${inside}${end}`)));
}

/** `letters` as written, and with each of its first bare alefs as أ and as آ. */
function withInnerHamzas(letters: string): string[] {
  let forms = [''];
  let alefs = 0;
  for (const letter of letters) {
    const choices = letter === 'ا' && alefs++ < MAX_INNER_ALEFS ? ['ا', 'أ', 'آ'] : [letter];
    forms = forms.flatMap((form) => choices.map((choice) => form + choice));
  }
  return forms;
}

/**
 * A person of the lists named in one word, typed with an article a person's name never takes
 * (الخامنئي, البوتين, الترامب), as the name. The index reads the article form as another word
 * (الخامنئي stems to خامنئ), which typo tolerance then took for الأمني. People only: a place or a
 * thing with the article is often a word (البنين, boys, is not Benin; القطر, a country's land, not
 * Qatar); and only where the corpus does not write the article form (الأمل is a word, أمل a name).
 * The respelling offered is the name too.
 */
export function withoutArticleOnNames(text: string, aids: QueryAids): string {
  const { personNames, listedNameSpellings, repairer } = aids;
  if (!personNames || !listedNameSpellings || !repairer) return text;
  return mapWords(text, (bare) => {
    const letters = withoutMarks(bare);
    const name = letters.slice('ال'.length);
    const needless =
      letters.startsWith('ال') &&
      personNames.has(nameSpellingKey(name)) &&
      !listedNameSpellings.has(nameSpellingKey(letters)) &&
      !isCorpusWord(letters, repairer);
    return needless ? name : undefined;
  });
}

/** Listed names typed with an article they never take or with a clitic, as the lists write them (always: the words the query and its exclusions are read with). */
export function namesAsListed(text: string, aids: QueryAids): string {
  const withoutArticles = withoutArticleOnNames(text, aids);
  const detached =
    aids.nameCliticForms && aids.listedNameSpellings ? detachNameClitics(withoutArticles, aids.nameCliticForms, aids.listedNameSpellings) : withoutArticles;
  return aids.listedNameSpellings ? withNamesEndingInYa(detached, aids.listedNameSpellings) : detached;
}

/**
 * A listed name's words ending in ى written with ي, as the index folds them (خالد على: خالد علي):
 * the stopword filter reads a word as typed, before that folding, and dropped على, "on", of the name.
 */
function withNamesEndingInYa(text: string, spellings: ListedSpellings): string {
  if (!text.includes('ى')) return text;
  return listedMultiwordNames(text, spellings).reduce((result, name) => result.replace(name, name.replace(/ى(?=\s|$)/gu, 'ي')), text);
}

/** The most words a listed spelling is looked for over, from a word with a clitic on. */
const MAX_NAME_WORDS = 6;

/** Each entity to the clitic forms of its spellings of one word: the forms of `forms` whose word is a whole spelling (وترمب; not ودونالد). */
export function cliticFormsByEntity(forms: ReadonlyMap<string, string>, spellings: ListedSpellings): Map<number, string[]> {
  const byEntity = new Map<number, string[]>();
  for (const [form, word] of forms) {
    const entity = spellings.get(nameSpellingKey(word));
    if (entity === undefined) continue;
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), form]);
  }
  return byEntity;
}

/**
 * Each word that is a listed name's word with a clitic (see loadNameCliticForms), as the name's word,
 * where it begins a whole listed spelling: وترامب, والولايات المتحدة; not للدولة الفاطمية, which
 * no list names, and whose clitic form an article may write word for word. Punctuation stays.
 */
export function detachNameClitics(text: string, forms: ReadonlyMap<string, string>, spellings: ListedSpellings): string {
  return mapWords(text, (bare, at, words) => {
    const name = forms.get(normalizeArabicWord(bare));
    if (!name) return undefined;
    const after = words.slice(at + 1, at + MAX_NAME_WORDS);
    // The name's word alone, or with the next one, two … of the words typed after it.
    const beginsSpelling = Array.from({ length: after.length + 1 }, (_, count) => [name, ...after.slice(0, count)].join(' ')).some((run) =>
      spellings.has(nameSpellingKey(run)),
    );
    return beginsSpelling ? name : undefined;
  });
}

/** A text's words as the index folds them (Latin marks too), lowercased, one space apart: the key of a name's spelling. */
export function nameSpellingKey(text: string): string {
  return withoutLatinMarks(normalizedWordsOf(text).join(' ')).toLowerCase();
}

/** Whole spellings of the listed names, keyed by `nameSpellingKey`, each with its first rule's line. */
export type ListedSpellings = ReadonlyMap<string, number>;

/**
 * Every spelling of the listed names, whole, keyed by `nameSpellingKey`, with its entity: the first
 * line of the rules that share a spelling with it, directly or through others (a Latin rule and the
 * line of its Arabic variants: zuckerberg, زوكربيرغ, زوكربرغ).
 */
export function loadListedNameSpellings(dataRoot: string): Map<string, number> {
  const rules = readNameRules(dataRoot).map((rule) => spellingsOf(rule).map(nameSpellingKey));
  const entityOf = rules.map((_, line) => line);
  const find = (line: number): number => (entityOf[line] === line ? line : (entityOf[line] = find(entityOf[line]!)));
  const firstLine = new Map<string, number>();
  rules.forEach((keys, line) => {
    for (const key of keys) {
      const other = firstLine.get(key);
      if (other === undefined) firstLine.set(key, line);
      else {
        const [a, b] = [find(other), find(line)];
        entityOf[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  return new Map([...firstLine].map(([key, line]) => [key, find(line)]));
}

/** The entities of every run of `text`'s words that is a whole listed spelling (الولايات المتحدة, ترمب). */
export function listedNamesWithin(text: string, spellings: ListedSpellings): Set<number> {
  const words = text.split(/\s+/u).filter(Boolean);
  const entities = new Set<number>();
  for (let start = 0; start < words.length; start++)
    for (let length = 1; length <= Math.min(LONGEST_LISTED_SPELLING, words.length - start); length++) {
      const entity = spellings.get(nameSpellingKey(words.slice(start, start + length).join(' ')));
      if (entity !== undefined) entities.add(entity);
    }
  return entities;
}

/**
 * The runs of `text`'s words that are a whole listed spelling of two words or more (محمد صلاح, بان كي
 * مون), as typed: one run where several overlap, the longest first.
 */
export function listedMultiwordNames(text: string, spellings: ReadonlyMap<string, unknown>): string[] {
  const words: string[] = [];
  forEachStandardToken(text, (word) => words.push(word));
  const names: string[] = [];
  for (let start = 0; start < words.length; start++)
    for (let length = Math.min(LONGEST_LISTED_SPELLING, words.length - start); length >= 2; length--) {
      const run = words.slice(start, start + length).join(' ');
      if (spellings.has(nameSpellingKey(run))) {
        names.push(run);
        start += length - 1;
        break;
      }
    }
  return names;
}

/** Those of `listedMultiwordNames` holding a stopword (مهرجان كان, بان كي مون). */
export function listedNamesWithStopwords(text: string, spellings: ListedSpellings, isStopword: (word: string) => boolean): string[] {
  return listedMultiwordNames(text, spellings).filter((name) => name.split(' ').some(isStopword));
}

/** A name of `onlyListedNames`: as typed, and its entity. */
export interface TypedName {
  text: string;
  entity: number;
}

/**
 * The names `text` is made of, when it is one spelling of a listed name or only names of one word each
 * (ترمب بوتين): the synonym lists make every spelling of them one, so nothing in the spelling typed
 * is worth rewarding. Undefined when it holds anything else.
 */
export function onlyListedNames(text: string, spellings: ListedSpellings): TypedName[] | undefined {
  const whole = spellings.get(nameSpellingKey(text));
  if (whole !== undefined) return [{ text: text.trim(), entity: whole }];
  const words = text.split(/\s+/u).filter(Boolean);
  const names = words.map((word) => ({ text: word, entity: spellings.get(nameSpellingKey(word)) }));
  if (names.length === 0 || names.some((name) => name.entity === undefined)) return undefined;
  // A name typed twice (or as two of its spellings) is one name: each would cost the query clauses of its own.
  return (names as TypedName[]).filter((name, at) => names.findIndex((other) => other.entity === name.entity) === at);
}

/** Every Latin word of four letters or more of the names in the synonym lists (blinken, antony, africom, gaza), lowercased, with the number of its line: its entity. */
export function loadLatinNameWords(dataRoot: string): Map<string, number> {
  const words = new Map<string, number>();
  readNameRules(dataRoot).forEach((rule, line) => {
    for (const word of rule.toLowerCase().split(/[^\p{Script=Latin}]+/u)) if (word.length >= MIN_NAME_WORD_LETTERS && !words.has(word)) words.set(word, line);
  });
  return words;
}

/**
 * Each Latin word of a listed name of two words or more that is no spelling alone (bashar, moqtada)
 * to the shortest spelling holding it (bashar assad, moqtada al-sadr); a word two names hold
 * (mohammed) is left out. Typed alone, such a word matches no name.
 */
export function loadLatinNamesOfWords(dataRoot: string): Map<string, string> {
  const rules = readNameRules(dataRoot).map(latinSpellingsOf);
  const alone = new Set(rules.flat());
  const names = new Map<string, { spelling: string; line: number } | null>();
  rules.forEach((spellings, line) => {
    for (const spelling of spellings) {
      for (const word of new Set(spelling.split(/[^\p{Script=Latin}]+/u))) {
        if (word.length < MIN_NAME_WORD_LETTERS || alone.has(word)) continue;
        const known = names.get(word);
        if (known === undefined) names.set(word, { spelling, line });
        else if (known && known.line !== line) names.set(word, null);
        else if (known && spelling.length < known.spelling.length) names.set(word, { spelling, line });
      }
    }
  });
  return new Map([...names].flatMap(([word, name]) => (name ? [[word, name.spelling] as const] : [])));
}

/**
 * Each Latin word of three letters or more of the listed people's names that is no spelling alone
 * (omar of omar al-bashir, walid of walid jumblatt) to the Arabic word in its place in a spelling of
 * as many words whose consonants agree (عمر, وليد): where spellings disagree, the word most of them write. People's names
 * keep their order in both scripts, as places' (red sea, البحر الأحمر) do not. Typed alone, such a
 * word is a given name, searched as the list writes it: the sounds alone had read omar as مر and walid
 * as والذي.
 */
export function loadArabicOfNameWords(dataRoot: string): Map<string, string> {
  const rules = readDataList(dataRoot, PEOPLE_LIST);
  const alone = new Set(readNameRules(dataRoot).flatMap(latinSpellingsOf));
  const votes = new Map<string, Map<string, number>>();
  for (const rule of rules) {
    const arabic = spellingsOf(rule).filter((spelling) => /^[\p{Script=Arabic} ]+$/u.test(spelling));
    for (const latin of latinSpellingsOf(rule)) {
      const latinWords = latin.split(' ');
      if (latinWords.length < 2) continue;
      for (const arabicWords of arabic.map((spelling) => spelling.split(' ')).filter((words) => words.length === latinWords.length)) {
        latinWords.forEach((word, at) => {
          // Its consonants must agree: two names of as many words need not be in the same order (abu mazen, محمود عباس).
          if (word.length < 3 || !/^[a-z]+$/u.test(word) || alone.has(word) || !consonantsAgree(word, arabicWords[at]!)) return;
          const counts = votes.get(word) ?? new Map<string, number>();
          counts.set(arabicWords[at]!, (counts.get(arabicWords[at]!) ?? 0) + 1);
          votes.set(word, counts);
        });
      }
    }
  }
  return new Map([...votes].map(([word, counts]) => [word, [...counts].sort((a, b) => b[1] - a[1])[0]![0]] as const));
}

/** A rule's Latin spellings (blinken, gebran bassil, deir ez-zor), lowercased. */
function latinSpellingsOf(rule: string): string[] {
  return spellingsOf(rule)
    .map((spelling) => spelling.toLowerCase())
    .filter((spelling) => /^[a-z][a-z .'-]*$/.test(spelling));
}

const MIN_NAME_WORD_LETTERS = 4;

/** Every Latin spelling of the listed names (blinken, gebran bassil, deir ez-zor), lowercased, with the number of its line: its entity. */
export function loadLatinSpellings(dataRoot: string): Map<string, number> {
  const spellings = new Map<string, number>();
  readNameRules(dataRoot).forEach((rule, line) => {
    for (const spelling of latinSpellingsOf(rule)) if (!spellings.has(spelling)) spellings.set(spelling, line);
  });
  return spellings;
}

const sortedLetters = (text: string) => [...text.replace(/[ -]/gu, '')].sort().join('');

/** Letters in a run of typed words (spaces aside) from which a whole name may be more than one edit off. */
const FAR_NAME_LETTERS = 8;
/** Edits from a name at most, from FAR_NAME_LETTERS on. */
const FAR_NAME_EDITS = 3;
type WholeName = { name: string; entity: number; words: string[]; spaced: string };
const wholeNames = new WeakMap<ReadonlyMap<string, number>, Map<string, WholeName[]>>();
const wholeNameKey = (words: string[]) => `${words.length} ${words[0]![0]}`;

/** The spellings of two words or more (a hyphen parting words as a space does) of as many words, the first beginning as `words`' does; grouped once a list. */
function wholeNamesLike(spellings: ReadonlyMap<string, number>, words: string[]): WholeName[] {
  let groups = wholeNames.get(spellings);
  if (!groups) {
    groups = new Map();
    for (const [name, entity] of spellings) {
      if (!name.includes(' ')) continue;
      const nameWords = name.split(/[ -]/u);
      const key = wholeNameKey(nameWords);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push({ name, entity, words: nameWords, spaced: nameWords.join(' ') });
    }
    wholeNames.set(spellings, groups);
  }
  return groups.get(wholeNameKey(words)) ?? [];
}

/** Words in the longest run read as one name. */
const LONGEST_RESPELLED_NAME = 4;

/**
 * Runs of two to four Latin words typed as a listed name of as many words misspelled, replaced by the
 * name: one edit off in all (Imran Kahn: imran khan; Gebran Basil: gebran bassil, though basil is an
 * English word), or up to three from eight letters with one word typed as the name writes it and the
 * others sounding as the name's (Nabih Bery: nabih berri; Justin Trudo: justin trudeau; Masrour
 * Barzani is no Masoud Barzani). Each word must begin with its word's letter; the name must be one
 * entity's, nearer than any other's; and a run is left alone when the lists already spell it, when
 * one of its words is alone another entity's spelling typed otherwise than the name (Iran Khan names
 * Iran), or when every word of it is an English word and the name is not its very letters swapped
 * (Untied Nations is united nations, North Korean no misspelled North Korea). Hyphens part words as
 * spaces do (Paris Saint Germaine).
 */
export function respellWholeLatinNames(text: string, spellings: ReadonlyMap<string, number>, isEnglish: (word: string) => boolean = () => false): string {
  const words = text.split(/\s+/u).filter(Boolean);
  const bare = words.map((word) => word.replace(EDGE_PUNCTUATION, '').toLowerCase());
  const latin = bare.map((word) => /^\p{Script=Latin}[\p{Script=Latin}'-]*$/u.test(word));
  const out: string[] = [];
  for (let start = 0; start < words.length;) {
    let replaced = false;
    for (let length = Math.min(LONGEST_RESPELLED_NAME, words.length - start); length >= 2 && !replaced; length--) {
      const run = bare.slice(start, start + length);
      const typed = run.join(' ');
      // Punctuation may stand before and after the run (a quote, a question mark), not inside it.
      const inside = words
        .slice(start, start + length)
        .map((word, i) => (i === 0 ? word.replace(/^\P{L}+/u, '') : i === length - 1 ? word.replace(/\P{L}+$/u, '') : word));
      const clean = inside.every((word, i) => word.toLowerCase() === run[i]);
      if (!clean || !latin.slice(start, start + length).every(Boolean) || spellings.has(typed)) continue;
      // Hyphens part words as spaces do: Paris Saint Germaine is paris saint-germain.
      const typedWords = typed.split(/[ -]/u);
      const typedSpaced = typedWords.join(' ');
      const letters = typedSpaced.length - (typedWords.length - 1);
      const max = letters < FAR_NAME_LETTERS ? 1 : FAR_NAME_EDITS;
      // English words typed are a name only with its very letters swapped (Untied Nations), never another form (North Korean).
      const englishLetters = run.every(isEnglish) ? sortedLetters(typed) : undefined;
      const near = wholeNamesLike(spellings, typedWords).flatMap(({ name, entity, words: nameWords, spaced }) => {
        if (nameWords.some((word, i) => word[0] !== typedWords[i]![0])) return [];
        const edits = editDistance(typedSpaced, spaced, max);
        // More than one edit only with a word as the name writes it, and each word typed otherwise sounding as the name's (Masrour Barzani is no Masoud).
        const farHeld =
          typedWords.some((word, i) => word === nameWords[i]) && typedWords.every((word, i) => word === nameWords[i] || soundsAlike(word, nameWords[i]!));
        if (edits > max || (edits > 1 && !farHeld)) return [];
        if (englishLetters !== undefined && englishLetters !== sortedLetters(name)) return [];
        // A word typed otherwise than the name writes it that is alone another entity's spelling is that entity, typed right.
        if (typedWords.some((word, i) => word !== nameWords[i] && (spellings.get(word) ?? entity) !== entity)) return [];
        return [{ name, entity, edits }];
      });
      const best = Math.min(...near.map((n) => n.edits));
      const nearest = near.filter((n) => n.edits === best);
      if (nearest.length === 0 || new Set(nearest.map((n) => n.entity)).size > 1) continue;
      out.push(`${/^\P{L}*/u.exec(words[start]!)![0]}${nearest[0]!.name}${/\P{L}*$/u.exec(words[start + length - 1]!)![0]}`);
      start += length;
      replaced = true;
    }
    if (!replaced) out.push(words[start++]!);
  }
  return out.join(' ');
}

/** Every Arabic word of the names in the synonym lists, normalized as the index does, stopwords left out, with the number of its line: its entity. */
export function loadArabicNameWords(dataRoot: string): Map<string, number> {
  const words = new Map<string, number>();
  nameWordsByRule(dataRoot).forEach((ruleWords, line) => {
    for (const word of ruleWords) if (ARABIC_ONLY.test(word) && !words.has(word)) words.set(word, line);
  });
  return words;
}

const ARABIC_ONLY = /^\p{Script=Arabic}+$/u;

/** Each word of `text` given to `replace` (without the punctuation at its ends, and with it); undefined keeps the word as typed. */
function mapWords(text: string, replace: (bare: string, at: number, words: string[]) => string | undefined): string {
  const words = text.split(/\s+/u).filter(Boolean);
  return words
    .map((word, at) => {
      const bare = word.replace(EDGE_PUNCTUATION, '');
      const replaced = bare ? replace(bare, at, words) : undefined;
      return replaced === undefined ? word : word.replace(bare, replaced); // quotes and ؟ stay where they were
    })
    .join(' ');
}

/** Whether the corpus word list holds a typed word in any spelling the index folds together. */
const isCorpusWord = (word: string, repairer: RunOnRepairer) => foldedSpellings(withoutMarks(word)).some((spelling) => repairer.isWord(spelling));

/** How often the corpus word list spells a word, in every spelling the index folds together. */
export function corpusFrequency(word: string, repairer: RunOnRepairer): number {
  // The word list holds words without marks: الحـــج and رَمَضَان are الحج and رمضان, no rare words to fuzz.
  return foldedSpellings(withoutMarks(word)).reduce((sum, spelling) => sum + repairer.frequency(spelling), 0);
}

/**
 * A glued name's key: its letters normalized as the index normalizes, lowercased, without spaces,
 * hyphens or apostrophes (basharalassad is bashar al-assad typed as one).
 */
export const gluedKey = (text: string) =>
  normalizeArabicWord(text)
    .toLowerCase()
    .replace(/[\s'’-]+/gu, '');

/** Listed names typed without their spaces, by their letters (see gluedKey). */
export interface GluedNames {
  /**
   * The listed names of two words or more, and every run of two or more of their words: جونكيري →
   * جون كيري, antonyblinken → antony blinken.
   */
  runs: ReadonlyMap<string, string>;
  /** The listed names of one word (كيم, بلينكن, algeria), which two names typed as one are made of. */
  words: ReadonlyMap<string, string>;
  /** Every word of a listed name of two words or more (abdelaziz of abdelaziz bouteflika): a name's own word, never two typed as one. */
  nameWords: ReadonlySet<string>;
}

/**
 * The listed names as a reader may type them without spaces. The run-on repairer cannot split
 * these: names are rare words of the corpus, and the word list has no Latin.
 */
export function loadGluedNames(dataRoot: string): GluedNames {
  const runs = new Map<string, string>();
  const words = new Map<string, string>();
  const nameWords = new Set<string>();
  for (const spelling of readNameRules(dataRoot).flatMap(spellingsOf)) {
    const spellingWords = spelling.split(/\s+/u);
    if (spellingWords.length === 1 && !words.has(gluedKey(spelling))) words.set(gluedKey(spelling), spelling);
    if (spellingWords.length > 1) for (const word of spellingWords) nameWords.add(gluedKey(word));
    for (let start = 0; start < spellingWords.length - 1; start++)
      for (let end = start + 2; end <= spellingWords.length; end++) {
        const run = spellingWords.slice(start, end).join(' ');
        if (!runs.has(gluedKey(run))) runs.set(gluedKey(run), run);
      }
  }
  return { runs, words, nameWords };
}

/** A name in a word of names typed as one has at least this many letters (كيم, kim, usa): no ending is a name. */
const MIN_GLUED_NAME_LETTERS = 3;
/** At most this many names typed as one word are split apart. */
const MAX_GLUED_NAMES = 3;
/** A longer word is no names typed as one: looking would cost the square of its length. */
const MAX_GLUED_NAMES_LETTERS = 48;

/**
 * A typed word that is no word of the corpus, spelled with its spaces when it is a listed name
 * without them (جونكيري → جون كيري) or two or three listed names typed as one (ترامبكيم → ترامب كيم,
 * ترامبوكيم → ترامب وكيم,
 * trumpputin → trump putin, بلينكنالجزائر → بلينكن الجزائر): the fewest names that make it up, each
 * of three letters or more. No English word is two names run together (of the dictionary's 87,129
 * one-word entries, whitehouse alone, which is one).
 */
export function splitGluedNames(text: string, gluedNames: GluedNames, isWord: (word: string) => boolean, frequencyOf: (word: string) => number): string {
  return mapWords(text, (bare) => {
    const key = gluedKey(bare);
    // One name as a list writes it (ابوظبي: أبوظبي beside أبو ظبي) is no names typed as one, nor is
    // a word the corpus writes (عبدالعزيز), unless it is a listed name whole without its spaces that
    // only a few articles slip into too (مانشستريونايتد, in 3 ANT articles: مانشستر يونايتد in 588).
    // A word of a listed name as a list writes it is that word too (abdelaziz of abdelaziz bouteflika, though
    // abdel aziz is a run of another): few Latin ones are corpus words.
    if (gluedNames.words.has(key) || gluedNames.nameWords.has(key)) return undefined;
    const run = gluedNames.runs.get(key);
    if (run && frequencyOf(bare) < GLUED_SLIP_FREQUENCY) return run;
    return isWord(bare) ? undefined : namesMakingUp(key, gluedNames)?.join(' ');
  });
}

/** A listed name written without its spaces fewer times than this is a slip, not a spelling of its own. */
const GLUED_SLIP_FREQUENCY = 10;

/** The fewest listed names (runs or one-word names) whose keys make up `key`, when two to MAX_GLUED_NAMES do. */
function namesMakingUp(key: string, { runs, words }: GluedNames): string[] | undefined {
  // A name after the first may carry the و that joins two names (ترامبوكيم: ترامب وكيم).
  const joined = (piece: string) => (piece.startsWith('و') && words.has(piece.slice(1)) ? `و${words.get(piece.slice(1))}` : undefined);
  return piecesMakingUp(key, {
    readingOf: (piece) => runs.get(piece) ?? words.get(piece) ?? joined(piece),
    minLetters: MIN_GLUED_NAME_LETTERS,
    maxPieces: MAX_GLUED_NAMES,
  });
}

/** How letters typed together may be read as pieces: each piece's reading (none: no piece), its fewest letters, the most pieces. */
interface PieceRules {
  readingOf(piece: string): string | undefined;
  minLetters: number;
  maxPieces: number;
  /** Of two splits into as many pieces, the one whose earlier pieces are longer (times up, not time sup); else the first found. */
  longerFirst?: boolean;
}

/** The readings of the fewest pieces (two or more) making up `letters`, or undefined. */
function piecesMakingUp(letters: string, rules: PieceRules): string[] | undefined {
  if (letters.length > MAX_GLUED_NAMES_LETTERS) return undefined;
  // best[end]: the split of letters.slice(0, end) into the fewest pieces, if any.
  const best: ({ readings: string[]; lengths: number[] } | undefined)[] = [{ readings: [], lengths: [] }];
  const better = (lengths: number[], other: number[]) => {
    if (lengths.length !== other.length) return lengths.length < other.length;
    const differing = lengths.findIndex((length, at) => length !== other[at]);
    return rules.longerFirst === true && differing >= 0 && lengths[differing]! > other[differing]!;
  };
  for (let end = rules.minLetters; end <= letters.length; end++)
    for (let start = 0; start <= end - rules.minLetters; start++) {
      const before = best[start];
      if (!before || before.readings.length >= rules.maxPieces) continue;
      const reading = rules.readingOf(letters.slice(start, end));
      const lengths = [...before.lengths, end - start];
      if (reading !== undefined && (!best[end] || better(lengths, best[end]!.lengths))) best[end] = { readings: [...before.readings, reading], lengths };
    }
  const readings = best[letters.length]?.readings;
  return readings && readings.length >= 2 ? readings : undefined;
}

/**
 * Whether a Latin word is a slip of a listed name's word: its first letter, one edit off. Such a word
 * is left to the names' respelling (Raqa: Raqqa), not read as Arabic typed in Latin letters (عراقية),
 * unless it reads as a listed name's own word (Putn: بوتن).
 */
export function nearListedNameWord(typed: string, nameWords: ReadonlyMap<string, number>): boolean {
  const word = typed.toLowerCase();
  for (const name of nameWords.keys()) if (name[0] === word[0] && editDistance(word, name, 1) <= 1) return true;
  return false;
}

/** Latin words shorter than this are never respelled: one letter off, a short word is another word. */
const MIN_RESPELLED_LETTERS = 5;

/** Edits (insert, delete, substitute, swap adjacent letters) between two words, or more than `max` as soon as it is sure. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = [...Array(a.length + 1)].map((_, i) => [...Array(b.length + 1)].map((__, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i]![j] = Math.min(rows[i]![j]!, rows[i - 2]![j - 2]! + 1);
    }
  return rows[a.length]![b.length]!;
}

/**
 * How far a typed word may be from a listed name's word to be taken for it: `maxEdits` for its
 * letters, the first letter as typed; or, `soundsAlike`, its `edits` from a word that sounds the same
 * (a Double Metaphone code in common), its first letter as typed or both vowels (Estanbol: istanbul),
 * and, two edits off, a whole name alone (of `names`: Leone, Zayed and Hassan only begin or end one).
 * A name under `shortestName` letters is reached only one edit off, sounding the same, whole
 * (Gazza: gaza; Milei is no Mali).
 */
export type NameReach = {
  maxEdits: (letters: number) => number;
  /** Names shorter are reached only sounding the same (see above). */
  shortestName?: number;
  /** Where given, a name's word is reached only if this accepts it (see respellLatinNames). */
  reachable?: (name: string, entity: number) => boolean;
  soundsAlike?: { edits: (letters: number) => number; names: ListedSpellings };
};

/** Searched as the name: one edit under eight letters, two from eight. */
export const SEARCHED_NAME_REACH: NameReach = { maxEdits: (letters) => (letters < 8 ? 1 : 2) };

const LATIN_VOWEL = /^[aeiou]$/;

/** Whether two Latin words sound the same (a Double Metaphone code in common), their first letters the same or both vowels. */
export function soundsAlike(a: string, b: string): boolean {
  const [codesA, codesB] = [doubleMetaphone(a), doubleMetaphone(b)];
  return (a[0] === b[0] || (LATIN_VOWEL.test(a[0]!) && LATIN_VOWEL.test(b[0]!))) && codesA.some((code) => codesB.includes(code));
}

/**
 * The name meant by `bare`, a word that is no name: the nearest of `nameWords` within `reach`, if
 * they are all one entity's, or, equally near two, the one another word of the query names
 * (`namedInQuery`). `skipped` letters (an article typed) must begin the name too.
 */
function nearestName(
  bare: string,
  nameWords: ReadonlyMap<string, number>,
  namedInQuery: ReadonlySet<number>,
  skipped = 0,
  reach = SEARCHED_NAME_REACH,
): string | undefined {
  const letters = bare.length - skipped;
  const max = reach.maxEdits(letters);
  const sound = reach.soundsAlike;
  const soundMax = sound?.edits(letters) ?? 0;
  const near = [...nameWords]
    .filter(([name]) => name.startsWith(bare.slice(0, skipped + (sound ? 0 : 1))))
    .map(([name, entity]) => ({ name, entity, edits: editDistance(bare, name, Math.max(max, soundMax)) }))
    .filter(({ name, edits }) => {
      const short = name.length - skipped < (reach.shortestName ?? 0);
      if (edits <= max && !short && name[skipped] === bare[skipped]) return true;
      const wholeName = sound?.names.has(name) ?? false;
      return edits <= soundMax && (short ? edits <= 1 && wholeName : edits <= 1 || wholeName) && soundsAlike(bare, name);
    })
    // Asked only of the few names near enough: it looks up phrases.
    .filter(({ name, entity }) => !reach.reachable || reach.reachable(name, entity));
  const best = Math.min(...near.map((n) => n.edits));
  const nearest = near.filter((n) => n.edits === best);
  const onlyOne = (candidates: typeof nearest) => (new Set(candidates.map((n) => n.entity)).size === 1 ? candidates[0] : undefined);
  return nearest.length > 0 ? (onlyOne(nearest) ?? onlyOne(nearest.filter((n) => namedInQuery.has(n.entity))))?.name : undefined;
}

/**
 * The Arabic words of `text` that may be a listed name misspelled, each with the name's word meant:
 * a word of four letters or more besides the article, no listed name's, that the corpus word list
 * does not hold in any spelling the index folds together, replaced by the nearest listed name's word
 * (see nearestName; an article typed must be the name's too): مكرون → ماكرون, ميركيل → ميركل,
 * الحوتي → الحوثي. The word list is the news corpus's, so a caller still asks the index whether any
 * article holds the word (المانغا, manga, is no typo of ألمانيا). Pure but for the repairer.
 */
export function arabicNameRespellings(
  text: string,
  aids: Pick<QueryAids, 'arabicNameWords' | 'listedNameWords' | 'repairer'> & Partial<Pick<QueryAids, 'questionWords'>>,
): Map<string, string> {
  const { arabicNameWords: nameWords, listedNameWords, repairer, questionWords } = aids;
  const respellings = new Map<string, string>();
  if (!nameWords || !repairer) return respellings;
  const words = text.split(/\s+/u).filter(Boolean);
  const bareOf = (word: string) => normalizeArabicWord(word.replace(EDGE_PUNCTUATION, ''));
  const namedInQuery = new Set(words.flatMap((word) => nameWords.get(bareOf(word)) ?? []));
  for (const word of words) {
    const typed = word.replace(EDGE_PUNCTUATION, '');
    const bare = bareOf(word);
    const article = bare.startsWith('ال') ? 'ال'.length : 0;
    // A listed name with a clitic (كسوريا, لعدن) is that name, not a misspelling of another (كوريا, لندن).
    const listed = nameWords.has(bare) || (listedNameWords?.has(bare) ?? false);
    // A question word is no misspelled name: ماكو ("there is not") is no slip of ماكاو.
    const asked = questionWords?.has(bare) ?? false;
    if (bare.length - article < 4 || !ARABIC_ONLY.test(bare) || listed || asked || isCorpusWord(typed, repairer)) continue;
    const name = nearestName(bare, nameWords, namedInQuery, article);
    if (name) respellings.set(typed, name);
  }
  return respellings;
}

/** Letters besides the article from which a word swapping two of a name's is read as a slip: إيرنا (IRNA) is no إيران. */
const MIN_TRANSPOSED_LETTERS = 6;
/** Letters besides the article from which a word one long vowel or one emphatic letter off a name is read as a slip: سورة is no سورية. */
const MIN_SLIP_LETTERS = 5;
/** How many times more often the corpus must write the name than the slip. */
const SLIP_NAME_RATIO = 20;
/** A word written more often than this is read as meant when only a long vowel or an emphatic letter parts it from a name (أوروبيا "European-wide", سريا "secretly"). */
const MAX_SLIP_FREQUENCY = 10;
/** The letters that write long vowels, which readers drop or add inside a foreign name (خشقجي, خاشوقجي). */
const LONG_VOWEL_LETTERS = ['ا', 'و', 'ي'];
/** Emphatic letters and their plain ones, which a foreign name never has and a reader may type (طرامب for ترامب). */
const EMPHATIC_OR_PLAIN = new Map([
  ['ط', 'ت'],
  ['ت', 'ط'],
  ['ض', 'د'],
  ['د', 'ض'],
  ['ظ', 'ز'],
  ['ز', 'ظ'],
]);

/** Letters besides the article from which a rare word writing a letter as a dialect speaks it is read as a slip (زريف: ظريف). */
const MIN_SPOKEN_SLIP_LETTERS = 4;
/** Letters Egypt and the Levant speak as others, each with the letters it is written for by ear (الحوتي for الحوثي). */
const SPOKEN_AS = new Map([
  ['ت', ['ث']],
  ['س', ['ث']],
  ['د', ['ذ']],
  ['ز', ['ذ', 'ظ']],
]);

/** For a rare word, the words with one of its letters written as classical Arabic writes it (الحوتي: الحوثي). */
function spokenSlipsOf(bare: string, article: number, frequency: number): string[] {
  if (bare.length - article < MIN_SPOKEN_SLIP_LETTERS || frequency > MAX_SLIP_FREQUENCY) return [];
  const slips: string[] = [];
  for (let at = article; at < bare.length; at++) for (const meant of SPOKEN_AS.get(bare[at]!) ?? []) slips.push(bare.slice(0, at) + meant + bare.slice(at + 1));
  return slips;
}

/** The words one slip from `bare`: two neighbours swapped, and for a rare word a long vowel dropped or added inside it or an emphatic letter for a plain one. */
function slipsOf(bare: string, article: number, frequency: number): string[] {
  const slips: string[] = [];
  if (bare.length - article >= MIN_TRANSPOSED_LETTERS)
    for (let at = article; at + 1 < bare.length; at++) slips.push(bare.slice(0, at) + bare[at + 1] + bare[at] + bare.slice(at + 2));
  if (bare.length - article < MIN_SLIP_LETTERS || frequency > MAX_SLIP_FREQUENCY) return slips;
  // Inside the word only: a last or first letter dropped or added is grammar (سوري, سوريا), no slip.
  for (let at = article + 1; at < bare.length; at++) for (const vowel of LONG_VOWEL_LETTERS) slips.push(bare.slice(0, at) + vowel + bare.slice(at));
  for (let at = article + 1; at + 1 < bare.length; at++) if (LONG_VOWEL_LETTERS.includes(bare[at]!)) slips.push(bare.slice(0, at) + bare.slice(at + 1));
  for (let at = article; at < bare.length; at++) {
    const other = EMPHATIC_OR_PLAIN.get(bare[at]!);
    if (other) slips.push(bare.slice(0, at) + other + bare.slice(at + 1));
  }
  return slips;
}

/**
 * The text with each Arabic word one slip from a listed one-word name (see slipsOf), which the corpus
 * writes at least 20 times as often, as that name: خاشجقي (5 ANT articles hold the slip) → خاشقجي
 * (2,111), أرودغان → اردوغان, خشقجي → خاشقجي, طرامب → ترامب, الحوتي → الحوثي. For an offer: the slip's own articles are
 * the reader's to keep. `undefined` when no word is such a slip.
 */
export function nameSlipOffer(
  text: string,
  aids: Pick<QueryAids, 'arabicNameWords' | 'listedNameWords' | 'listedNameSpellings' | 'repairer'>,
): string | undefined {
  const { arabicNameWords: nameWords, listedNameWords, listedNameSpellings, repairer } = aids;
  if (!nameWords || !listedNameSpellings || !repairer) return undefined;
  const respellings = new Map<string, string>();
  for (const word of text.split(/\s+/u)) {
    const typed = word.replace(EDGE_PUNCTUATION, '');
    const bare = normalizeArabicWord(typed);
    const article = bare.startsWith('ال') ? 'ال'.length : 0;
    if (bare.length - article < MIN_SPOKEN_SLIP_LETTERS || !ARABIC_ONLY.test(bare) || nameWords.has(bare) || listedNameWords?.has(bare)) continue;
    const written = Math.max(corpusFrequency(bare, repairer), 1);
    const spoken = spokenSlipsOf(bare, article, written);
    const slips = bare.length - article < MIN_SLIP_LETTERS ? spoken : [...slipsOf(bare, article, written), ...spoken];
    const name = slips.find(
      (slip) =>
        (slip.length - article >= MIN_SLIP_LETTERS || spoken.includes(slip)) &&
        nameWords.has(slip) &&
        listedNameSpellings.has(slip) &&
        corpusFrequency(slip, repairer) >= SLIP_NAME_RATIO * written,
    );
    if (name) respellings.set(typed, name);
  }
  return respellings.size > 0 ? respellWords(text, respellings) : undefined;
}

/** Letters a reader types for one another by ear (Egypt's سلاح for صلاح), each with those it stands for. */
const HEARD_ALIKE = new Map([
  ['س', ['ص', 'ث']],
  ['ص', ['س']],
  ['ث', ['س', 'ت']],
  ['ت', ['ط', 'ث']],
  ['ط', ['ت']],
  ['د', ['ض', 'ذ']],
  ['ض', ['د', 'ظ']],
  ['ز', ['ظ', 'ذ']],
  ['ذ', ['ز', 'د']],
  ['ظ', ['ز', 'ض']],
  ['ك', ['ق']],
  ['ق', ['ك']],
  // Egypt's ج is a hard g: جوجل, جالاكسي for غوغل, غالاكسي.
  ['ج', ['غ']],
  ['غ', ['ج']],
]);

/** The words a reader may have meant by `bare`: one letter heard alike swapped, or a long vowel left out inside it. */
function heardSpellingsOf(bare: string): string[] {
  const spellings: string[] = [];
  for (let at = 0; at < bare.length; at++) for (const other of HEARD_ALIKE.get(bare[at]!) ?? []) spellings.push(bare.slice(0, at) + other + bare.slice(at + 1));
  for (let at = 1; at < bare.length; at++) for (const vowel of LONG_VOWEL_LETTERS) spellings.push(bare.slice(0, at) + vowel + bare.slice(at));
  return spellings;
}

/**
 * The text with a run of words that is a listed name of two words or more but for one letter heard
 * alike or a long vowel left out (محمد سلاح: محمد صلاح; محمد بن سلمن: محمد بن سلمان) as that name.
 * Each word of the run may be a word of its own (سلاح, a weapon): the run is the name the reader
 * meant, which a caller checks no article writes as typed (`run`). `undefined` when no run is such a slip.
 */
export function nameRunSlipOffer(text: string, spellings: ListedSpellings): { run: string; text: string } | undefined {
  const words = text.split(/\s+/u).filter(Boolean);
  const bare = words.map((word) => normalizeArabicWord(word.replace(EDGE_PUNCTUATION, '')));
  for (let start = 0; start < words.length; start++)
    for (let length = Math.min(LONGEST_LISTED_SPELLING, words.length - start); length >= 2; length--) {
      const run = bare.slice(start, start + length);
      if (!run.every((word) => ARABIC_ONLY.test(word)) || spellings.has(nameSpellingKey(run.join(' ')))) continue;
      for (let at = 0; at < length; at++) {
        if (run[at]!.length < MIN_HEARD_SLIP_LETTERS) continue;
        const meant = heardSpellingsOf(run[at]!).find((spelling) =>
          spellings.has(nameSpellingKey(run.map((word, i) => (i === at ? spelling : word)).join(' '))),
        );
        if (meant)
          return { run: words.slice(start, start + length).join(' '), text: [...words.slice(0, start + at), meant, ...words.slice(start + at + 1)].join(' ') };
      }
    }
  return undefined;
}
/** Letters a word must have for a letter of it to be read as heard alike: بن is no slip of بنت. */
const MIN_HEARD_SLIP_LETTERS = 3;

/** How often the corpus must write a word for a spelling of it with a letter heard alike to be read as it. */
const MIN_HEARD_WORD_FREQUENCY = 10;

/**
 * Each Arabic word of the text the corpus word list lacks in every spelling the index folds, but
 * holds with one letter heard alike swapped (الدهبيه: الذهبيه, مزيعه: مذيعه, النسفيه: النصفيه), with
 * that word: the commonest such, written at least 10 times (النصفية, 16). For an offer the search takes in the
 * text's place (see onlyHeardAlike), once the index holds the typed word nowhere.
 */
export function heardAlikeRespellings(text: string, repairer: RunOnRepairer): Map<string, string> {
  const respellings = new Map<string, string>();
  for (const word of text.split(/\s+/u)) {
    const typed = word.replace(EDGE_PUNCTUATION, '');
    if (typed.length < MIN_HEARD_SLIP_LETTERS || !ARABIC_ONLY.test(typed) || corpusFrequency(typed, repairer) > 0) continue;
    let best: { word: string; frequency: number } | undefined;
    for (let at = 0; at < typed.length; at++)
      for (const other of HEARD_ALIKE.get(typed[at]!) ?? []) {
        const candidate = typed.slice(0, at) + other + typed.slice(at + 1);
        const frequency = corpusFrequency(candidate, repairer);
        if (frequency >= MIN_HEARD_WORD_FREQUENCY && (!best || frequency > best.frequency)) best = { word: candidate, frequency };
      }
    if (best) respellings.set(typed, best.word);
  }
  return respellings;
}

/** Whether `respelling` is `typed` with letters heard alike swapped in some words and nothing else (سفقة القرن: صفقة القرن). */
export function onlyHeardAlike(typed: string, respelling: string): boolean {
  const [was, now] = [normalizedWordsOf(typed), normalizedWordsOf(respelling)];
  if (was.length !== now.length) return false;
  const heardAs = (word: string, respelled: string) =>
    word.length === respelled.length &&
    [...word].filter((letter, at) => letter !== respelled[at]).length === 1 &&
    [...word].every((letter, at) => letter === respelled[at] || (HEARD_ALIKE.get(letter) ?? []).includes(respelled[at]!));
  return was.some((word, at) => word !== now[at]) && was.every((word, at) => word === now[at] || heardAs(word, now[at]!));
}

/** How often the corpus must write a word for a slip of it (its hamza left off, a letter typed twice) to be read as it. */
const MIN_RESPELLED_WORD_FREQUENCY = 20;

/**
 * Each Arabic word of the text the corpus word list lacks, but holds with a hamza on one of its و or
 * ي (موسسة: مؤسسة, الرياسة: الرئاسة, مبادي: مبادئ), with that word: the commonest such, written at
 * least 20 times. For an offer the search takes in the text's place (see onlyRestoresHamza), once the
 * index holds the typed word nowhere: the same word, where the suggester offered another one letter
 * off (الرياضة for الرياسة, موسمه for موسسة).
 */
export function hamzaRespellings(text: string, repairer: RunOnRepairer): Map<string, string> {
  return commonestRespellings(text, repairer, (typed) =>
    [...typed].flatMap((letter, at) => {
      const seat = at === 0 ? undefined : letter === 'و' ? 'ؤ' : letter === 'ي' ? 'ئ' : undefined;
      return seat ? [typed.slice(0, at) + seat + typed.slice(at + 1)] : [];
    }),
  );
}

/**
 * Each Arabic word of the text the corpus word list lacks, but holds with one of two letters typed
 * twice in a row written once (غزةة: غزة, الانتخاباتت: الانتخابات), with that word: the commonest such,
 * written at least 20 times. The suggester offers words of the typed length first: غزنة (Ghazni) for غزةة.
 */
export function doubledLetterRespellings(text: string, repairer: RunOnRepairer): Map<string, string> {
  return commonestRespellings(text, repairer, (typed) =>
    // Not the first two: a clitic before a word that begins with it is no slip (ووين, "and where"; للمرة).
    [...typed].flatMap((letter, at) => (at > 1 && letter === typed[at - 1] ? [typed.slice(0, at) + typed.slice(at + 1)] : [])),
  );
}

/** Each Arabic word of three letters or more the corpus lacks, with the commonest of `candidatesOf` it writes at least MIN_RESPELLED_WORD_FREQUENCY times. */
function commonestRespellings(text: string, repairer: RunOnRepairer, candidatesOf: (typed: string) => string[]): Map<string, string> {
  const respellings = new Map<string, string>();
  for (const word of text.split(/\s+/u)) {
    const typed = word.replace(EDGE_PUNCTUATION, '');
    if (typed.length < 3 || !ARABIC_ONLY.test(typed) || corpusFrequency(typed, repairer) > 0) continue;
    let best: { word: string; frequency: number } | undefined;
    for (const candidate of candidatesOf(typed)) {
      const frequency = corpusFrequency(candidate, repairer);
      if (frequency >= MIN_RESPELLED_WORD_FREQUENCY && (!best || frequency > best.frequency)) best = { word: candidate, frequency };
    }
    if (best) respellings.set(typed, best.word);
  }
  return respellings;
}

/** `text` with the typed words of `respellings` replaced; punctuation stays. */
export function respellWords(text: string, respellings: ReadonlyMap<string, string>): string {
  return respellings.size === 0 ? text : mapWords(text, (bare) => respellings.get(bare));
}

/**
 * A Latin word that is no name but one or two edits from the words of exactly one name (same first
 * letter; one edit under eight letters, two from eight) is replaced by the nearest: Blinkin → blinken,
 * which the synonym lists carry to بلينكن, and sameh shukry → sameh shoukry, a whole name again. Equally
 * near two names, it goes to the one another word of the query spells (samah shoukry: sameh, not salah).
 * `offer` widens that for an offer (see offeredNameReach), to the words it accepts alone; `isWord`
 * words (the dictionary's, a synonym rule's) are never respelled; with `wholeNames`, a searched name's word must be a whole name, of a
 * name the query names, or one with a word beside it (artificial intelligence).
 */
export function respellLatinNames(
  text: string,
  nameWords: ReadonlyMap<string, number>,
  options: {
    offer?: NameReach & { minLetters: number; accepts: (word: string) => boolean };
    isWord?: (word: string) => boolean;
    wholeNames?: { has(spelling: string): boolean };
  } = {},
): string {
  const { offer, isWord, wholeNames } = options;
  const words = text.split(/\s+/u).filter(Boolean);
  const namedInQuery = new Set(words.flatMap((word) => nameWords.get(word.replace(EDGE_PUNCTUATION, '').toLowerCase()) ?? []));
  const searchedReach = (neighbours: string[]): NameReach => ({
    ...SEARCHED_NAME_REACH,
    shortestName: MIN_RESPELLED_LETTERS,
    ...(wholeNames
      ? {
          reachable: (name, entity) =>
            wholeNames.has(name) ||
            namedInQuery.has(entity) ||
            neighbours.some((word) => wholeNames.has(`${word} ${name}`) || wholeNames.has(`${name} ${word}`)),
        }
      : {}),
  });
  // A name with -i is of the name (Baghdadi, of Baghdad; Sudani), no misspelling of another; Gaddafii is a slip.
  const respellable = (part: string) =>
    part.length >= (offer?.minLetters ?? MIN_RESPELLED_LETTERS) &&
    /^\p{Script=Latin}+$/u.test(part) &&
    !nameWords.has(part) &&
    !(/[^i]i$/u.test(part) && nameWords.has(part.slice(0, -1)));
  return mapWords(text, (typed, at, all) => {
    const bare = typed.toLowerCase();
    if ((offer && !offer.accepts(bare)) || isWord?.(bare)) return undefined;
    const neighbours = [all[at - 1], all[at + 1]].flatMap((word) => (word ? [word.replace(EDGE_PUNCTUATION, '').toLowerCase()] : []));
    const reach = offer ?? searchedReach(neighbours);
    // Offered, al-Asad is al-assad: each part of a hyphenated word is a word of its own.
    const parts = offer ? bare.split('-') : [bare];
    const respelled = parts.map((part) => (respellable(part) ? nearestName(part, nameWords, namedInQuery, 0, reach) : undefined) ?? part);
    return respelled.some((part, i) => part !== parts[i]) ? respelled.join('-') : undefined;
  });
}

/**
 * How far a Latin word neither the lists nor the dictionary know may be from a listed name to be
 * offered it (searched in its place only when near, see nearEnoughToSearch): a name that sounds the
 * same, one edit off from four letters (Mesi: messi; Sadir is no Sadiq, Franco no France), two from
 * five (Kashogi: khashoggi, Kerkuc: kirkuk; Marcos is no Macron); from seven letters, any one edit
 * off (Bagdadi: baghdadi). `names` are the lists' spellings, whole.
 */
export function offeredNameReach(names: ListedSpellings): NameReach & { minLetters: number } {
  return {
    minLetters: MIN_NAME_WORD_LETTERS,
    shortestName: MIN_RESPELLED_LETTERS,
    maxEdits: (letters) => (letters < 7 ? 0 : 1),
    soundsAlike: { edits: (letters) => (letters < 5 ? 1 : 2), names },
  };
}

/** A word of a tag in small letters has at least this many (no, us, war); at most this many make one up. */
const MIN_TAG_WORD_LETTERS = 2;
const MAX_TAG_WORDS = 4;

/** A hashtag or handle pasted from a post, with any punctuation around it: #كأس_العالم, #WorldCup2018, (@realDonaldTrump). */
const TAG = /^([^\p{L}\p{N}#@]*)([#@])([\p{L}\p{N}_]+)([^\p{L}\p{N}]*)$/u;

/**
 * The words of hashtags and handles: the sign off, underscores as spaces, words in capitals split
 * (WorldCup, BBCArabic), a year set apart (Russia2018), and a handle's "real" before a capital
 * taken off (the platform's mark of a person's own account: @realDonaldTrump is Donald Trump).
 * A tag that is one listed name (#YouTube, @WhatsApp) stays one word; one in small letters alone is
 * split into the fewest English words or listed names making it up (#worldcup), where `isEnglish`
 * is given. Searched only where the tag as typed finds nothing: an article quoting #DeleteFacebook
 * holds it as one word.
 */
export function splitTags(text: string, gluedNames: GluedNames | undefined, isEnglish?: (word: string) => boolean): string {
  const isOneName = (word: string) => gluedNames?.words.has(gluedKey(word)) ?? false;
  const isWordOfTag = (word: string) => isOneName(word) || (isEnglish?.(word) ?? false);
  // Each word read alone; the spaces between them stay as typed, so a text without tags comes back the same.
  return text.replace(/\S+/gu, (token) => {
    const tag = TAG.exec(token);
    if (!tag) return token;
    const [, before, sign, name, after] = tag as unknown as [string, string, string, string, string];
    const words = sign === '@' ? name.replace(/^real(?=\p{Lu})/u, '') : name;
    if (isOneName(words)) return `${before}${words}${after}`;
    if (/^[a-z]+$/u.test(words)) {
      const rules = {
        readingOf: (piece: string) => (isWordOfTag(piece) ? piece : undefined),
        minLetters: MIN_TAG_WORD_LETTERS,
        maxPieces: MAX_TAG_WORDS,
        longerFirst: true,
      };
      return `${before}${piecesMakingUp(words, rules)?.join(' ') ?? words}${after}`;
    }
    const split = words
      .replace(/(?<=\p{Ll}{2})(?=\p{Lu})/gu, ' ')
      .replace(/(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu, ' ')
      .replace(/(?<=\p{L}{2})(?=(?:19|20)\d\d$)/u, ' ')
      .replace(/_+/gu, ' ')
      .trim();
    return `${before}${split}${after}`;
  });
}

/** Letters from which a Latin word no dictionary or list holds may be words typed together (worldcup). */
const MIN_LATIN_RUN_ON_LETTERS = 7;
/** Letters of each word such a word is split into (a year's digits aside). */
const MIN_RUN_ON_PIECE_LETTERS = 3;

/**
 * The text with each Latin word that no dictionary or list knows read as a hashtag's words
 * (worldcup, royalwedding, WorldCup2018: see splitTags), as readers type a phrase they have seen
 * tagged; `undefined` where none is. Searched only where the words as typed find nothing.
 */
export function latinRunOnsAsTags(
  text: string,
  gluedNames: GluedNames | undefined,
  isEnglish: ((word: string) => boolean) | undefined,
  isListed: (word: string) => boolean,
): string | undefined {
  let split = false;
  const read = text.replace(/(?<![\p{L}\p{N}#@_'-])\p{Script=Latin}[\p{Script=Latin}\p{Nd}]*(?![\p{L}\p{N}_'-])/gu, (word) => {
    const letters = word.replace(/\P{L}/gu, '');
    if (letters.length < MIN_LATIN_RUN_ON_LETTERS || isEnglish?.(word.toLowerCase()) || isListed(word.toLowerCase())) return word;
    const words = splitTags(`#${word}`, gluedNames, isEnglish);
    // Each piece a word of three letters or more: incendies (French, "fires") is no inc en dies.
    const lettersOf = (piece: string) => piece.replace(/\P{L}/gu, '').length;
    if (words === word || words.split(' ').some((piece) => lettersOf(piece) > 0 && lettersOf(piece) < MIN_RUN_ON_PIECE_LETTERS)) return word;
    split = true;
    return words;
  });
  return split ? read : undefined;
}

/**
 * A query's run-ons may hold a preposition before a word with the article or a listed name
 * (الحربفياليمن, الهجومعلىباريس); scraped text's are split without. A word typed with ه for ة, ي for
 * ى or without its hamzas is the word the news writes (بالسعوديه is بالسعودية, not بال سعوديه).
 */
function querySplit(aids: Pick<QueryAids, 'listedNameSpellings'>, repairer: RunOnRepairer): SplitOptions {
  return {
    particles: true,
    // A whole listed name (باريس, سوريا), not a word of one: ماريا of ماريا زاخاروفا would cut معماريا.
    isName: (word) => aids.listedNameSpellings?.has(nameSpellingKey(word)) ?? false,
    isWord: (token) => foldedSpellings(token).some((spelling) => repairer.isWord(spelling)),
  };
}

/** Between Arabic letters and a number typed against them (العالم2018, ٢٠١٨العالم): one word the index holds as two. */
const GLUED_NUMBER = /(?<=[\u0621-\u064A]{2})(?=[0-9\u0660-\u0669\u06F0-\u06F9])|(?<=[0-9\u0660-\u0669\u06F0-\u06F9])(?=[\u0621-\u064A]{2})/gu;

/** The text with a number typed against Arabic letters apart from them (كأس العالم2018: كأس العالم 2018). */
export function withNumbersApart(text: string): string {
  return text.replace(GLUED_NUMBER, ' ');
}

/** Words typed together split, and an article typed apart joined, when the profile repairs run-ons: the listed names first, then the repairer's split. */
export function splitRunOns(text: string, settings: SearchProfile['query'], aids: QueryAids): string {
  if (!settings.runOnRepair) return text;
  const { repairer } = aids;
  let result = withNumbersApart(text);
  if (aids.gluedNames)
    result = splitGluedNames(
      result,
      aids.gluedNames,
      (word) => repairer?.isWord(word) ?? false,
      (word) => repairer?.frequency(word) ?? 0,
    );
  if (repairer) {
    const split = querySplit(aids, repairer);
    result = withQuestionWordsApart(result, aids.questionWords, (word) => split.isWord!(word) || split.isName!(word));
    const joined = joinStrayArticles(joinSplitWords(result, repairer, aids.listedNameSpellings), repairer);
    result = splitRunOnsWithoutHamzas(repairer.repairText(joined, split).text, repairer, split);
  }
  return result;
}

/** The shortest question word split off a run-on: two letters (من, ما) would cut too many words. */
const MIN_GLUED_QUESTION_WORD = 3;

/**
 * A dialect question word typed against the next word, apart (منهوترامب: منهو ترامب, شنوصار): the
 * repairer learnt its pieces from the news, which never writes منهو. Only where the whole is no word
 * and what follows is one.
 */
export function withQuestionWordsApart(text: string, questionWords: ReadonlySet<string>, isWord: (word: string) => boolean): string {
  return text.replace(/\p{Script=Arabic}+/gu, (token) => {
    const bare = normalizeArabicWord(token);
    // Marked letters (a shadda) would put the cut in the wrong place; a word, or one with a clitic (كأماكن, وينبغي), is no run-on.
    if (bare.length !== token.length || isWord(token) || isWord(token.replace(/^[وف]?[بكل]?/u, ''))) return token;
    for (let length = bare.length - MIN_GLUED_QUESTION_WORD; length >= MIN_GLUED_QUESTION_WORD; length--) {
      const rest = token.slice(length);
      if (questionWords.has(bare.slice(0, length)) && isWord(rest)) return `${token.slice(0, length)} ${rest}`;
    }
    return token;
  });
}

/**
 * The text with each word left whole by the repairer split as one of its spellings with hamzas
 * splits (الامينالعام: الأمين العام, اسعارالنفط: أسعار النفط): the repairer knows the pieces as the
 * news writes them, and readers leave the hamzas off. A word the corpus writes is no run-on.
 */
function splitRunOnsWithoutHamzas(text: string, repairer: RunOnRepairer, options: SplitOptions): string {
  return text.replace(/\p{Script=Arabic}+/gu, (token) =>
    repairer.isWord(token) || options.isWord?.(token)
      ? token
      : (foldedSpellings(token)
          // As typed, the repairer has tried it already.
          .filter((spelling) => spelling !== token)
          .map((spelling) => repairer.splitToken(spelling, options))
          .find((words) => words !== undefined)
          ?.join(' ') ??
        splitBeforeArticle(token, repairer) ??
        token),
  );
}

/** How often the news must write each of two words for a word no article writes to be them typed together before the second's article. */
const MIN_ARTICLE_SPLIT_FREQUENCY = 5;

/**
 * Two words typed together where the second's article begins (الخانالأحمر: الخان الأحمر,
 * بوتفليقةالعهدة): the repairer splits only into words the news writes 100 times, and an article
 * within a word no article writes says where the second begins. The split whose rarer word is
 * commonest; none where either word is rarer than MIN_ARTICLE_SPLIT_FREQUENCY.
 */
function splitBeforeArticle(token: string, repairer: RunOnRepairer): string | undefined {
  let best: { words: string; rarer: number } | undefined;
  for (let at = 3; at <= token.length - 4; at++) {
    if (!token.startsWith('ال', at)) continue;
    const rarer = Math.min(corpusFrequency(token.slice(0, at), repairer), corpusFrequency(token.slice(at), repairer));
    if (rarer >= MIN_ARTICLE_SPLIT_FREQUENCY && rarer > (best?.rarer ?? 0)) best = { words: `${token.slice(0, at)} ${token.slice(at)}`, rarer };
  }
  return best?.words;
}

/** How many times more often the news must write a word with the article than without it for `ال word` to be one word typed apart. */
const STRAY_ARTICLE_RATIO = 10;

/**
 * The text with an article typed apart from its word joined to it (ال سعودية: السعودية, ال عراق),
 * where the corpus writes the word with the article at least ten times as often as without: ال
 * typed for آل, a family, stays apart (ال ثاني, ال سعود, ال صباح, which the news writes bare).
 */
export function joinStrayArticles(text: string, repairer: RunOnRepairer): string {
  return text.replace(/(?<=^|\s)ال\s+(\p{Script=Arabic}+)/gu, (typed, word: string) =>
    corpusFrequency(`ال${word}`, repairer) >= STRAY_ARTICLE_RATIO * Math.max(corpusFrequency(word, repairer), 1) ? `ال${word}` : typed,
  );
}

/** How often the news must write a word for pieces of it typed apart to be joined into it. */
const MIN_JOINED_FREQUENCY = 20;
const NO_LISTED_SPELLINGS: ListedSpellings = new Map();
/** How many times more often the news must write the whole than its rarest piece (تر كيا: 6 and 4,607; not لا يزال). */
const JOINED_TO_PIECE_RATIO = 10;
/** The most pieces a word typed apart is joined from. */
const MAX_JOINED_PIECES = 3;

/**
 * The text with a word a stray space cut in two or three joined (الجي ش: الجيش, تر كيا: تركيا), where
 * the corpus writes the whole often, and ten times as often as its rarest piece (in any hamza). Two
 * words the news writes stay apart, whatever their joining would spell (لا يزال, عبد الله).
 */
export function joinSplitWords(text: string, repairer: RunOnRepairer, spellings: ListedSpellings = NO_LISTED_SPELLINGS): string {
  const tokens = text.split(/(\s+)/u);
  const isArabic = (token: string | undefined) => token !== undefined && /^\p{Script=Arabic}+$/u.test(token);
  const out: string[] = [];
  for (let at = 0; at < tokens.length; at++) {
    let joined: string | undefined;
    // Words sit at even positions, the spaces between them at odd ones.
    for (let pieces = MAX_JOINED_PIECES; pieces >= 2 && !joined; pieces--) {
      const words = Array.from({ length: pieces }, (_, i) => tokens[at + 2 * i]);
      // An article typed apart is joinStrayArticles' to join, or to leave as a family's آل (ال ثاني).
      if (!words.every(isArabic) || words.includes('ال')) continue;
      const whole = words.join('');
      const wholeFrequency = corpusFrequency(whole, repairer);
      const rarestPiece = Math.min(...words.map((word) => corpusFrequency(word!, repairer)));
      // A name the lists write apart stays so, a clitic on it too (لفيس بوك: فيسبوك is its other spelling, not its repair).
      const apart = words.join(' ');
      const listedApart = [apart, apart.replace(/^[وفبلك]/u, '')].some((form) => spellings.has(nameSpellingKey(form)));
      if (!listedApart && wholeFrequency >= MIN_JOINED_FREQUENCY && rarestPiece * JOINED_TO_PIECE_RATIO <= wholeFrequency) {
        joined = whole;
        at += 2 * (pieces - 1);
      }
    }
    out.push(joined ?? tokens[at]!);
  }
  return out.join('');
}

/** Whether the first word of `text` is a question word (من, ما, كيف …) or opener (شو), whatever its hamza or punctuation. */
export function startsWithQuestionWord(text: string, questionWords: ReadonlySet<string>, openers: ReadonlySet<string> = NO_OPENERS): boolean {
  const first = normalizeArabicWord(text.trim().split(/\s+/u)[0]?.replace(EDGE_PUNCTUATION, '') ?? '');
  // An Arabic question: an English one (the Iran deal, in Syria) is no title an Arabic article asks.
  return ARABIC_LETTER.test(first) && (questionWords.has(first) || openers.has(first));
}

const NO_OPENERS: ReadonlySet<string> = new Set();
const NO_PHRASES: ReadonlyMap<string, string> = new Map();

/** A text with an Arabic letter in it: a reader writing Arabic, whose Latin words are foreign terms. */
export const ARABIC_LETTER = /\p{Script=Arabic}/u;
/** Any Latin-script letter: the respelling of Latin names reads only words of them. */
export const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * The positions of `words` inside a listed spelling of two words or more (Horn of Africa, Bosnia and
 * Herzegovina, secretary of state): their function words are the name's or the phrase's.
 */
function insideListedSpellings(words: string[], ...lists: ReadonlyMap<string, unknown>[]): Set<number> {
  const inside = new Set<number>();
  for (let start = 0; start < words.length; start++) {
    for (let length = Math.min(LONGEST_LISTED_SPELLING, words.length - start); length >= 2; length--) {
      const key = nameSpellingKey(words.slice(start, start + length).join(' '));
      if (!lists.some((spellings) => spellings.has(key))) continue;
      for (let at = start; at < start + length; at++) inside.add(at);
      break;
    }
  }
  return inside;
}

/**
 * The abbreviations of the synonym lists (two to four letters) by their capitals (UN → u.n, WHO → who, NATO → nato): typed
 * in capitals, a word is the abbreviation, never the function word it spells (who, us).
 */
export function loadLatinAbbreviations(dataRoot: string): Map<string, string> {
  const abbreviations = new Map<string, string>();
  const { synonymLists, wordLists } = readNameAnalysis(dataRoot);
  for (const list of [...synonymLists, ...wordLists]) {
    for (const spelling of readDataList(dataRoot, list).flatMap(spellingsOf)) {
      const letters = spelling.toLowerCase().replace(/\./g, '');
      if (/^[a-z]{2,4}$/.test(letters) && /^[a-z.]+$/i.test(spelling)) abbreviations.set(letters.toUpperCase(), spelling.toLowerCase());
    }
  }
  return abbreviations;
}

/** English adjectives of countries to the Arabic adjective, where the index keeps it apart from the country's name. */
const ADJECTIVES_LIST = 'relevance/adjectives.txt';

/**
 * Each Latin spelling of the synonym and word lists, in lower case, to the first Arabic spelling of
 * its rule: what a Latin query's words stand for in the articles (see arabicWordOrder); an adjective
 * of `relevance/adjectives.txt` to its Arabic adjective.
 */
export function loadArabicOfLatin(dataRoot: string): Map<string, string> {
  const arabicOf = new Map<string, string>();
  const { synonymLists, wordLists } = readNameAnalysis(dataRoot);
  for (const list of [ADJECTIVES_LIST, ...synonymLists, ...wordLists]) {
    for (const spellings of readDataList(dataRoot, list).map(spellingsOf)) {
      const arabic = spellings.find((spelling) => /\p{Script=Arabic}/u.test(spelling));
      if (!arabic) continue;
      for (const spelling of spellings) {
        const latin = spelling.toLowerCase();
        // A letter anywhere: 5g and g20 are spellings, 2018 is not.
        if (/^[a-z0-9][a-z0-9 .'-]*$/.test(latin) && /[a-z]/.test(latin) && !arabicOf.has(latin)) arabicOf.set(latin, arabic);
      }
    }
  }
  return arabicOf;
}

/**
 * A Latin query made of two or more spellings of the lists or phrases of the dictionary, as Arabic
 * orders them: the Arabic of each, the last first. English puts the modifier before its noun (Saudi
 * foreign minister, Khashoggi murder, cholera outbreak), Arabic after it (وزير الخارجية السعودي, مقتل
 * خاشقجي, تفشي الكوليرا), and stemmed, السعودية and السعودي are one word. `undefined` for a text with
 * Arabic in it, or a word neither spells.
 */
export function arabicWordOrder(
  text: string,
  arabicOf: ReadonlyMap<string, string>,
  english?: EnglishWords,
  newsFrequency?: NewsFrequency,
): string | undefined {
  return ARABIC_LETTER.test(text) ? undefined : inArabicOrder(readLatinStretches(text, arabicOf, english, newsFrequency));
}

/**
 * The text with its misspelled Latin names as the listed names meant (`latinNameSpelling`): runs of
 * words as a whole name first (respellWholeLatinNames), then single words (respellLatinNames).
 */
/**
 * Each Latin word that is al or el typed onto the rest of a listed spelling (alsadr: al-sadr), as the
 * list writes it: read by sound, alsadr had been الصادر ("issued"), and Muqtada alsadr found 1,506
 * articles where Moqtada Sadr finds 122. A word listed whole (algeria) is left as typed.
 */
export function withListedArticleApart(text: string, arabicOfLatin: ReadonlyMap<string, string>): string {
  return text.replace(/(?<![\p{L}\p{N}'-])(al|el)(\p{Script=Latin}{4,})(?![\p{L}\p{N}'-])/giu, (word: string, article: string, rest: string) => {
    const listed = `${article}-${rest}`.toLowerCase();
    return arabicOfLatin.has(word.toLowerCase()) || !arabicOfLatin.has(listed) ? word : listed;
  });
}

export function respellLatinNamesOf(text: string, settings: SearchProfile['query'], aids: QueryAids): string {
  if (!settings.latinNameSpelling || !aids.latinNameWords) return text;
  // No Latin letter, no Latin name to respell: the words as both steps below would join them.
  if (!LATIN_LETTER.test(text)) return text.split(/\s+/u).filter(Boolean).join(' ');
  // A word of the dictionary is no misspelled name: sales is not Saleh.
  const english = settings.englishWords ? aids.englishWords?.() : undefined;
  // A listed name with -s is the name (Trumps tariffs), whatever the dictionary says of trumps.
  const nameWithS = (word: string) => aids.latinNameWords!.has(word.replace(/e?s$/u, ''));
  const articleApart = aids.arabicOfLatin ? withListedArticleApart(text, aids.arabicOfLatin) : text;
  const wholeNamesRespelled = aids.latinSpellings
    ? respellWholeLatinNames(articleApart, aids.latinSpellings, english && ((word) => isEnglishWord(english, word)))
    : articleApart;
  // A word a synonym rule reads is no misspelled name either: grève is a strike, not Grèce.
  const ruleWord = (word: string) => aids.synonymLatinWords?.has(withoutLatinMarks(word)) ?? false;
  // Searched as a name only a whole one (Erdogn: erdogan), or a word of one the query names (samah shoukry): Nabil is no Nabih.
  return respellLatinNames(wholeNamesRespelled, aids.latinNameWords, {
    isWord: (word) => ruleWord(word) || Boolean(english && isEnglishWord(english, word) && !nameWithS(word)),
    wholeNames: aids.arabicOfLatin,
  });
}

/**
 * The text a profile's query switches make of what was typed: words run together split (`runOnRepair`:
 * the listed names first, then the repairer's split by word frequency),
 * misspelled Latin names followed by the name meant (`latinNameSpelling`), a listed name's clitic taken off
 * (always: it changes no match but the synonyms'), then question words and particles taken out (`questionWords`) unless nothing else is left.
 * Pure but for the repairer, which is itself a pure function of its word list.
 */
export function understandQuery(text: string, settings: SearchProfile['query'], aids: QueryAids): string {
  return understandReadQuery(readWordsAndNames(text, settings, aids), settings, aids);
}

/**
 * The words and names of a typed text as the search reads them: words run together split, misspelled
 * Latin names as the names meant (the first steps of understandQuery; the respelling offered is asked of this too).
 */
export function readWordsAndNames(text: string, settings: SearchProfile['query'], aids: QueryAids): string {
  return respellLatinNamesOf(splitRunOns(text, settings, aids), settings, aids);
}

/**
 * The Latin words `readWordsAndNames` read as a listed name they misspell (Sinwer: sinwar), each with
 * the name's Arabic: searched as the name, so the reader is told, as of a word the dictionary read.
 * `split` is the text before the names were respelled, `read` after; nothing where a whole name took
 * another number of words. Pure.
 */
export function latinNamesRespelled(split: string, read: string, aids: Pick<QueryAids, 'latinNameWords' | 'arabicOfLatin'>): EnglishInArabic[] {
  const [typed, names] = [split.split(/\s+/u).filter(Boolean), read.split(/\s+/u).filter(Boolean)];
  if (typed.length !== names.length || !aids.latinNameWords) return [];
  return typed.flatMap((word, at) => {
    const name = names[at]!;
    if (!LATIN_LETTER.test(word) || word.toLowerCase() === name || !aids.latinNameWords!.has(name)) return [];
    const arabic = aids.arabicOfLatin?.get(name);
    return arabic ? [{ english: word, arabic, respelled: name }] : [];
  });
}

const bareOf = (word: string) => normalizeArabicWord(word.replace(EDGE_PUNCTUATION, ''));

/**
 * The positions of the longest opener the words begin with, after any question words and
 * punctuation (what is the latest on): a word (شو) or a phrase (آخر أخبار, Latest news).
 */
function openerOf(words: string[], aids: Pick<QueryAids, 'questionWords' | 'questionOpeners'>): number[] {
  const lettered = words.flatMap((word, at) => (bareOf(word) ? [at] : []));
  let start = 0;
  while (start < lettered.length && aids.questionWords.has(bareOf(words[lettered[start]!]!))) start++;
  for (let length = Math.min(MAX_OPENER_WORDS, lettered.length - start); length > 0; length--) {
    const run = lettered.slice(start, start + length);
    const phrase = run
      .map((at) => bareOf(words[at]!))
      .join(' ')
      .toLowerCase();
    const next = lettered[start + length];
    if (aids.questionOpeners?.has(phrase) && !(phrase === NEWS && next !== undefined && NEWS_ABOUT_NEWS.has(bareOf(words[next]!)))) return run;
  }
  return [];
}

/** أخبار first asks for a subject's news (اخبار البشير), unless the news itself is the subject (أخبار كاذبة). */
const NEWS = 'اخبار';
const NEWS_ABOUT_NEWS: ReadonlySet<string> = new Set(['كاذبه', 'الكاذبه', 'مزيفه', 'المزيفه', 'زايفه', 'الزايفه', 'مضلله', 'المضلله', 'ملفقه', 'الملفقه']);

/**
 * An Arabic text without the question words and opener it begins with (ايش اخر اخبار خاشقجي:
 * خاشقجي), where words are left: what a title may begin with. Other text as it is.
 */
export function withoutQuestionOpening(text: string, aids: Pick<QueryAids, 'questionWords' | 'questionOpeners'>): string {
  if (!ARABIC_LETTER.test(text)) return text;
  const words = text.trim().split(/\s+/u);
  const opener = openerOf(words, aids);
  let start = opener.length > 0 ? opener.at(-1)! + 1 : 0;
  while (start < words.length && (!bareOf(words[start]!) || aids.questionWords.has(bareOf(words[start]!)))) start++;
  return start > 0 && start < words.length ? words.slice(start).join(' ') : text;
}

/** understandQuery's remaining steps, on a text readWordsAndNames has read. */
export function understandReadQuery(read: string, settings: SearchProfile['query'], aids: QueryAids): string {
  let result = namesAsListed(read, aids);
  if (settings.questionWords) {
    const words = result.split(/\s+/u).filter(Boolean);
    const opener = openerOf(words, aids);
    const isQuestionWord = (word: string, at: number) => aids.questionWords.has(bareOf(word)) || opener.includes(at);
    const abbreviationOf = (word: string) => aids.latinAbbreviations?.get(word.replace(EDGE_PUNCTUATION, ''));
    // KIM JONG UN: a word of a listed name is no abbreviation, nor a question word; nor is the of of a listed phrase (secretary of state).
    const inListedSpelling =
      words.some((word, at) => isQuestionWord(word, at) || abbreviationOf(word)) && aids.listedNameSpellings
        ? insideListedSpellings(words, aids.listedNameSpellings, aids.arabicOfLatin ?? NO_PHRASES)
        : new Set();
    const kept = words.flatMap((word, at) => {
      const bare = word.replace(EDGE_PUNCTUATION, '');
      const abbreviation = abbreviationOf(word);
      if (bare === '') return [];
      if (abbreviation && !inListedSpelling.has(at)) return [word.replace(bare, abbreviation)];
      return inListedSpelling.has(at) || !isQuestionWord(word, at) ? [word] : [];
    });
    if (kept.length > 0) result = kept.join(' ');
  }
  return result;
}
