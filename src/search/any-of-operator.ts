import { QUOTED_SOURCE } from './quoted-phrases.js';

/** At most this many alternatives one query may spell out with OR: each is searched in its share of the clause limit. */
export const MAX_ALTERNATIVES = 4;

/** The longest name, in words, that OR takes whole (الرئيس الأمريكي دونالد ترامب). */
const LONGEST_NAME_WORDS = 5;

// A unit OR can join: words in parentheses, a phrase in quotes or a word, either left out (after a minus sign or NOT) or not.
const GROUP = `\\((?:${QUOTED_SOURCE}|[^()])*\\)`;
const UNIT = new RegExp(`(?:[-−]|NOT\\s+)?(?:${GROUP}|${QUOTED_SOURCE})|(?:NOT\\s+)?\\S+`, 'gu');
const GROUPED = /^([-−]|NOT\s+)?\((.*)\)$/su;
const PLAIN_WORD = /^[^-−"“”„«»()]\S*$/u;
const QUOTED_WHOLE = new RegExp(`^(?:${QUOTED_SOURCE})$`, 'u');

export class TooManyAlternativesError extends Error {
  constructor(count: number) {
    super(`at most ${MAX_ALTERNATIVES} alternatives joined by OR (this text spells out ${count})`);
    this.name = 'TooManyAlternativesError';
  }
}

/**
 * The texts a query's OR spells out, or undefined when it has none. OR in capitals joins the word,
 * quoted phrase, listed name or words in parentheses on each side of it, as boolean search writes it;
 * the other words belong to every alternative: `ترامب OR بايدن كوريا` is ترامب كوريا or بايدن كوريا,
 * `دونالد ترامب OR جو بايدن` (two names) either name, `(كيم OR بيونغ يانغ) ترامب` كيم ترامب or بيونغ يانغ ترامب.
 * AND in capitals is what words side by side already mean. An OR with nothing on one side is no operator.
 */
export function splitAlternatives(q: string, isName: (words: string) => boolean): string[] | undefined {
  if (!/(?<=\s)OR(?=\s)/u.test(q)) return undefined;
  const units = withNamesWhole(
    [...q.matchAll(UNIT)].map((match) => match[0]).filter((unit) => unit !== 'AND' && /[\p{L}\p{N}]/u.test(unit)),
    isName,
  );
  const slots: string[][] = [];
  let joining = false;
  for (const unit of units) {
    if (unit === 'OR') {
      joining = slots.length > 0;
      continue;
    }
    const options = optionsOf(unit, isName);
    const slot = slots.at(-1);
    if (!joining) slots.push(options);
    else slot!.push(...options.filter((option) => !slot!.includes(option)));
    joining = false;
  }
  // Parentheses are read even where they spell out one text (-(A OR B) C is C -A -B): their words are no words to search.
  if (!slots.some((slot) => slot.length > 1) && !units.some((unit) => GROUPED.test(unit))) return undefined;
  const count = slots.reduce((product, slot) => product * slot.length, 1);
  if (count > MAX_ALTERNATIVES) throw new TooManyAlternativesError(count);
  const alternatives = slots.reduce<string[][]>((texts, slot) => texts.flatMap((text) => slot.map((unit) => [...text, unit])), [[]]);
  return [...new Set(alternatives.map((units) => units.join(' ')))];
}

/**
 * What a unit stands for: words in parentheses for the alternatives their OR spells out, or for
 * themselves; left out, for each alternative left out (NOT (A OR B) is neither), one of several words
 * as a phrase. Any other unit for itself.
 */
function optionsOf(unit: string, isName: (words: string) => boolean): string[] {
  const group = GROUPED.exec(unit);
  if (!group) return [unit];
  const inner = group[2]!
    .replace(/(?<=^|\s)AND(?=\s|$)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const alternatives = splitAlternatives(inner, isName) ?? [inner];
  if (!group[1]) return alternatives;
  return [alternatives.map((text) => `-${/\s/u.test(text) && !QUOTED_WHOLE.test(text) ? `"${text}"` : text}`).join(' ')];
}

/** The units with each run of plain words that is a listed name joined into one, the longest first. */
function withNamesWhole(units: string[], isName: (words: string) => boolean): string[] {
  const joined: string[] = [];
  for (let start = 0; start < units.length;) {
    let length = Math.min(LONGEST_NAME_WORDS, units.length - start);
    for (; length > 1; length--) {
      const run = units.slice(start, start + length);
      if (run.every((unit) => unit !== 'OR' && PLAIN_WORD.test(unit)) && isName(run.join(' '))) break;
    }
    joined.push(units.slice(start, start + length).join(' '));
    start += length;
  }
  return joined;
}
