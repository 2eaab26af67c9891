import { escapeRegExp } from '../escape-reg-exp.js';
import { normalizeArabicWord } from './arabic-rules.js';

/**
 * Runs one analyzer of the index's analysis settings in this process, token for token as the
 * engine runs it, for the component types those settings use. Tagging a corpus needs every
 * article's tokens; asking the engine's `_analyze` for them costs as much as indexing again.
 * test/in-process-analysis.test.ts holds this to the engine's own `_analyze` on real articles.
 */

export interface PositionedToken {
  token: string;
  position: number;
}

/** Given `only`, tokens outside it are not returned (their positions still count): less to allocate when a caller looks for known words. */
export type Analyzer = (text: string, only?: ReadonlySet<string>) => PositionedToken[];

export interface AnalysisSettings {
  char_filter?: Record<string, Record<string, unknown>>;
  filter?: Record<string, Record<string, unknown>>;
  analyzer?: Record<string, unknown>;
}

/** The settings use a component this interpreter does not implement: analysis must go to the engine. */
export class UnsupportedAnalysisError extends Error {}

interface ChainToken {
  token: string;
  /** Set by stemmer_override: stemmers leave the token as it is. */
  keyword: boolean;
}

/** One token filter, on one token: changes it in place, or answers false to remove it. */
type TokenStep = (token: ChainToken) => boolean;

/** Distinct words remembered between texts: news repeats its words, and every filter here looks at one token alone. */
const MEMO_LIMIT = 50_000;

export function createInProcessAnalyzer(analysis: AnalysisSettings, analyzerName: string): Analyzer {
  const definition = analysis.analyzer?.[analyzerName] as { type?: string; char_filter?: string[]; tokenizer?: string; filter?: string[] } | undefined;
  if (!definition) throw new UnsupportedAnalysisError(`no analyzer "${analyzerName}" in the analysis settings`);
  if (definition.type !== 'custom')
    throw new UnsupportedAnalysisError(`analyzer "${analyzerName}" is of type "${definition.type}"; only custom analyzers run in process`);
  if ((definition.tokenizer ?? 'standard') !== 'standard') throw new UnsupportedAnalysisError(`tokenizer "${definition.tokenizer}" does not run in process`);
  const charFilters = (definition.char_filter ?? []).map((name) => charFilterNamed(analysis, name));
  const steps = (definition.filter ?? []).map((name) => tokenStepNamed(analysis, name));
  const memo = new Map<string, string | null>();
  const filterWord = (word: string): string | null => {
    let result = memo.get(word);
    if (result !== undefined) return result;
    const token: ChainToken = { token: word, keyword: false };
    result = steps.every((step) => step(token)) ? token.token : null;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, result);
    return result;
  };
  return (text, only) => {
    let chars = text;
    for (const charFilter of charFilters) chars = charFilter(chars);
    const tokens: PositionedToken[] = [];
    let position = 0;
    forEachStandardToken(chars, (word) => {
      const token = filterWord(word);
      // A removed token leaves its position empty, so phrases do not close over stopwords.
      if (token !== null && (!only || only.has(token))) tokens.push({ token, position });
      position++;
    });
    return tokens;
  };
}

// ---- char filters ----

function charFilterNamed(analysis: AnalysisSettings, name: string): (text: string) => string {
  const settings = analysis.char_filter?.[name];
  if (!settings) throw new UnsupportedAnalysisError(`char filter "${name}" is built in or undefined; only defined char filters run in process`);
  if (settings.type === 'pattern_replace') return patternReplaceCharFilter(String(settings.pattern), String(settings.replacement ?? ''));
  if (settings.type !== 'mapping') throw new UnsupportedAnalysisError(`char filter "${name}" is of type "${String(settings.type)}"`);
  return mappingCharFilter(settings.mappings as string[]);
}

