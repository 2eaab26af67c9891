import { QUOTED_SOURCE } from './quoted-phrases.js';
import { MINUS_CHARACTERS, MINUS_SIGN } from './excluded-terms.js';
import { LONGEST_LISTED_SPELLING } from './english-words.js';

/** At most this many alternatives one query may spell out with OR: each ranks in its share of the clause limit. */
export const MAX_ALTERNATIVES = 8;

/** Every slot must hold; a slot holds where any of its operands does. */
export type AllOf = AnyOf[];
/** A text (a word, a quoted phrase, a name, words left out), or words in parentheses holding as a whole. */
export type AnyOf = (string | AllOf)[];

/** What a query's OR asks for: the texts it spells out, and the same logic without spelling it out. */
export interface AnyOfQuery {
  /** Each combination of one operand a slot, as a text of its own: what ranks, and what the answer names. */
  alternatives: string[];
  /** Each alternative's operands (texts of `required`), in the same order: what it must hold. */
  operandsOf: string[][];
  /** The slots and their operands: what an article must hold, written once each (its size grows as the words, not as the alternatives). */
  required: AllOf;
}

/** Operators a search cannot read one way only (a group left out that leaves out words itself, `site:` on one side of OR). */
export class QueryLogicError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryLogicError';
  }
}

export class TooManyAlternativesError extends Error {
  constructor(count: number) {
    super(`at most ${MAX_ALTERNATIVES} alternatives joined by OR (this text spells out ${count})`);
    this.name = 'TooManyAlternativesError';
  }
}

const QUOTED_AT_START = new RegExp(`^(?:${QUOTED_SOURCE})`, 'u');
const QUOTED_WHOLE = new RegExp(`^(?:${QUOTED_SOURCE})$`, 'u');
const OR = new Set(['OR', '|', '||']);
const LEFT_OUT = new RegExp(`^(?:${MINUS_SIGN}|NOT\\s+)$`, 'u');
const LEFT_OUT_GROUP = new RegExp(`^(?:${MINUS_SIGN}|NOT\\s+)(?=[("“”„«»])`, 'u');
const PLAIN_WORD = new RegExp(`^[^"“”„«»${MINUS_CHARACTERS}]\\S*$`, 'u');

/** Whether a word of a query is OR, as `splitAlternatives` reads it. */
export function isOrOperator(word: string): boolean {
  return OR.has(word);
}

/** A unit of the text: a word or a phrase as typed, or words in parentheses (`inner`), left out or not. */
type Unit = { text: string } | { inner: string; leftOut: boolean };

/**
 * What a query's OR asks for, or undefined when it has none. OR in capitals (or `|`) joins the word,
 * quoted phrase, listed name or words in parentheses on each side of it, as boolean search writes it;
 * the other words belong to every alternative: `ترامب OR بايدن كوريا` is ترامب كوريا or بايدن كوريا,
 * `دونالد ترامب OR جو بايدن` (two names) either name, `(كيم OR بيونغ يانغ) ترامب` كيم ترامب or بيونغ يانغ ترامب.
 * Parentheses nest. AND in capitals is what words side by side already mean. An OR with nothing on one
 * side is no operator.
 */
export function splitAlternatives(q: string, isName: (words: string) => boolean): AnyOfQuery | undefined {
  if (!q.split(/[\s()]+/u).some(isOrOperator)) return undefined;
  const required = parseAllOf(q, isName);
  if (!required.some((slot) => slot.length > 1) && !/[()]/u.test(q)) return undefined;
  const count = countOf(required);
  if (count > MAX_ALTERNATIVES) throw new TooManyAlternativesError(count);
  const byText = new Map(operandPaths(required).map((operands) => [operands.join(' '), operands]));
  return { alternatives: [...byText.keys()], operandsOf: [...byText.values()], required };
}

function parseAllOf(text: string, isName: (words: string) => boolean): AllOf {
  const slots: AllOf = [];
  let joining = false;
  for (const unit of withNamesWhole(unitsOf(text), isName)) {
    if ('text' in unit && OR.has(unit.text)) {
      joining = slots.length > 0;
      continue;
    }
    const options = optionsOf(unit, isName);
    if (options.length === 0) continue;
    const slot = slots.at(-1);
    if (!joining || !slot) slots.push(options);
    else for (const option of options) if (!slot.some((held) => JSON.stringify(held) === JSON.stringify(option))) slot.push(option);
    joining = false;
  }
  return slots;
}

