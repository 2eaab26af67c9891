import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeArabicWord, spellingsOf } from '../../src/analysis/arabic-rules.js';
import { readNameAnalysis } from '../../src/index/index-definition.js';
import { readDataList, readWordFrequencies } from '../../src/data/data-files.js';
import { PROJECT_ROOT } from '../../src/project-root.js';

// Rebuilds analyzers/word-forms.tsv: the word forms the light stemmer misreads, each with the noun
// the index reads it as, from the corpus word frequencies run-on repair uses
// (analyzers/run-on/words.tsv), normalized as the index normalizes:
// - the preposition ب ("with, in") or ل ("for, to") joined to an indefinite noun (بدعم, لكأس), which
//   the stemmer takes off only with the article (بالكأس);
// - an indefinite noun or adjective with the alif of its accusative ending (شخصا, عاما, رسميا);
// - each of those with the conjunction و before it (ولكأس), where nothing says و is the word's own;
// - a word whose first letter و is its own (وزير, ولاية, وادي), which the stemmer takes off as if it
//   were the conjunction: وزير became زير while الوزير stays وزير, and وادي met أدى.
// A form of a noun is listed when everything says it is the noun's: it takes the article
// (almost) never itself (الفكرة shows فكرة is a word, الدنيا that دنيا's alif is its own); the noun
// takes the article (الكأس, الشخص), or does once a possessive ending is off (بحقوقهم: الحقوق), or is
// a word of a listed name (لمانشستر), or takes both prepositions itself (بمقتل, لمقتل), and is
// seen at least a quarter as often as the form (لبنان is no ل + بنان); no stopword is involved
// (بعده is بعد + ه, وهما و + هما). A clitic form also takes no ب, ل or ك itself (لبوتين: بوتين is a
// word, not ب + وتين). ف and ك are left out: ف joins verbs more than nouns and ك begins too many
// words (فكرة, كسبت). A word's own و is told by the article it takes (الوزير, الولاية).
// analyzers/word-forms-kept-whole.txt vetoes forms a reader found wrong (باسم, Bassem).
// Usage: npm run build:word-forms
const MIN_SHARE_OF_FORM = 0.25;
/** A form the article goes with this rarely is a typing slip there (القرارا), not a word of its own. */
const MAX_SHARE_WITH_ARTICLE = 0.02;
/** A word beginning with و whose form with the article is seen this often, against itself, owns its و. */
const MIN_SHARE_WITH_ARTICLE_OF_OWN_WAW = 0.04;
/** رد, حل, طن: a tanween form (ردا) is read as a noun of two letters too; a clitic's needs three (بأن is no ب + ان). */
const MIN_NOUN_LETTERS = 2;
const CLITICS = ['ب', 'ل'];
/** How often each of بX and لX is seen before X counts as a noun by its prepositions alone. */
const MIN_PREPOSITION_FORMS = 3;
const POSSESSIVE_ENDINGS = ['هما', 'هم', 'ها', 'كم', 'نا', 'ه', 'ي', 'ك'];

const counts = new Map<string, number>();
for (const [word, n] of readWordFrequencies(PROJECT_ROOT, 'analyzers/run-on/words.tsv')) {
  const normalized = normalizeArabicWord(word);
  counts.set(normalized, (counts.get(normalized) ?? 0) + n);
}
const seen = (word: string) => counts.get(word) ?? 0;
const stopwords = new Set(readDataList(PROJECT_ROOT, 'analyzers/arabic-stopwords.txt').map(normalizeArabicWord));
const keptWhole = new Set(readDataList(PROJECT_ROOT, 'analyzers/word-forms-kept-whole.txt').map(normalizeArabicWord));

const withArticle = (word: string) => seen(`ال${word}`);
const withoutEnding = (word: string) =>
  POSSESSIVE_ENDINGS.filter((ending) => word.endsWith(ending) && word.length - ending.length >= 3).map((ending) => word.slice(0, -ending.length));
// A noun before a possessive ending writes its ة as ت: سياستها is سياسة + ها.
const asNoun = (base: string) => base.replace(/ت$/, 'ه');
const takesArticle = (word: string) => withArticle(word) > 0 || withoutEnding(word).some((base) => withArticle(asNoun(base)) > 0);
const rarelyWithArticle = (form: string) => withArticle(form) <= seen(form) * MAX_SHARE_WITH_ARTICLE;
// The form with a clitic or a possessive ending taken off is a stopword: بعده (بعد + ه), وهما (و + هما).
const holdsStopword = (word: string) => [word, ...withoutEnding(word), ...(/^[وبل]/.test(word) ? [word.slice(1)] : [])].some((part) => stopwords.has(part));