/** Lucene's PatternReplaceCharFilter, every match replaced; lookarounds allowed, which read alike in Java and JavaScript. */
function patternReplaceCharFilter(pattern: string, replacement: string): (text: string) => string {
  const differs = () => new UnsupportedAnalysisError(`pattern "${pattern}" or its replacement may read differently in Java and JavaScript`);
  if (/\\[pPQEGZzbB]|\\s|\(\?[^<=!:]|\$(?![\d\\])/.test(pattern) || /\$[^\d]/.test(replacement)) throw differs();
  let regExp: RegExp;
  try {
    regExp = new RegExp(pattern, 'gu');
  } catch {
    throw differs();
  }
  return (text) => text.replace(regExp, replacement);
}

/** Lucene's MappingCharFilter: the longest key at each place is replaced. */
function mappingCharFilter(rules: string[]): (text: string) => string {
  const replacements = new Map<string, string>();
  for (const rule of rules) {
    const arrow = rule.indexOf('=>');
    if (arrow < 0) throw new UnsupportedAnalysisError(`mapping rule without "=>": ${rule}`);
    replacements.set(unescapeMappingString(rule.slice(0, arrow).trim()), unescapeMappingString(rule.slice(arrow + 2).trim()));
  }
  if (replacements.size === 0) return (text) => text;
  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length);
  // Single characters (the common case) make one character class, which scans far faster than an alternation.
  const pattern = keys.every((key) => key.length === 1)
    ? new RegExp(`[${keys.map((key) => key.replace(/[\]\\^-]/g, '\\$&')).join('')}]`, 'g')
    : new RegExp(keys.map(escapeRegExp).join('|'), 'gu');
  return (text) => text.replace(pattern, (key) => replacements.get(key)!);
}

/** The escapes Lucene's MappingCharFilterFactory reads: \uXXXX, \n, \t, \r, \b, \f and a quoted character. */
function unescapeMappingString(text: string): string {
  return text.replace(/\\(u[0-9A-Fa-f]{4}|.)/g, (_, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }[escape] ?? escape;
  });
}

// ---- tokenizer ----

/** Word-break classes of Lucene's standard tokenizer (UAX #29), as far as news text needs them. */
const enum CharClass {
  Other,
  Letter,
  Digit,
  Extend,
  Single,
  Emoji,
  MidLetter,
  MidNum,
  MidNumLet,
}

function classify(char: string): CharClass {
  if (/[\p{Script=Han}\p{Script=Hiragana}]/u.test(char)) return CharClass.Single;
  if (/\p{Extended_Pictographic}/u.test(char)) return CharClass.Emoji;
  if (/[\p{L}\p{Nl}\p{Pc}]/u.test(char)) return CharClass.Letter;
  if (/\p{Nd}/u.test(char) || char === '\u066B') return CharClass.Digit;
  if (/[\p{M}\p{Cf}\p{Emoji_Modifier}]/u.test(char)) return CharClass.Extend;
  if (MID_LETTER.includes(char)) return CharClass.MidLetter;
  if (MID_NUM.includes(char)) return CharClass.MidNum;
  if (MID_NUM_LET.includes(char)) return CharClass.MidNumLet;
  return CharClass.Other;
}
const MID_LETTER = [':', '\u00B7', '\u0387', '\u055F', '\u05F4', '\u2027', '\uFE13', '\uFE55', '\uFF1A'];
const MID_NUM = [',', ';', '\u037E', '\u0589', '\u060C', '\u060D', '\u066C', '\u07F8', '\u2044', '\uFE10', '\uFE14', '\uFE50', '\uFE54', '\uFF0C', '\uFF1B'];
const MID_NUM_LET = ['.', '\u2018', '\u2019', '\u2024', '\uFE52', '\uFF07', '\uFF0E', "'"];

/** Classes of the Basic Multilingual Plane, computed once; other planes are classified as met. */
const BMP_CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) table[code] = classify(String.fromCharCode(code));
  return table;
})();
const astralClasses = new Map<number, CharClass>();

/** The class of the character at `at`; one outside the BMP answers for its pair of code units. */
function classAt(text: string, at: number): CharClass {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return BMP_CLASSES[code] ?? CharClass.Other;
  const point = text.codePointAt(at)!;
  let charClass = astralClasses.get(point);
  if (charClass === undefined) astralClasses.set(point, (charClass = classify(String.fromCodePoint(point))));
  return charClass;
}

/** UTF-16 units of the character at `at`. */
const widthAt = (text: string, at: number) => (text.codePointAt(at)! > 0xffff ? 2 : 1);

const MAX_TOKEN_LENGTH = 255;
const ZERO_WIDTH_JOINER = 0x200d;

/** The words of a text as the standard tokenizer splits it, each folded as the index normalizes (`normalizeArabicWord`). */
export function normalizedWordsOf(text: string): string[] {
  const words: string[] = [];
  forEachStandardToken(text, (word) => words.push(normalizeArabicWord(word)));
  return words;
}

