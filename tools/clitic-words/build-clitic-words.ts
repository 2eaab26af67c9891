import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeArabicWord } from '../../src/analysis/arabic-rules.js';
import { normalizedWordsOf } from '../../src/analysis/in-process-analyzer.js';
import { readDataList, readWordFrequencies } from '../../src/data/data-files.js';
import { PROJECT_ROOT } from '../../src/project-root.js';

// Rebuilds analyzers/clitic-words.txt: the words written with the preposition ب ("with, in") or ل
// ("for, to") joined to an indefinite noun (بدعم, لكأس), which the light stemmer leaves whole. Read
// from the corpus word frequencies run-on repair uses (analyzers/run-on/words.tsv), normalized as
// the index normalizes. A word is listed when everything says clitic + noun:
// - it never takes the article itself (الفكرة shows فكرة is a word; nothing writes اللكأس);
// - nothing joins ب, ل or ك to it (لبوتين: بوتين is a word, not ب + وتين);
// - the rest takes the article (الكأس: a noun), or does once its possessive ending is off
//   (بحقوقهم: الحقوق), and is seen at least a quarter as often as the joined form (لبنان is no ل + بنان);
// - neither it, the rest, nor the word before a possessive ending (بعده: بعد) is a stopword, and the
//   rest is no word of a person's name (لصالح stays whole: صالح is also a surname).
// analyzers/clitic-words-kept-whole.txt vetoes words a reader of the list found wrong (باسم, Bassem).
// ف and ك are left out: ف joins verbs more than nouns and ك begins too many words (فكرة, كسبت).
// Usage: npm run build:clitic-words
const MIN_SHARE_OF_JOINED = 0.25;
const CLITICS = ['ب', 'ل'];
const POSSESSIVE_ENDINGS = ['هما', 'هم', 'ها', 'كم', 'نا', 'ه', 'ي', 'ك'];

const counts = new Map<string, number>();
for (const [word, n] of readWordFrequencies(PROJECT_ROOT, 'analyzers/run-on/words.tsv')) {
  const normalized = normalizeArabicWord(word);
  counts.set(normalized, (counts.get(normalized) ?? 0) + n);
}
const seen = (word: string) => counts.get(word) ?? 0;
const stopwords = new Set(readDataList(PROJECT_ROOT, 'analyzers/arabic-stopwords.txt').map(normalizeArabicWord));
const keptWhole = new Set(readDataList(PROJECT_ROOT, 'analyzers/clitic-words-kept-whole.txt').map(normalizeArabicWord));
const nameWords = new Set(readDataList(PROJECT_ROOT, 'analyzers/synonyms/people.txt').flatMap((rule) => rule.split(',').flatMap(normalizedWordsOf)));

const withoutEnding = (word: string) =>
  POSSESSIVE_ENDINGS.filter((ending) => word.endsWith(ending) && word.length - ending.length >= 3).map((ending) => word.slice(0, -ending.length));
// A noun before a possessive ending writes its ة as ت: سياستها is سياسة + ها.
const takesArticle = (word: string) => seen(`ال${word}`) > 0 || withoutEnding(word).some((stem) => seen(`ال${stem.replace(/ت$/, 'ه')}`) > 0);

const listed = [...counts]
  .filter(([joined, n]) => {
    const rest = joined.slice(1);
    return (
      CLITICS.includes(joined[0]!) &&
      !keptWhole.has(joined) &&
      rest.length >= 3 &&
      !rest.startsWith('ال') &&
      !joined.startsWith('لل') &&
      seen(`ال${joined}`) === 0 &&
      // للX is ل + الX: a clitic ل is told only before a word not starting with ل.
      ['ب', 'ل', 'ك'].every((clitic) => (clitic === 'ل' && joined.startsWith('ل')) || seen(clitic + joined) === 0) &&
      !stopwords.has(joined) &&
      !stopwords.has(rest) &&
      !withoutEnding(joined).some((stem) => stopwords.has(stem)) &&
      !nameWords.has(rest) &&
      takesArticle(rest) &&
      seen(rest) >= n * MIN_SHARE_OF_JOINED
    );
  })
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .map(([joined]) => joined);

const header = [
  '# Words written with ب or ل joined to an indefinite noun (بدعم, لكأس): the index reads each as the noun',
  '# (see docs/arabic-analysis.md). Generated from analyzers/run-on/words.tsv by npm run build:clitic-words;',
  '# delete a line to keep a word whole. Normalized as the index normalizes (ة as ه, أ as ا), most frequent first.',
];
writeFileSync(join(PROJECT_ROOT, 'analyzers', 'clitic-words.txt'), [...header, ...listed].join('\n') + '\n');
console.log(`${listed.length} words written to analyzers/clitic-words.txt`);
