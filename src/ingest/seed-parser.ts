import { foldArabic } from '../analysis/arabic-rules.js';
import { findPublishedDate, isStandaloneDateLine, isTweetAttributionLine, toAsciiDigits } from './article-dates.js';
import { withoutUnservableCharacters } from '../unservable-characters.js';

/** Why a piece of the scraped text was cut from the article. */
export type RemovedKind = 'tweet-embed' | 'tweet-attribution' | 'repeated-headline' | 'pull-quote' | 'teaser' | 'byline' | 'dateline' | 'counter' | 'caption';

export interface RemovedText {
  kind: RemovedKind;
  text: string;
}

export interface ParsedArticle {
  id: string;
  title: string;
  /** Cleaned article text, paragraphs separated by "\n\n". */
  body: string;
  /** ISO date `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:00` when the page gave a time. */
  published?: string;
  /** What was cut, in document order, so ingest can report it. */
  removed: RemovedText[];
}

/** How an article's body separates its paragraphs, as prepared and stored. */
export const PARAGRAPH_BREAK = '\n\n';

const MAX_TITLE_LINE_WORDS = 20;
const MAX_DERIVED_TITLE_WORDS = 14;
// A cut shorter than this says too little to be a headline; fall back to the next rule instead.
const MIN_DERIVED_TITLE_WORDS = 6;
const MAX_CAPTION_WORDS = 6;
const MAX_BYLINE_WORDS = 3;
const MAX_BYLINE_CHARS = 25;
const MAX_PLACE_CHARS = 25;
// Below this a "repeat" is as likely a common phrase (a name, a title) as a copied paragraph.
const MIN_REPEAT_WORDS = 6;
// Pull quotes are edited copies (`وناقش الطرفان "القضايا…` → `المسؤولان ناقشا القضايا…`), so most, not all, of their words recur.
const PULL_QUOTE_OVERLAP = 0.85;

const CLOSERS = `["'»”’)\\]]*`;
const SENTENCE_END = new RegExp(`[.!?؟…]${CLOSERS}$`, 'u');
const ANY_FINAL_PUNCTUATION = new RegExp(`[.!?؟…:،,;؛]${CLOSERS}$`, 'u');
const CLAUSE_PUNCTUATION_END = /[،,;؛:]$/u;
const ELLIPSIS_END = new RegExp(`(?:…|\\.{3})${CLOSERS}$`, 'u');
const TWEET_EMBED = /pic\.twitter\.com\/\w+/iu;
const COUNTER = /^\d{1,6}(?: (?:تعليق|تعليقات|مشاهدة|مشاهدات|comments?|views?))?$/iu;
const BYLINE = /^[\p{L}\p{M}. ]+$/u;
// `الجزائر – مثّل لقاء…`: one to three words of place name, then a spaced dash.
const PLACE_DATELINE = /^([\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2})(?: [–—-] ?| ?[–—-] )(?=\S)/u;
const LEADING_BULLET = /^[·•●▪◦]+ ?/u;

// Words that open a new clause: a natural place to end a headline cut from the lead.
const CLAUSE_STARTERS = new Set(
  [
    'التي',
    'الذي',
    'الذين',
    'اللذين',
    'اللتين',
    'اللواتي',
    'حيث',
    'خلال',
    'بعد',
    'قبل',
    'عقب',
    'إثر',
    'منذ',
    'بينما',
    'فيما',
    'كما',
    'لاسيما',
    'مما',
    'وسط',
    'بسبب',
    'ضمن',
  ].map((word) => foldArabic(word)),
);

/**
 * Splits scraped text into clean lines: NBSP and other Unicode spaces, controls and lone surrogates become spaces, invisible format
 * characters (zero-width space, word joiner, BOM, bidi marks, soft hyphen) go, runs of spaces collapse, each line is
 * trimmed, a leading bullet (`· `) is dropped and empty lines are discarded.
 */
export function normalizeLines(rawText: string): string[] {
  const spaced = rawText.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ');
  // A control character (NUL) or a lone surrogate would make a feed unreadable: it may have parted two words.
  return withoutUnservableCharacters(spaced, ' ')
    .replace(/[\u200b\u200e\u200f\u061c\u2060\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim().replace(LEADING_BULLET, '').trim())
    .filter((line) => line.length > 0);
}

function wordsOf(text: string): string[] {
  return text.split(' ').filter((word) => word.length > 0);
}

/** Comparison tokens: folded letters and digits only, so quotes, commas and hamza spelling do not hide a copy. */
function tokensOf(text: string): string[] {
  return foldArabic(toAsciiDigits(text))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  return ` ${haystack.join(' ')} `.includes(` ${needle.join(' ')} `);
}

/** Length of the longest run of consecutive tokens shared by `a` and `b`. */
function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        const run = (previous[j - 1] ?? 0) + 1;
        current[j] = run;
        if (run > best) best = run;
      }
    }
    previous = current;
  }
  return best;
}