/**
 * Calls `emit` with each word of Lucene's standard tokenizer: runs of letters and digits with their
 * marks, joined across one MidLetter/MidNum/MidNumLet character between letters or digits (U.S,
 * O'Brien, 3.5, 1,000); Han and Hiragana one character a token; emoji sequences as one token.
 */
export function forEachStandardToken(text: string, emit: (word: string) => void): void {
  const length = text.length;
  let at = 0;
  while (at < length) {
    const charClass = classAt(text, at);
    if (charClass === CharClass.Letter || charClass === CharClass.Digit) {
      at = emitWord(text, at, emit);
    } else if (charClass === CharClass.Single) {
      const width = widthAt(text, at);
      emit(text.slice(at, at + width));
      at += width;
    } else if (charClass === CharClass.Emoji) {
      const start = at;
      at += widthAt(text, at);
      while (at < length) {
        if (text.charCodeAt(at) === ZERO_WIDTH_JOINER) {
          if (at + 1 < length && classAt(text, at + 1) === CharClass.Emoji) at += 1 + widthAt(text, at + 1);
          else break;
        } else if (classAt(text, at) === CharClass.Extend) at += widthAt(text, at);
        else break;
      }
      emit(text.slice(start, at));
    } else {
      at += charClass === CharClass.Other || charClass === CharClass.Extend ? widthAt(text, at) : 1;
    }
  }
}

/** Emits the word starting at `start` and returns where it ends. */
function emitWord(text: string, start: number, emit: (word: string) => void): number {
  const length = text.length;
  let at = start;
  let last = CharClass.Other;
  while (at < length) {
    const code = text.charCodeAt(at);
    const charClass = code < 0xd800 || code > 0xdbff ? (BMP_CLASSES[code] as CharClass) : classAt(text, at);
    if (charClass === CharClass.Letter || charClass === CharClass.Digit) {
      last = charClass;
      at += code < 0xd800 || code > 0xdbff ? 1 : 2;
    } else if (charClass === CharClass.Extend) {
      at += code < 0xd800 || code > 0xdbff ? 1 : 2;
    } else if (charClass === CharClass.MidLetter || charClass === CharClass.MidNum || charClass === CharClass.MidNumLet) {
      const next = at + 1 < length ? classAt(text, at + 1) : CharClass.Other;
      const joinsLetters = last === CharClass.Letter && next === CharClass.Letter && charClass !== CharClass.MidNum;
      const joinsDigits = last === CharClass.Digit && next === CharClass.Digit && charClass !== CharClass.MidLetter;
      if (!joinsLetters && !joinsDigits) break;
      at += 1;
    } else {
      break;
    }
  }
  for (let from = start; from < at; from += MAX_TOKEN_LENGTH) emit(text.slice(from, Math.min(at, from + MAX_TOKEN_LENGTH)));
  return at;
}

// ---- token filters ----

function tokenStepNamed(analysis: AnalysisSettings, name: string): TokenStep {
  const settings = analysis.filter?.[name];
  if (!settings) {
    const builtIn = BUILT_IN_STEPS[name];
    if (!builtIn) throw new UnsupportedAnalysisError(`token filter "${name}" is not defined and not a built-in this interpreter knows`);
    return builtIn;
  }
  switch (settings.type) {
    case 'pattern_replace':
      return patternReplaceStep(String(settings.pattern), String(settings.replacement ?? ''), String(settings.all ?? true) === 'true');
    case 'stemmer_override':
      return stemmerOverrideStep(settings.rules as string[]);
    case 'stop':
      if (!Array.isArray(settings.stopwords)) throw new UnsupportedAnalysisError(`stop filter "${name}" names a built-in list; give the words themselves`);
      if (String(settings.ignore_case ?? false) !== 'false') throw new UnsupportedAnalysisError(`stop filter "${name}" ignores case`);
      return stopStep(settings.stopwords as string[]);
    default: {
      const builtIn = BUILT_IN_STEPS[String(settings.type)];
      if (!builtIn || Object.keys(settings).length > 1)
        throw new UnsupportedAnalysisError(`token filter "${name}" of type "${String(settings.type)}" does not run in process`);
      return builtIn;
    }
  }
}

const changeToken =
  (change: (token: string) => string): TokenStep =>
  (t) => {
    t.token = change(t.token);
    return true;
  };

