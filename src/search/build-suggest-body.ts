import type { SearchBody } from '../engine/search-engine.js';
import { A_STORY_COPY } from '../index/stored-article.js';
import { withoutRepeatedWords } from './build-search-body.js';
import { normalizedWordsOf } from '../analysis/in-process-analyzer.js';
import { editDistance, soundsAlike } from './understand-query.js';
import { splitExclusions } from './excluded-terms.js';
import { quotedPhrases } from './quoted-phrases.js';

/**
 * The words of a suggestion query that count: the last ones, where the reader is typing. Each is
 * one leaf clause on `title.prefix` and one on `title.exact`, so the query stays far inside the
 * engine's clause limit whatever is typed.
 */
export const SUGGEST_MAX_WORDS = 8;

/** The last `SUGGEST_MAX_WORDS` words of the text, each once. */
export function suggestText(text: string): string {
  return withoutRepeatedWords(text).split(' ').filter(Boolean).slice(-SUGGEST_MAX_WORDS).join(' ');
}

/**
 * Titles that complete what is typed: every word must begin a word of the title (`title.prefix`
 * holds each word's beginnings, normalized, so أ/ا/إ, ة/ه, ى/ي do not matter); or, for a text all in
 * Latin script, whose words no Arabic title begins with, every word must meet the title through the
 * search-time synonyms (Trump, Liverpool: titles writing ترامب, ليفربول), or hold `nameBegun`, the
 * Arabic name of the person or place whose Latin spelling the text begins (Tru: ترامب). Among the first
 * matches, titles holding the typed words whole rank higher: a rescore, so that second query runs on
 * a few hits only and the first can skip through the postings. The words typed are marked in
 * process (`markTypedWords`), a name begun by the engine. The text lands only in `query` strings. Pure.
 */
export function buildTitleSuggestBody(text: string, size: number, nameBegun?: string, { slipped = false } = {}): SearchBody {
  const words = suggestText(text);
  // `slipped`: each word may begin a title's word one edit off, its first letter as typed (ماكرن: ماكرون).
  const beginning = { match: { 'title.prefix': { query: words, operator: 'and', ...(slipped ? { fuzziness: 1, prefix_length: 1 } : {}) } } };
  // Arabic words typed are not read through the stemmer: بلين, half of بلينكن, is ب + لين to it.
  const named = isLatinOnly(words)
    ? [{ match: { title: { query: words, operator: 'and' } } }, ...(nameBegun ? [{ match_phrase: { title: nameBegun } }] : [])]
    : [];
  return {
    query: { bool: { should: [beginning, ...named], minimum_should_match: 1, must_not: [A_STORY_COPY] } },
    rescore: { window_size: size * 3, query: { rescore_query: { match: { 'title.exact': { query: words, analyzer: 'arabic_exact' } } } } },
    // The name as each title spells it (بلينكين for بلينكن) is the engine's to find.
    ...(named.length > 1
      ? {
          highlight: {
            encoder: 'html',
            pre_tags: ['<mark>'],
            post_tags: ['</mark>'],
            fields: { title: { number_of_fragments: 0, highlight_query: { match_phrase: { title: nameBegun } } } },
          },
        }
      : {}),
    size,
    track_total_hits: false,
    _source: ['id', 'title'],
  };
}

/** Letters from which a word typed is matched one slip off, titles and names alike: shorter, one letter off is another word. */
export const MIN_SLIPPED_LETTERS = 4;

/** Whether a word of `text` is long enough to be asked one slip off (see `buildTitleSuggestBody`). */
export function mayHoldSlip(text: string): boolean {
  return suggestText(text)
    .split(' ')
    .some((word) => [...word].length >= MIN_SLIPPED_LETTERS);
}

/** Text in Latin script and none in Arabic: a name may be typed as the lists spell it in English. */
export function isLatinOnly(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && !/\p{Script=Arabic}/u.test(text);
}

/** Words past which a spelling suggestion is not asked: the phrase suggester's work grows with each. */
export const SPELLING_MAX_WORDS = 6;

/**
 * Asks the engine for the likeliest correction of the text from the index's own words (`body.exact`,
 * normalized, unstemmed), or nothing when no spelling scores better than the text as typed. Pure.
 */