function trimTrailingPunctuation(text: string): string {
  return text.replace(/[\s.,،;؛:!?؟…–—-]+$/u, '');
}

function isTitleLine(line: string): boolean {
  const count = wordsOf(line).length;
  return (
    count >= 2 &&
    count <= MAX_TITLE_LINE_WORDS &&
    !SENTENCE_END.test(line) &&
    !TWEET_EMBED.test(line) &&
    !isTweetAttributionLine(line) &&
    !isStandaloneDateLine(line)
  );
}

/**
 * Derives a headline from the lead when the page has no title line.
 *
 * Rule: if the first sentence has at most 14 words it is the title (final period dropped). Otherwise the
 * lead is cut after at most 14 words, at the latest natural boundary, in this order of preference:
 * after a clause punctuation mark (`،` `,` `;` `:`), else before a word that opens a clause (`التي`,
 * `خلال`, `حيث`, …), else hard at 14 words; a cut never keeps fewer than 6 words. A cut title ends in `…`.
 */
export function deriveTitle(lead: string): string {
  const words = wordsOf(lead);
  const sentenceEnd = words.findIndex((word) => SENTENCE_END.test(word));
  if (sentenceEnd !== -1 && sentenceEnd < MAX_DERIVED_TITLE_WORDS) {
    return trimTrailingPunctuation(words.slice(0, sentenceEnd + 1).join(' '));
  }
  if (words.length <= MAX_DERIVED_TITLE_WORDS) return trimTrailingPunctuation(words.join(' '));

  let cut: number | undefined;
  for (let keep = MAX_DERIVED_TITLE_WORDS; keep >= MIN_DERIVED_TITLE_WORDS && cut === undefined; keep--) {
    if (CLAUSE_PUNCTUATION_END.test(words[keep - 1] ?? '')) cut = keep;
  }
  for (let keep = MAX_DERIVED_TITLE_WORDS; keep >= MIN_DERIVED_TITLE_WORDS && cut === undefined; keep--) {
    const [next] = tokensOf(words[keep] ?? '');
    if (next !== undefined && CLAUSE_STARTERS.has(next)) cut = keep;
  }
  return `${trimTrailingPunctuation(words.slice(0, cut ?? MAX_DERIVED_TITLE_WORDS).join(' '))}…`;
}

/** A paragraph ending in an ellipsis whose last complete words recur elsewhere: a truncated copy (teaser). */
function isTruncatedCopy(text: string, others: readonly string[]): boolean {
  if (!ELLIPSIS_END.test(text)) return false;
  // The word touching the ellipsis may be cut mid-word, so it is left out of the comparison.
  const tail = tokensOf(text.replace(ELLIPSIS_END, '')).slice(-7, -1);
  if (tail.length < 4) return false;
  return others.some((other) => containsRun(tokensOf(other), tail));
}

function isCaptionShape(text: string): boolean {
  return wordsOf(text).length <= MAX_CAPTION_WORDS && !ANY_FINAL_PUNCTUATION.test(text);
}

function isBylineShape(text: string): boolean {
  return wordsOf(text).length <= MAX_BYLINE_WORDS && text.length <= MAX_BYLINE_CHARS && BYLINE.test(text) && !text.endsWith('.');
}

interface Block {
  text: string;
  kind?: RemovedKind;
}

/**
 * Parses one scraped seed file into article fields.
 *
 * Cuts page furniture (tweet embeds and their attribution lines, comment counters, standalone date lines,
 * the image caption under the date, a teaser that truncates the lead, the headline repeated above the
 * body, pull quotes copied from the body, a trailing byline, a place dateline before the lead) and
 * reports each cut in `removed`. The first line is the title when it is short and not a sentence;
 * otherwise the title is derived from the lead (see {@link deriveTitle}) and the body keeps the lead.
 * Body wording is left as scraped: run-together words are fixed by a later stage.
 *
 * @param id the seed's id (its file stem)
 * @param rawText the file's text
 */
