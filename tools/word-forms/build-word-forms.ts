import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeArabicWord } from '../../src/analysis/arabic-rules.js';
import { normalizedWordsOf } from '../../src/analysis/in-process-analyzer.js';
import { readDataList, readWordFrequencies } from '../../src/data/data-files.js';
import { PROJECT_ROOT } from '../../src/project-root.js';

// Rebuilds the two lists of word forms the light stemmer leaves whole, from the corpus word
// frequencies run-on repair uses (analyzers/run-on/words.tsv), normalized as the index normalizes:
// - analyzers/clitic-words.txt: the preposition ب ("with, in") or ل ("for, to") joined to an
//   indefinite noun (بدعم, لكأس);
// - analyzers/tanween-words.txt: an indefinite noun or adjective with the alif of its accusative
//   ending (شخصا, عاما, رسميا).
// A form is listed when everything says it is the noun's: it never takes the article itself (الفكرة
// shows فكرة is a word, الدنيا that دنيا's alif is its own; nothing writes اللكأس or الشخصا); the noun
// takes the article (الكأس, الشخص), or does once a possessive ending is off (بحقوقهم: الحقوق), and is
// seen at least a quarter as often as the form (لبنان is no ل + بنان); no stopword is involved
// (بعده is بعد + ه, وهما و + هما); and the noun is no word of a person's name. A clitic word also
// takes no ب, ل or ك itself (لبوتين: بوتين is a word, not ب + وتين). ف and ك are left out: ف joins
// verbs more than nouns and ك begins too many words (فكرة, كسبت).
// analyzers/word-forms-kept-whole.txt vetoes forms a reader of the lists found wrong (باسم, Bassem).
// Usage: npm run build:word-forms
const MIN_SHARE_OF_FORM = 0.25;
const CLITICS = ['ب', 'ل'];
const POSSESSIVE_ENDINGS = ['هما', 'هم', 'ها', 'كم', 'نا', 'ه', 'ي', 'ك'];

const counts = new Map<string, number>();
for (const [word, n] of readWordFrequencies(PROJECT_ROOT, 'analyzers/run-on/words.tsv')) {
  const normalized = normalizeArabicWord(word);
  counts.set(normalized, (counts.get(normalized) ?? 0) + n);
}
const seen = (word: string) => counts.get(word) ?? 0;
const stopwords = new Set(readDataList(PROJECT_ROOT, 'analyzers/arabic-stopwords.txt').map(normalizeArabicWord));
const keptWhole = new Set(readDataList(PROJECT_ROOT, 'analyzers/word-forms-kept-whole.txt').map(normalizeArabicWord));
const nameWords = new Set(readDataList(PROJECT_ROOT, 'analyzers/synonyms/people.txt').flatMap((rule) => rule.split(',').flatMap(normalizedWordsOf)));

const withoutEnding = (word: string) =>
  POSSESSIVE_ENDINGS.filter((ending) => word.endsWith(ending) && word.length - ending.length >= 3).map((ending) => word.slice(0, -ending.length));
// A noun before a possessive ending writes its ة as ت: سياستها is سياسة + ها.
const takesArticle = (word: string) => seen(`ال${word}`) > 0 || withoutEnding(word).some((stem) => seen(`ال${stem.replace(/ت$/, 'ه')}`) > 0);
// The form with a clitic or a possessive ending taken off is a stopword: بعده (بعد + ه), وهما (و + هما).
const holdsStopword = (word: string) => [word, ...withoutEnding(word), ...(/^[وبل]/.test(word) ? [word.slice(1)] : [])].some((part) => stopwords.has(part));

/** Forms of a noun the stemmer keeps whole: `form` is the word as written, `noun` what it is read as. */
function listed(nounOf: (form: string) => string | undefined): string[] {
  return [...counts]
    .filter(([form, n]) => {
      const noun = nounOf(form);
      return (
        noun !== undefined &&
        noun.length >= 3 &&
        !keptWhole.has(form) &&
        seen(`ال${form}`) === 0 &&
        !holdsStopword(form) &&
        !stopwords.has(noun) &&
        !nameWords.has(noun) &&
        takesArticle(noun) &&
        seen(noun) >= n * MIN_SHARE_OF_FORM
      );
    })
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([form]) => form);
}

const cliticWords = listed((form) => {
  const [clitic, noun] = [form[0]!, form.slice(1)];
  if (!CLITICS.includes(clitic) || noun.startsWith('ال') || form.startsWith('لل')) return undefined;
  // للX is ل + الX: a clitic ل is told only before a word not starting with ل.
  const takesClitic = ['ب', 'ل', 'ك'].some((other) => !(other === 'ل' && form.startsWith('ل')) && seen(other + form) > 0);
  return takesClitic ? undefined : noun;
});
const tanweenWords = listed((form) => {
  const noun = form.slice(0, -1);
  // The article never goes with tanween; وا ends verbs (قالوا), ها and هما possessives (احدهما, not متهما).
  const dualPossessive = noun.endsWith('هم') && noun.length >= 5 && takesArticle(noun.slice(0, -2).replace(/ت$/, 'ه'));
  return form.endsWith('ا') && !form.startsWith('ال') && !/[اوه]$/.test(noun) && !dualPossessive ? noun : undefined;
});

const write = (file: string, what: string, words: string[]) => {
  const header = [
    `# ${what}: the index reads each as the noun (see docs/arabic-analysis.md).`,
    '# Generated from analyzers/run-on/words.tsv by npm run build:word-forms; to keep a form whole, list it in',
    '# word-forms-kept-whole.txt. Normalized as the index normalizes (ة as ه, أ as ا), most frequent first.',
  ];
  writeFileSync(join(PROJECT_ROOT, 'analyzers', file), [...header, ...words].join('\n') + '\n');
  console.log(`${words.length} forms written to analyzers/${file}`);
};
write('clitic-words.txt', 'Forms of ب or ل joined to an indefinite noun (بدعم, لكأس)', cliticWords);
write('tanween-words.txt', 'Forms of an indefinite noun or adjective with its accusative alif (شخصا, عاما)', tanweenWords);