export function buildSpellingBody(text: string, { popular = false } = {}): SearchBody {
  // Popular: a word articles hold may be respelled too, into one at least MIN_POPULAR_DOCS articles
  // hold more often; asked only of a text whose words hardly any article holds together (see weakPhraseOffer).
  const generators = popular
    ? [{ field: 'body.exact', suggest_mode: 'popular', min_word_length: 3, min_doc_freq: MIN_POPULAR_DOCS, prefix_length: 0 }]
    : // Only words no article holds are respelled: a word the index holds is how articles write it,
      // however much more often a look-alike occurs (الذكي is no misspelling of الذكية).
      [{ field: 'body.exact', suggest_mode: 'missing', min_word_length: 3, prefix_length: 0 }];
  return {
    size: 0,
    track_total_hits: false,
    suggest: {
      text,
      spelling: {
        phrase: {
          field: 'body.exact',
          analyzer: 'arabic_exact',
          // A few: the first may change a listed name (see changesListedName), the next may not.
          size: SPELLING_OPTIONS,
          gram_size: 1,
          max_errors: 2,
          confidence: 1,
          direct_generator: generators,
        },
      },
    },
  };
}

/** The respellings a spelling answer offers, likeliest first. */
export function readSpellings(suggest: Record<string, unknown> | undefined): string[] {
  const entries = (suggest?.spelling ?? []) as { options?: { text?: string }[] }[];
  return (entries[0]?.options ?? []).flatMap((option) => (option.text ? [option.text] : []));
}

const SPELLING_OPTIONS = 5;
/** Articles a word must be in to be offered for a word articles hold. */
const MIN_POPULAR_DOCS = 20;

/**
 * Whether a respelling changes a word of a listed name (the synonym lists'): those are spellings the
 * product knows (رمطان لعمامرة), however rare in the index (رمضان لمعامله is commoner), typed with
 * the article or without it (قدس is القدس to the stemmed fields, not a misspelling of قدم; القايد is
 * the Maghreb's قايد, Gaid or Caid, no القائد). Both texts are split and normalized as the index does. Pure.
 */
export function changesListedName(text: string, spelling: string, listedNameWords: ReadonlySet<string>): boolean {
  const offered = new Set(normalizedWordsOf(spelling));
  const listed = (word: string) =>
    listedNameWords.has(word) || listedNameWords.has(`ال${word}`) || (word.startsWith('ال') && listedNameWords.has(word.slice(2)));
  return normalizedWordsOf(text).some((word) => listed(word) && !offered.has(word));
}

/**
 * Whether a respelling puts in place of a word read as Arabic typed in Latin letters (`soundedOut`,
 * each lowercased to its reading: abas عباس) a Latin word the lists read otherwise or not at all
 * (Arab): the search found what the word says. An offer the lists read alike stays (Trmp: Trump,
 * ترامب). Pure.
 */
export function replacesSoundedOutWord(
  text: string,
  spelling: string,
  soundedOut: ReadonlyMap<string, string>,
  arabicOfLatin: ReadonlyMap<string, string>,
): boolean {
  const offered = spelling.toLowerCase().split(/\s+/u);
  return text
    .toLowerCase()
    .split(/\s+/u)
    .some((word) => soundedOut.has(word) && !offered.includes(word) && !offered.some((other) => arabicOfLatin.get(other) === soundedOut.get(word)));
}

/**
 * Whether a respelling puts in place of a typed word a Latin word no listed name holds. The index's
 * Latin words are the few an Arabic corpus quotes, so its likeliest respellings of a Latin name it
 * lacks are other words (Hariri → Harry, Obma → OCHA, Liby → Life); a listed name (Egipt → Egypt)
 * is still offered. Words are compared as the index normalizes them. Pure.
 */
export function respellsToUnlistedLatin(text: string, spelling: string, listedNameWords: ReadonlySet<string>): boolean {
  const typed = new Set(normalizedWordsOf(text));
  return normalizedWordsOf(spelling).some((word) => !typed.has(word) && /\p{Script=Latin}/u.test(word) && !listedNameWords.has(word));
}

/** Words shorter than this are never respelled to a name: one letter off, a short word is another word. */
const MIN_NAME_TYPO_LETTERS = 5;

/**
 * The text with each word the likeliest respelling changes replaced by the one word of the listed
 * names near it (same first letter; one edit under eight letters, two from eight; no farther than
 * the suggester's own word), if any word is: بيلنكين is a misspelled بلينكين, where the suggester,
 * which knows only the index's commoner words, offered بالسكين ("with a knife"); البرتقالل stays
 * البرتقال (oranges), one edit, not البرتغال (Portugal), two. Words are given as the index
 * normalizes them. Pure.
 */
