import { createHash } from 'node:crypto';
import { PARAGRAPH_BREAK } from './seed-parser.js';
import { lettersAndDigits, wordCount } from '../analysis/letters-and-digits.js';
import { withoutDateline } from './dateline.js';

/**
 * An outlet may close an article with the first paragraphs of its other stories, each a link on the
 * page ("read also"): CNN does so, five paragraphs, each another story's lead or abstract without its
 * dateline (docs/ingest-and-benchmarks.md has the figures). Searched as the article's text, they made it a
 * hit for those stories (a Khashoggi query listed an article on a detained student) and tagged it with
 * their people and places. Such a paragraph is recognised as another article's lead, from the same
 * outlet, and the block is cut from the searched text into `teasers`.
 */

/** The last paragraphs keyed: CNN's block is five; one more leaves room for a closing line after it. */
export const TAIL_PARAGRAPHS = 6;
/** A shorter paragraph ("شاهد الفيديو") recurs in many articles without being any story's lead. */
const LEAD_MIN_WORDS = 8;
/**
 * Leads of other stories among an article's last paragraphs that make a block of teasers. One alone
 * may be background the story repeats from an earlier report (7 ANT articles outside CNN do so, with
 * paragraphs of their own after it).
 */
const LEADS_FOR_A_BLOCK = 2;

/** A paragraph's key within its outlet: its words without a dateline; none for a short paragraph. */
export function paragraphKey(source: string, paragraph: string): string | undefined {
  // The teaser leaves the lead's dateline out.
  const words = lettersAndDigits(withoutDateline(paragraph));
  if (wordCount(words) < LEAD_MIN_WORDS) return undefined;
  return createHash('sha1').update(`${source}\n${words}`).digest('hex').slice(0, 24);
}

/**
 * How an article's teaser may read (its first paragraph, and the abstract its feed gives: CNN's
 * teasers are the abstracts, which 1,336 times in ANT differ from the lead), and the last paragraphs
 * that could be other stories' teasers (never the first one).
 */
export interface LeadKeys {
  leadKeys: string[];
  tailKeys: string[];
}

export function leadKeysOf(source: string, body: string, abstract?: string): LeadKeys {
  const paragraphs = body.split(PARAGRAPH_BREAK);
  const keysOf = (texts: (string | undefined)[]) => [...new Set(texts.flatMap((text) => (text ? (paragraphKey(source, text) ?? []) : [])))];
  const tail = paragraphs.slice(Math.max(1, paragraphs.length - TAIL_PARAGRAPHS));
  return { leadKeys: keysOf([paragraphs[0], abstract]), tailKeys: keysOf(tail) };
}

/** An article's text with the teasers it ends with cut into `teasers`. */
export interface WithoutTeasers {
  body: string;
  /** The text as published, cut where `body` is. */
  bodyOriginal?: string;
  /** The paragraphs cut, as published, those of any cut before after them. */
  teasers?: string[];
  tailKeys: string[];
}

/**
 * Cuts the block of teasers an article ends with. Where the outlet's block is known to be
 * `blockParagraphs` long, its last that many paragraphs once one of them is a known lead of the same
 * outlet (a teaser's story may not be stored: CNN's ANT articles show 5, one in the corpus or more);
 * else from the first of its last paragraphs that is a known lead, once two of them are. Where a block
 * was cut before, only known leads right before it join it: a lead further up is background the
 * story repeats. `undefined` when nothing is cut.
 */