/** Forms of a noun the stemmer keeps whole, with the noun each is read as; `alsoNoun`: what else shows a word is a noun. */
function formsOfNouns(nounOf: (form: string) => string | undefined, alsoNoun: (word: string) => boolean = () => false): [string, string][] {
  return [...counts].flatMap(([form, n]): [string, string][] => {
    const noun = nounOf(form);
    const listed =
      noun !== undefined &&
      noun.length >= MIN_NOUN_LETTERS &&
      !keptWhole.has(form) &&
      rarelyWithArticle(form) &&
      !holdsStopword(form) &&
      !stopwords.has(noun) &&
      (takesArticle(noun) || alsoNoun(noun)) &&
      seen(noun) >= n * MIN_SHARE_OF_FORM;
    if (!listed) return [];
    // ولكأس is و + لكأس; ولاية is no و + لاية: the article goes with it.
    const withConjunction = `و${form}`;
    const conjunctionToo = seen(withConjunction) > 0 && rarelyWithArticle(withConjunction) && !keptWhole.has(withConjunction);
    return conjunctionToo
      ? [
          [form, noun],
          [withConjunction, noun],
        ]
      : [[form, noun]];
  });
}

// The words of the listed names that take no article, of four letters or more: لمانشستر, بغوغل,
// لكوريا are ل or ب + a name (بان, of Ban Ki-moon, is too short to tell from بأن).
const nameWords = new Set(
  readNameAnalysis(PROJECT_ROOT)
    .synonymLists.flatMap((list) => readDataList(PROJECT_ROOT, list))
    .flatMap((rule) => spellingsOf(rule).flatMap((spelling) => spelling.split(/\s+/)))
    .map(normalizeArabicWord)
    .filter((word) => /^[\u0621-\u064A]{4,}$/.test(word) && rarelyWithArticle(word)),
);

// A word that takes neither article but both prepositions, each in a form that never takes the article
// either and is seen less often than the word itself, is a noun too: مقتل, a verbal noun (بمقتل,
// لمقتل; المقتل is not written). Not أن with a pronoun (بأنهم, لأنهم), nor a name a preposition begins
// (بوست of واشنطن بوست is seen more often than وست; بكين, Beijing, has no لكين).
const takesBothPrepositions = (noun: string) =>
  !/^ان(?:ه|ها|هم|هما|هن|ك|كم|ني|نا)?$/.test(noun) &&
  CLITICS.every((clitic) => seen(clitic + noun) >= MIN_PREPOSITION_FORMS && seen(clitic + noun) <= seen(noun) && rarelyWithArticle(clitic + noun));

const cliticForms = formsOfNouns(
  (form) => {
    const [clitic, noun] = [form[0]!, form.slice(1)];
    if (!CLITICS.includes(clitic) || noun.length < 3 || noun.startsWith('ال') || form.startsWith('لل')) return undefined;
    // للX is ل + الX: a clitic ل is told only before a word not starting with ل.
    const takesClitic = ['ب', 'ل', 'ك'].some((other) => !(other === 'ل' && form.startsWith('ل')) && seen(other + form) > 0);
    return takesClitic ? undefined : noun;
  },
  (noun) => nameWords.has(noun) || takesBothPrepositions(noun),
);
const tanweenForms = formsOfNouns((form) => {
  const noun = form.slice(0, -1);
  // The article never goes with tanween; وا ends verbs (قالوا), ها and هما possessives (احدهما, not متهما).
  const dualPossessive = noun.endsWith('هم') && noun.length >= 5 && takesArticle(asNoun(noun.slice(0, -2)));
  return form.endsWith('ا') && !form.startsWith('ال') && !/[اوه]$/.test(noun) && !dualPossessive ? noun : undefined;
});
// The stemmer takes و off words of four letters or more; the article before one shows the و is the word's.
// The article's share decides: الوزير is 13 % of وزير, الوحول (mud) 3 % of وحول (and around); a
// possessive form (وزارتها) needs its noun with the article (الوزارة) a quarter as often as itself.
const ownWawWords: [string, string][] = [...counts]
  .filter(
    ([word, n]) =>
      word.startsWith('و') &&
      word.length >= 4 &&
      !keptWhole.has(word) &&
      !holdsStopword(word) &&
      (withArticle(word) >= n * MIN_SHARE_WITH_ARTICLE_OF_OWN_WAW || withoutEnding(word).some((base) => withArticle(asNoun(base)) >= n * MIN_SHARE_OF_FORM)),
  )
  .map(([word]) => [word, word]);

const byFrequency = [...new Map([...ownWawWords, ...cliticForms, ...tanweenForms])].sort(([a], [b]) => seen(b) - seen(a) || (a < b ? -1 : 1));
const header = [
  '# Word forms the light stemmer misreads, each with the noun the index reads it as (see docs/arabic-analysis.md):',
  '# ب or ل joined to a noun (لكأس), the accusative alif (شخصا), و before either, and a word whose و is its own (وزير).',
  '# Generated from analyzers/run-on/words.tsv by npm run build:word-forms; to keep a form whole, list it in',
  '# word-forms-kept-whole.txt. Normalized as the index normalizes (ة as ه, أ as ا), most frequent first.',
];
writeFileSync(join(PROJECT_ROOT, 'analyzers', 'word-forms.tsv'), [...header, ...byFrequency.map(([form, noun]) => `${form}\t${noun}`)].join('\n') + '\n');
console.log(
  `${byFrequency.length} forms written to analyzers/word-forms.tsv: ${cliticForms.length} with ب or ل, ${tanweenForms.length} with the accusative alif, ${ownWawWords.length} with a و of their own`,
);