export function respellToListedNames(
  text: string,
  likeliest: string,
  listedNameWords: ReadonlySet<string>,
  isCommonWord: (word: string) => boolean = () => false,
): string | undefined {
  const typed = normalizedWordsOf(text);
  const offered = normalizedWordsOf(likeliest);
  const offeredSet = new Set(offered);
  const suggestedWords = offered.filter((word) => !typed.includes(word));
  let respelledAny = false;
  const words = typed.map((word) => {
    const letters = [...word].length;
    if (offeredSet.has(word) || listedNameWords.has(word) || letters < MIN_NAME_TYPO_LETTERS) return word;
    const suggesterEdits = Math.min(...suggestedWords.map((suggested) => editDistance(word, suggested, 2)));
    const max = Math.min(letters < 8 ? 1 : 2, suggesterEdits);
    let fewest = max + 1;
    let nearest: string[] = [];
    for (const name of listedNameWords) {
      // A name with ة after it is another word: لعمارة is no لعمار ("for Ammar"); a longer name's common
      // word is no name to respell to: الحوات is الحوار, not القوات of القوات اللبنانية.
      if (name[0] !== word[0] || word === `${name}ه` || isCommonWord(name)) continue;
      const edits = editDistance(word, name, max);
      if (edits < fewest) [fewest, nearest] = [edits, [name]];
      else if (edits === fewest) nearest.push(name);
    }
    if (fewest > max || nearest.length !== 1) return word;
    respelledAny = true;
    return nearest[0]!;
  });
  return respelledAny ? words.join(' ') : undefined;
}

/**
 * Of the respellings offered (likeliest first, none changing a listed name), the one the search's
 * own hits hold in the most of them, each hit's words given normalized as the index does: الجزاير
 * finds Algeria (through the exact fields' typo tolerance), so الجزائر is offered, not the likelier
 * الجزيرة (Al Jazeera). The likeliest when no hit holds any. Pure.
 */
export function chooseSpelling(spellings: string[], text: string, hitWords: ReadonlySet<string>[]): string | undefined {
  const typed = new Set(normalizedWordsOf(text));
  let chosen = spellings[0];
  let most = 0;
  for (const spelling of spellings) {
    const changed = normalizedWordsOf(spelling).filter((word) => !typed.has(word));
    const holding = hitWords.filter((words) => changed.every((word) => words.has(word))).length;
    if (holding > most) [chosen, most] = [spelling, holding];
  }
  return chosen;
}

/**
 * One article holding the respelled words as a phrase, its text with those words marked as the
 * article writes them: the suggester answers in normalized letters (الجزاءر), readers want الجزائر. Pure.
 */
export function buildSpellingCheckBody(spelling: string): SearchBody {
  return {
    size: 1,
    track_total_hits: false,
    _source: false,
    query: { match_phrase: { 'body.exact': { query: spelling, analyzer: 'arabic_exact' } } },
    highlight: { pre_tags: ['<mark>'], post_tags: ['</mark>'], fields: { 'body.exact': { number_of_fragments: 0 } } },
  };
}

/**
 * The first run of marked words in a spelling check's hit: the respelling as written, a hashtag's
 * words (#الولايات_المتحدة, marked one by one) given back with spaces; undefined when there is none.
 */
export function readSurfaceForm(highlight: Record<string, string[]> | undefined, words: number): string | undefined {
  const text = highlight?.['body.exact']?.[0] ?? '';
  // A token never holds `<`: the text between the tags is one word as written.
  const marks = [...text.matchAll(/<mark>([^<]*)<\/mark>/g)];
  for (let start = 0; start + words <= marks.length; start++) {
    const run = marks.slice(start, start + words);
    // Apart by no letter or digit: spaces, punctuation (صلاح، ليفربول), a hashtag's # and underscore (ارتفاع #أسعار_النفط).
    const adjacent = run.every((mark, i) => i === 0 || /^[^\p{L}\p{N}<]+$/u.test(text.slice(run[i - 1]!.index + run[i - 1]![0].length, mark.index)));
    if (adjacent) return run.map((mark) => mark[1]!).join(' ');
  }
  return undefined;
}

/**
 * Whether `respelling` changes `typed` only into words of listed names, keeping its exclusions, quoted
 * phrases and numbers: sure enough to be searched in its place. The phrase suggester also turns a
 * word no article holds into a commoner one (زرافة, a giraffe, into another animal or a farm), which
 * is only offered; and it respells the text without its exclusions.
 */