const BUILT_IN_STEPS: Record<string, TokenStep> = {
  lowercase: changeToken((token) => token.toLowerCase()),
  asciifolding: changeToken(foldToAscii),
  decimal_digit: changeToken((token) => token.replace(/\p{Nd}/gu, (digit) => String(decimalValue(digit)))),
  arabic_normalization: changeToken(normalizeArabic),
  arabic_stem: (t) => {
    if (!t.keyword) t.token = stemArabic(t.token);
    return true;
  },
};

function patternReplaceStep(pattern: string, replacement: string, all: boolean): TokenStep {
  if (/\\[pPQEGZz]|\(\?[<!=]/.test(pattern)) throw new UnsupportedAnalysisError(`pattern "${pattern}" may read differently in Java and JavaScript`);
  const regExp = new RegExp(pattern, all ? 'gu' : 'u');
  return changeToken((token) => token.replace(regExp, replacement));
}

/** Tokens equal to a rule's left side become its right side and are kept from stemming. */
function stemmerOverrideStep(rules: string[]): TokenStep {
  const overrides = new Map<string, string>();
  for (const rule of rules) {
    const [from, to] = rule.split('=>').map((side) => side.trim());
    if (from === undefined || to === undefined) throw new UnsupportedAnalysisError(`stemmer_override rule without "=>": ${rule}`);
    // The first rule for a word wins, as in Lucene's StemmerOverrideFilter builder.
    for (const word of from.split(',').map((w) => w.trim())) if (!overrides.has(word)) overrides.set(word, to);
  }
  return (t) => {
    const override = t.keyword ? undefined : overrides.get(t.token);
    if (override !== undefined) {
      t.token = override;
      t.keyword = true;
    }
    return true;
  };
}

function stopStep(stopwords: string[]): TokenStep {
  const words = new Set(stopwords);
  return (t) => !words.has(t.token);
}

/** Unicode lays each set of decimal digits out as runs of ten code points, zero first. */
function decimalValue(digit: string): number {
  const code = digit.codePointAt(0)!;
  let zero = code;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return (code - zero) % 10;
}

// Lucene's ArabicNormalizer: hamza-carrying alefs to alef, alef maqsura to yeh, teh marbuta to heh, harakat and tatweel removed.
const ARABIC_NORMAL_FORMS = /[\u0622\u0623\u0625\u0649\u0629\u0640\u064B-\u0652]/g;
const ARABIC_NORMAL_FORM: Record<string, string> = { '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0649': '\u064A', '\u0629': '\u0647' };

function normalizeArabic(token: string): string {
  return token.replace(ARABIC_NORMAL_FORMS, (c) => ARABIC_NORMAL_FORM[c] ?? '');
}

// Lucene's ArabicStemmer (Larkey, Ballesteros and Connell's light stemmer): one prefix, then each suffix in turn.
const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

export function stemArabic(token: string): string {
  let word = token;
  for (const prefix of PREFIXES) {
    // و needs three letters left; the others two.
    const minimum = prefix.length === 1 ? 4 : prefix.length + 2;
    if (word.length >= minimum && word.startsWith(prefix)) {
      word = word.slice(prefix.length);
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (word.length >= suffix.length + 2 && word.endsWith(suffix)) word = word.slice(0, -suffix.length);
  }
  return word;
}

// Lucene's ASCIIFoldingFilter, for what reaches it inside a token: Latin letters and the apostrophes that join words.
const FOLDED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ĸ: 'q',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  Ŋ: 'N',
  '\u2018': "'",
  '\u2019': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\uFF07': "'",
  '\uFF0E': '.',
  '\u2024': '.',
};
const NEEDS_FOLDING = /[^\u0000-\u007F\u0600-\u06FF]/;
/** Latin letters with marks, and fullwidth ASCII: what the filter folds by decomposition. Symbols (™) stay. */
const FOLDABLE = /[\u00C0-\u024F\u1E00-\u1EFF\uFF01-\uFF5E\u2018\u2019\u201B\u2032\u2024]/g;

function foldToAscii(token: string): string {
  if (!NEEDS_FOLDING.test(token)) return token;
  return token.replace(FOLDABLE, (c) => {
    const folded = FOLDED[c] ?? c.normalize('NFKD').replace(/\p{M}/gu, '');
    return /^[\u0000-\u007F]+$/.test(folded) ? folded : c;
  });
}