export function cutTeasers(
  article: { source: string; body: string; bodyOriginal?: string; teasers?: string[] },
  isLead: (key: string) => boolean,
  blockParagraphs?: number,
): WithoutTeasers | undefined {
  const published = (article.bodyOriginal ?? article.body).split(PARAGRAPH_BREAK);
  const indexed = article.body.split(PARAGRAPH_BREAK);
  // Run-on repair keeps paragraphs; should it not, the two texts could not be cut alike.
  if (published.length !== indexed.length) return undefined;
  const isLeadAt = (index: number) => {
    const key = paragraphKey(article.source, published[index]!);
    return key !== undefined && isLead(key);
  };
  // A text no longer than the block is not an article followed by one.
  const block = blockParagraphs !== undefined && published.length > blockParagraphs ? blockParagraphs : undefined;
  let start: number;
  if (article.teasers !== undefined) {
    if (block !== undefined) return undefined; // the whole block went the first time
    for (start = published.length; start > 1 && isLeadAt(start - 1); start--);
  } else {
    const from = Math.max(1, published.length - (block ?? TAIL_PARAGRAPHS));
    const leads = published.flatMap((_, index) => (index >= from && isLeadAt(index) ? [index] : []));
    if (leads.length < (block !== undefined ? 1 : LEADS_FOR_A_BLOCK)) return undefined;
    start = block !== undefined ? from : leads[0]!;
  }
  if (start === published.length) return undefined;
  const keptPublished = published.slice(0, start).join(PARAGRAPH_BREAK);
  return {
    body: indexed.slice(0, start).join(PARAGRAPH_BREAK),
    ...(article.bodyOriginal !== undefined ? { bodyOriginal: keptPublished } : {}),
    teasers: [...published.slice(start), ...(article.teasers ?? [])],
    tailKeys: leadKeysOf(article.source, keptPublished).tailKeys,
  };
}

/** A line that links another story of the outlet: "اقرأ أيضا: …", "للمزيد - …", "قد يهمك.. …", "شاهد.. …". */
const LINK_CUE = String.raw`(?:(?:اقرأ|إقرأ|اقرا)(?:\s+(?:أيضا|أيضاً|ايضا|المزيد))?|شاهد|أيضا|أيضاً|قد يهمك|للمزيد)`;
// CNN writes "اقرأ أيضا|" and "قد يهمك|", a bar between cue and headline.
const LINK_SEPARATOR = String.raw`(?:\.{2,}|…|:|/|-|–|\|)`;
const LINK_LINE = new RegExp(String.raw`^${LINK_CUE}\s*${LINK_SEPARATOR}\s*\S`, 'u');
/** The cue alone ("اقرأ أيضاً:"), the links' headlines on the lines after it. */
const LINK_HEADER = new RegExp(String.raw`^${LINK_CUE}\s*${LINK_SEPARATOR}?$`, 'u');
/**
 * A headline under a link header: short, ending in no full stop (BBC's headlines end with none, or a
 * ؟), and not begun with و, as the article's next paragraph usually is; at most a few of them.
 */
const HEADLINE_MAX_WORDS = 20;
const HEADLINES_UNDER_A_HEADER = 5;
const NO_HEADLINE = /[.:!]$|^و/u;

/**
 * The lines of an article that link other stories of its outlet, taken out of its text (never the
 * first paragraph), each another story's headline (France 24, CNN and BBC in ANT: the figures are in
 * docs/ingest-and-benchmarks.md).
 */
export function withoutLinkLines(body: string): { body: string; links: string[] } {
  const kept: string[] = [];
  const links: string[] = [];
  // Headlines still to be taken under the last header: 0 outside one.
  let headlinesLeft = 0;
  body.split(PARAGRAPH_BREAK).forEach((paragraph, index) => {
    const headline = headlinesLeft > 0 && paragraph.split(/\s+/u).length <= HEADLINE_MAX_WORDS && !NO_HEADLINE.test(paragraph);
    const header = index > 0 && LINK_HEADER.test(paragraph);
    headlinesLeft = header ? HEADLINES_UNDER_A_HEADER : headline ? headlinesLeft - 1 : 0;
    if (index > 0 && (header || headline || LINK_LINE.test(paragraph))) links.push(paragraph);
    else kept.push(paragraph);
  });
  return { body: kept.join(PARAGRAPH_BREAK), links };
}