export function respellsOnlyToNames(typed: string, respelling: string, listedNameWords: ReadonlySet<string>): boolean {
  if (!keepsOperators(typed, respelling)) return false;
  const typedWords = new Set(normalizedWordsOf(splitExclusions(typed).text));
  const changed = normalizedWordsOf(splitExclusions(respelling).text).filter((word) => !typedWords.has(word));
  return changed.length > 0 && changed.every((word) => listedNameWords.has(word));
}

/** Whether a respelling keeps the text's exclusions, the number of its quoted phrases, and its numbers. */
function keepsOperators(typed: string, respelling: string): boolean {
  const [was, now] = [splitExclusions(typed), splitExclusions(respelling)];
  const same = (a: string[], b: string[]) =>
    a.length === b.length && a.every((item, i) => normalizedWordsOf(item).join(' ') === normalizedWordsOf(b[i]!).join(' '));
  const digits = (text: string) => text.replace(/\P{Nd}/gu, '');
  return same(was.excluded, now.excluded) && quotedPhrases(was.text).length === quotedPhrases(now.text).length && digits(typed) === digits(respelling);
}

/**
 * Whether `respelling` only writes a hamza the text left off or left unseated (موتمر: مؤتمر, مسول:
 * مسؤول, سوال: سؤال), keeping every other word and the text's operators, in at least half the text's
 * words (`isStopword`'s left out: في decides nothing): the same words, so searched in the text's place, whatever typo tolerance found for the
 * letters as typed (موتمر listed مستمر first). In a longer text the other words decide the results,
 * and the respelling stays an offer (a dialect question's الجايزة searched as الجائزة ranked its
 * festival's prizes lower). A hamza added after the last letter of a word of two (الجز: الجزء) is
 * none: such a word is more often one being typed (الجزائر). The index folds ؤ and ئ into ء. Pure.
 */
export function onlyRestoresHamza(typed: string, respelling: string, isStopword: (word: string) => boolean = () => false): boolean {
  if (!keepsOperators(typed, respelling)) return false;
  const [was, now] = [normalizedWordsOf(typed), normalizedWordsOf(respelling)];
  if (was.length !== now.length) return false;
  const hamzaRestored = (word: string, respelled: string) =>
    respelled.includes('ء') &&
    !(respelled === `${word}ء` && word.replace(/^ال/u, '').length <= 2) &&
    (respelled.replace(/ء/gu, '') === word ||
      (respelled.length === word.length && [...respelled].every((letter, at) => letter === word[at] || (letter === 'ء' && 'اوي'.includes(word[at]!)))));
  const changed = was.filter((word, at) => word !== now[at]);
  const searched = was.filter((word) => !isStopword(word)).length;
  return changed.length > 0 && changed.length * 2 >= searched && was.every((word, at) => word === now[at] || hamzaRestored(word, now[at]!));
}

/** As typed, this few hits are next to nothing where a respelling into a listed name finds many more. */
export const FEW_AS_TYPED = 5;

/**
 * Whether a respelling finds enough more than the text as typed to be searched in its place: anything
 * where the text found nothing; twenty times as many where it found next to nothing (Mesi matched one
 * article's MCSI; messi, 585). Pure.
 */
export function respellingFindsMore(foundAsTyped: number, foundRespelled: number): boolean {
  if (foundAsTyped > FEW_AS_TYPED) return false;
  return foundAsTyped === 0 ? foundRespelled > 0 : foundRespelled >= 20 * foundAsTyped;
}

/**
 * Whether a respelling is near enough the text to be searched in its place, not only offered: each
 * word it changes one edit off, or two from six letters; a Latin word only if neither the lists nor
 * the dictionary know it (of `asTyped`, where the dictionary read the text) and it sounds like its
 * respelling. Guta is no Gulf, tramp (a word) no Trump. A respelling that completes a name begun
 * (Bashar: bashar assad) is only offered: Omar alone is not Omar al-Bashir. Pure.
 */
export function nearEnoughToSearch(typed: string, respelling: string, asTyped: readonly string[] | undefined): boolean {
  const [was, now] = [normalizedWordsOf(typed), normalizedWordsOf(respelling)];
  if (was.length !== now.length) return false;
  const unknown = asTyped && new Set(asTyped.flatMap((word) => normalizedWordsOf(word)));
  return was.every((word, at) => {
    const respelled = now[at]!;
    if (word === respelled) return true;
    if (editDistance(word, respelled, 2) > ([...word].length < 6 ? 1 : 2)) return false;
    const latin = /\p{Script=Latin}/u.test(word);
    return !latin || ((!unknown || unknown.has(word)) && soundsAlike(word, respelled));
  });
}
