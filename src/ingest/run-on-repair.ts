import { Jieba } from '@node-rs/jieba';
import { readWordFrequencies } from '../data/data-files.js';

/**
 * Repairs words run together where a space was lost (الجزائروالولاياتالمتحدة → الجزائر والولايات
 * المتحدة). Jieba's DAG segmentation finds the most probable split by word frequency; it only
 * segments CJK text, so each Arabic letter is mapped one-to-one into the CJK block first.
 */

/** Word → corpus frequency, from correctly spaced text. */
export type WordFrequencies = ReadonlyMap<string, number>;

export interface RunOnRepair {
  original: string;
  replacement: string;
  offset: number;
}

export interface RunOnOptions {
  /** A token this frequent is a word, never split. */
  minWordFrequency: number;
  /** Every piece of a split must be at least this frequent. */
  minPieceFrequency: number;
  /** Shorter tokens are left alone: run-ons join two words. */
  minTokenLength: number;
  /** A later piece without the article must be at least this long. */
  minBareWordLength: number;
}

export const DEFAULT_RUN_ON_OPTIONS: RunOnOptions = { minWordFrequency: 3, minPieceFrequency: 100, minTokenLength: 7, minBareWordLength: 5 };

// Tatweel (U+0640) is left out: الـمنشأة is one word drawn long, not two.
const ARABIC_LETTER = '[\\u0621-\\u063F\\u0641-\\u064A\\u0671-\\u06D3]';
// Clitics that Arabic writes attached to the next word: a split never leaves them standing alone.
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
/** Prepositions a reader's query runs into its words (الحربفياليمن, الهجومعلىباريس): scraped text keeps them apart. */
const PARTICLES = new Set(['في', 'من', 'عن', 'على', 'مع', 'إلى', 'الى', 'بين', 'ضد', 'حول', 'عند', 'منذ', 'بعد', 'قبل', 'خلال']);

/**
 * How a split is trusted: `particles` lets a preposition stand between words, as a query runs it in,
 * before a word with the article or one `isName` knows (الهجوم | على | باريس).
 */
export interface SplitOptions {
  particles?: boolean;
  isName?: (word: string) => boolean;
  /** A token the caller knows as a word however the corpus spells it (بالسعوديه: بالسعودية), left whole. */
  isWord?: (token: string) => boolean;
}
const CJK_BASE = 0x4e00;

const toCjk = (word: string) => [...word].map((c) => String.fromCodePoint(CJK_BASE + c.codePointAt(0)! - 0x0600)).join('');
const fromCjk = (word: string) => [...word].map((c) => String.fromCodePoint(c.codePointAt(0)! - CJK_BASE + 0x0600)).join('');

/** The word list the repairer splits by: `analyzers/run-on/words.tsv` under the data root (built by `npm run build:run-on-dictionary`). */
export const RUN_ON_WORDS = 'analyzers/run-on/words.tsv';

/** The repairer over a data root's word list (~0.1 s to load). */
export function loadRunOnRepairer(dataRoot: string): RunOnRepairer {
  return new RunOnRepairer(readWordFrequencies(dataRoot, RUN_ON_WORDS));
}

export class RunOnRepairer {
  private readonly jieba: Jieba;
  /** Runs of Arabic letters long enough to be run-ons: shorter words never reach splitToken. */
  private readonly candidateWords: RegExp;

  constructor(
    private readonly frequencies: WordFrequencies,
    private readonly options: RunOnOptions = DEFAULT_RUN_ON_OPTIONS,
  ) {
    const dictionary = [...frequencies]
      .filter(([word, count]) => count >= options.minPieceFrequency || PROCLITICS.has(word))
      .map(([word, count]) => `${toCjk(word)} ${count}`)
      .join('\n');
    this.jieba = Jieba.withDict(Buffer.from(dictionary));
    this.candidateWords = new RegExp(`${ARABIC_LETTER}{${options.minTokenLength},}`, 'g');
  }

  /** Whether a token is a word of the corpus (seen often enough never to be split). */
  isWord(token: string): boolean {
    return this.frequency(token) >= this.options.minWordFrequency;
  }

  /** The word list: each word and how often the corpus spells it so. */
  words(): WordFrequencies {
    return this.frequencies;
  }

  /** How often the corpus the word list was built from spells a word this way (0: never, or under 3 times). */
  frequency(token: string): number {
    return this.frequencies.get(token) ?? 0;
  }

  /** The words a run-on token splits into, or undefined when it is a word or no clean split exists. */
  splitToken(token: string, { particles = false, isName = () => false, isWord = () => false }: SplitOptions = {}): string[] | undefined {
    // Arabic letters are one UTF-16 unit each: length counts letters.
    if (token.length < this.options.minTokenLength) return undefined;
    if (this.isWord(token) || isWord(token)) return undefined;
    const pieces = this.jieba.cut(toCjk(token), false).map(fromCjk);
    // Re-attach proclitics to the following word: الجزائر | و | الولايات → الجزائر | والولايات.
    const words: string[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (PROCLITICS.has(piece) && i + 1 < pieces.length) pieces[i + 1] = piece + pieces[i + 1];
      else words.push(piece);
    }
    if (words.length < 2) return undefined;
    const known = (word: string) =>
      (this.frequencies.get(word) ?? 0) >= this.options.minPieceFrequency ||
      (PROCLITICS.has(word[0]!) && (this.frequencies.get(word.slice(1)) ?? 0) >= this.options.minPieceFrequency);
    // Trusted only when known words cover the token completely, and each later word starts a new
    // word the way glued news text does (with the article, ال), or is long enough not to be an ending
    // (ات، ين، ها، اتهم) that a rare inflection of one word would leave behind.
    const startsWord = (word: string) => /^[وفبلك]?ال/.test(word) || [...word].length >= this.options.minBareWordLength;
    // Nor may a piece be a prefix that is also a word (وال in وال ستريت, الم "pain", وست "and six"):
    // splitting والبدائل as وال | بدائل would cut a rare word, not repair a run-on.
    const prefixLike = (word: string) => /^[وفبكل]?(ال|لل|الم|للم|ست|سي|سر|سن)$|^[وفبكل]?ي?ست$/.test(word);
    // A preposition stands before a word with the article (الحرب | في | اليمن) or a name, never last:
    // before another word, ف and a verb are as likely (فيتناول, فيتنامي, معماريا).
    const particle = (word: string, i: number) => {
      const next = words[i + 1];
      return particles && PARTICLES.has(word) && next !== undefined && (next.startsWith('ال') || isName(next));
    };
    // A listed name begins a word however short (منتخبمصر: منتخب مصر), where the caller knows names.
    const trusted = words.every(
      (word, i) => particle(word, i) || ([...word].length >= 3 && known(word) && !prefixLike(word) && (i === 0 || startsWord(word) || isName(word))),
    );
    return trusted ? words : undefined;
  }

  /** The text with run-ons split, and where each repair was made. Other text is left as it is. */
  repairText(text: string, options: SplitOptions = {}): { text: string; repairs: RunOnRepair[] } {
    const repairs: RunOnRepair[] = [];
    const repaired = text.replace(this.candidateWords, (token, offset: number) => {
      const words = this.splitToken(token, options);
      if (!words) return token;
      const replacement = words.join(' ');
      repairs.push({ original: token, replacement, offset });
      return replacement;
    });
    return { text: repaired, repairs };
  }
}