/**
 * What a unit stands for in a slot: a text for itself; words in parentheses for the operands of their
 * one slot, or for themselves as a whole; left out, for each of their alternatives left out (NOT (A OR B)
 * is neither), one of several words as a phrase.
 */
function optionsOf(unit: Unit, isName: (words: string) => boolean): AnyOf {
  if ('text' in unit) return unit.text === 'AND' || !/[\p{L}\p{N}]/u.test(unit.text) ? [] : [unit.text];
  const inner = parseAllOf(unit.inner, isName);
  if (inner.length === 0) return [];
  if (unit.leftOut) {
    const texts = spelledOut(inner);
    // NOT (A NOT B) is A's articles without B's left out, which no list of words left out says.
    if (texts.some((text) => /(?:^|\s)(?:[-−–]|NOT\s)/u.test(text)))
      throw new QueryLogicError(
        'a group left out cannot leave out words itself (-(كوريا -الصين)): write the words to leave out, each after its own minus sign',
      );
    return [texts.map((text) => `-${/\s/u.test(text) && !QUOTED_WHOLE.test(text) ? `"${text}"` : text}`).join(' ')];
  }
  return inner.length === 1 ? inner[0]! : [inner];
}

/** The texts all the slots spell out, one operand of each. */
function spelledOut(required: AllOf): string[] {
  return operandPaths(required).map((operands) => operands.join(' '));
}

/** The operands each combination of one operand a slot holds. */
function operandPaths(required: AllOf): string[][] {
  return required.reduce<string[][]>(
    (paths, slot) =>
      paths.flatMap((path) => slot.flatMap((operand) => (typeof operand === 'string' ? [[operand]] : operandPaths(operand)).map((part) => [...path, ...part]))),
    [[]],
  );
}

/** How many texts the slots spell out. */
function countOf(required: AllOf): number {
  return required.reduce((product, slot) => product * slot.reduce((sum, operand) => sum + (typeof operand === 'string' ? 1 : countOf(operand)), 0), 1);
}

/** The text's units: quoted phrases, words, and words in balanced parentheses (a parenthesis left unmatched is no unit). */
function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/u.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const leftOut = LEFT_OUT_GROUP.exec(rest)?.[0];
    const after = rest.slice(leftOut?.length ?? 0);
    if (after.startsWith('(')) {
      const end = closingOf(after);
      if (end > 0) {
        units.push({ inner: after.slice(1, end), leftOut: leftOut !== undefined });
        at += (leftOut?.length ?? 0) + end + 1;
        continue;
      }
      at += (leftOut?.length ?? 0) + 1;
      continue;
    }
    const quoted = QUOTED_AT_START.exec(after)?.[0];
    if (quoted) {
      units.push({ text: `${leftOut ?? ''}${quoted}` });
      at += (leftOut?.length ?? 0) + quoted.length;
      continue;
    }
    // A word, up to a parenthesis; NOT before a word stays with it, as a minus sign does.
    const word = /^(?:NOT\s+)?[^\s()]+|^\)/u.exec(rest)![0];
    if (word !== ')' && !LEFT_OUT.test(word)) units.push({ text: word.replace(/^NOT\s+/u, '-') });
    at += word.length;
  }
  return units;
}

/** Where the parenthesis opening `text` closes, skipping quoted phrases; 0 where it does not. */
function closingOf(text: string): number {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const quoted = QUOTED_AT_START.exec(text.slice(at))?.[0];
    if (quoted) {
      at += quoted.length - 1;
      continue;
    }
    if (text[at] === '(') depth++;
    else if (text[at] === ')' && --depth === 0) return at;
  }
  return 0;
}

/** The units with each run of plain words that is a listed name joined into one, the longest first. */
function withNamesWhole(units: Unit[], isName: (words: string) => boolean): Unit[] {
  const joined: Unit[] = [];
  const plain = (unit: Unit | undefined): unit is { text: string } => unit !== undefined && 'text' in unit && !OR.has(unit.text) && PLAIN_WORD.test(unit.text);
  for (let start = 0; start < units.length;) {
    let length = Math.min(LONGEST_LISTED_SPELLING, units.length - start);
    for (; length > 1; length--) {
      const run = units.slice(start, start + length);
      if (run.every(plain) && isName(run.map((unit) => unit.text).join(' '))) break;
    }
    joined.push(length > 1 ? { text: (units.slice(start, start + length) as { text: string }[]).map((unit) => unit.text).join(' ') } : units[start]!);
    start += length;
  }
  return joined;
}
