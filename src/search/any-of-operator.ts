import { QUOTED_SOURCE } from './quoted-phrases.js';

/** At most this many alternatives one query may spell out with OR: each is searched in its share of the clause limit. */
export const MAX_ALTERNATIVES = 4;

/** The longest name, in words, that OR takes whole (الرئيس الأمريكي دونالد ترامب). */
const LONGEST_NAME_WORDS = 5;

// A unit OR can join: a phrase in quotes or a word, either left out (after a minus sign or NOT) or not.
const UNIT = new RegExp(`(?:[-−]|NOT\\s+)?(?:${QUOTED_SOURCE})|(?:NOT\\s+)?\\S+`, 'gu');
const PLAIN_WORD = /^[^-−"“”„«»]\S*$/u;

export class TooManyAlternativesError extends Error {
  constructor(count: number) {
    super(`at most ${MAX_ALTERNATIVES} alternatives joined by OR (this text spells out ${count})`);
    this.name = 'TooManyAlternativesError';
  }
}

/**
 * The texts a query's OR spells out, or undefined when it has none. OR in capitals joins the word,
 * quoted phrase or listed name on each side of it, as boolean search writes it; the other words belong
 * to every alternative: `ترامب OR بايدن كوريا` is ترامب كوريا or بايدن كوريا, and `دونالد ترامب OR جو بايدن`
 * (two names) is either name. An OR with nothing on one side is no operator.
 */
export function splitAlternatives(q: string, isName: (words: string) => boolean): string[] | undefined {
  if (!/(?<=\s)OR(?=\s)/u.test(q)) return undefined;
  const units = withNamesWhole(
    [...q.matchAll(UNIT)].map((match) => match[0]),
    isName,
  );
  const slots: string[][] = [];
  let joining = false;
  for (const unit of units) {
    if (unit === 'OR') {
      joining = slots.length > 0;
      continue;
    }
    const slot = slots.at(-1);
    if (!joining) slots.push([unit]);
    else if (!slot!.includes(unit)) slot!.push(unit);
    joining = false;
  }
  if (!slots.some((slot) => slot.length > 1)) return undefined;
  const count = slots.reduce((product, slot) => product * slot.length, 1);
  if (count > MAX_ALTERNATIVES) throw new TooManyAlternativesError(count);
  const alternatives = slots.reduce<string[][]>((texts, slot) => texts.flatMap((text) => slot.map((unit) => [...text, unit])), [[]]);
  return [...new Set(alternatives.map((units) => units.join(' ')))];
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