export function parseSeedArticle(id: string, rawText: string): ParsedArticle {
  const lines = normalizeLines(rawText);
  const published = findPublishedDate(lines);
  const titleLine = lines.length > 1 && lines[0] !== undefined && isTitleLine(lines[0]) ? lines[0] : undefined;
  const blocks: Block[] = (titleLine === undefined ? lines : lines.slice(1)).map((text) => ({ text }));
  const kept = () => blocks.filter((block) => block.kind === undefined);
  const titleTokens = titleLine === undefined ? undefined : tokensOf(titleLine).join(' ');

  // Line-shaped furniture, recognised on the line alone.
  for (const block of blocks) {
    const { text } = block;
    if (TWEET_EMBED.test(text)) block.kind = 'tweet-embed';
    else if (isTweetAttributionLine(text)) block.kind = 'tweet-attribution';
    else if (COUNTER.test(toAsciiDigits(text))) block.kind = 'counter';
    else if (titleTokens !== undefined && tokensOf(text).join(' ') === titleTokens) block.kind = 'repeated-headline';
    else if (isStandaloneDateLine(text)) block.kind = 'dateline';
  }

  // Teasers before repeats: a teaser also contains the standfirst and would make it look like a copy.
  for (const block of kept()) {
    const others = kept()
      .filter((other) => other !== block)
      .map((other) => other.text);
    if (isTruncatedCopy(block.text, others)) block.kind = 'teaser';
  }

  // The image caption sits right under the page's date line, before the lead.
  blocks.forEach((block, index) => {
    if (block.kind !== 'dateline') return;
    const nextIndex = blocks.findIndex((other, j) => j > index && other.kind === undefined);
    const next = blocks[nextIndex];
    const hasMore = blocks.some((other, j) => j > nextIndex && other.kind === undefined);
    if (next && hasMore && isCaptionShape(next.text)) next.kind = 'caption';
  });

  const remaining = kept();
  const last = remaining[remaining.length - 1];
  if (last && remaining.length > 1 && isBylineShape(last.text)) last.kind = 'byline';

  // A standfirst under a title line summarises the body, so heavy overlap is expected there; only an exact copy is cut.
  const firstKept = kept()[0];
  const standfirst = titleLine !== undefined && firstKept && !SENTENCE_END.test(firstKept.text) ? firstKept : undefined;
  for (const block of kept()) {
    const tokens = tokensOf(block.text);
    if (tokens.length < MIN_REPEAT_WORDS) continue;
    const threshold = block === standfirst ? 1 : PULL_QUOTE_OVERLAP;
    const copied = kept().some((other) => {
      if (other === block) return false;
      const otherTokens = tokensOf(other.text);
      // Keep the longer text; of two equal copies keep the first.
      if (otherTokens.length < tokens.length) return false;
      if (otherTokens.length === tokens.length && blocks.indexOf(other) > blocks.indexOf(block)) return false;
      return longestCommonRun(tokens, otherTokens) / tokens.length >= threshold;
    });
    if (copied) block.kind = 'pull-quote';
  }

  const removed: (RemovedText & { at: number })[] = blocks.flatMap((block, at) =>
    block.kind === undefined ? [] : [{ kind: block.kind, text: block.text, at }],
  );

  // The lead is the first paragraph after the page's date line, or the first paragraph when there is none.
  const dateIndex = blocks.findIndex((block) => block.kind === 'dateline');
  const lead = blocks.find((block, index) => index > dateIndex && block.kind === undefined);
  if (lead) {
    const place = PLACE_DATELINE.exec(lead.text);
    const rest = place ? lead.text.slice(place[0].length) : '';
    // Only before a real sentence: a title-like `جزائري – أميركي` fragment must not lose its first word.
    if (place && (place[1] ?? '').length <= MAX_PLACE_CHARS && wordsOf(rest).length >= 8 && SENTENCE_END.test(rest)) {
      removed.push({ kind: 'dateline', text: place[0].trim(), at: blocks.indexOf(lead) });
      lead.text = rest;
    }
  }

  const paragraphs = kept().map((block) => block.text);
  const title = titleLine ?? (paragraphs[0] === undefined ? '' : deriveTitle(paragraphs[0]));

  return {
    id,
    title,
    body: paragraphs.join(PARAGRAPH_BREAK),
    ...(published === undefined ? {} : { published }),
    removed: removed.sort((a, b) => a.at - b.at).map(({ kind, text }) => ({ kind, text })),
  };
}
