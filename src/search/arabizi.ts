import type { WordFrequencies } from '../ingest/run-on-repair.js';

/**
 * Arabic words typed in Latin letters, as Arab readers type them (masr, loubnan, el 3ira9, 7arb):
 * each read as the corpus word it sounds like. Letters are compared by sound classes (a typed s is
 * س or ص, h ه or ح, t ت or ط; a digit is its one or two letters: 7 ح, 6 ط, 3 ع, 5 خ, 9 ق or ص, 8 غ
 * or ق, 2 a hamza or ق, which Cairo and Beirut say alike: 2odos, القدس), the consonants must agree,
 * and the vowels, which Arabic writes only when long, weigh against the word's frequency in the news.
 */

/** Each Arabic letter's sound class: a consonant's letter, `a`/`i`/`u` for the letters that write vowels, 3 for ع, 2 for hamza, alone or on its seat (ئ: 2i, typed ra2ees or raees; إ, said i: 2i, Idlib). */
const ARABIC_SOUNDS = new Map(
  'ب:b تث:t ط:T ج:j ح:H ه:h خ:x دض:d ذزظ:z ر:r س:s ص:S ش:c غ:g ف:f ق:q ك:k ل:l م:m ن:n اىة:a أآ:2a إ:2i و:u ؤ:2u ي:i ئ:2i ع:3 ء:2'
    .split(' ')
    .flatMap((group) => {
      const [letters, sound] = group.split(':') as [string, string];
      return [...letters].map((letter) => [letter, sound] as const);
    }),
);

/**
 * Latin letters and digits to the sound classes they may stand for (`/` between readings), two letters
 * before one (kh, sh, ou …). A vowel typed double is long, A I U, which Arabic writes (Mahmood: محمود, not محمد).
 */
const LATIN_SOUNDS: [string, string[]][] = (
  'aa:A/a3a ii:I uu:U kh:x sh:c ch:c gh:g th:t/z dh:d/z dj:j ph:f ou:u oo:U ee:I ' +
  'b:b p:b t:t/T j:j g:j/g h:h/H 7:H 5:x d:d/z z:z r:r s:s/S c:k/s/S q:q k:k/q 9:q/S 8:g/q 6:T f:f v:f l:l m:m n:n ' +
  'a:a e:i i:i y:i o:u u:u w:u 3:3 2:2/q'
)
  .split(' ')
  .map((entry) => {
    const [letters, sounds] = entry.split(':') as [string, string];
    return [letters, sounds.split('/')];
  });

/** The digits typed for Arabic letters (3 ع, 7 ح …), read from the table so that a digit added there counts everywhere. */
export const ARABIC_LETTER_DIGITS = LATIN_SOUNDS.map(([letters]) => letters)
  .filter((letters) => /^\d$/u.test(letters))
  .join('');

const SOUNDLESS = /[aiuAIU32]/gu;
/** A Latin consonant, which typed twice is one Arabic letter. */
const DOUBLED_CONSONANT = /^[b-df-hj-np-tv-z]$/u;
/** At most this many readings of a typed word's ambiguous letters (g: ج or غ, k: ك or ق …) are looked up. */
const MAX_READINGS = 64;
/** The commonest words of a consonant skeleton are kept: enough for a typed word's vowels to choose among (h-l holds هل, حل, الحالي … and الأهلي). */
const WORDS_A_SKELETON = 16;
/** A word the news writes less often than this is no reading: a rare word that sounds alike is likelier a slip. */
export const MIN_ARABIZI_FREQUENCY = 10;
/** How much a tenfold commoner word outweighs one vowel unlike the typed word's. */
const FREQUENCY_WEIGHT = 0.5;
/** A reading whose vowels differ more than this from what was typed is none. */
const MAX_VOWEL_DISTANCE = 1.5;
/** Two consonants say little (Omar and مرة, "once"; emir and مرة too): such a reading must near match its vowels (souriya: سوريا). */
const MAX_VOWEL_DISTANCE_OF_TWO = 0.6;
/**
 * Arabic has no p or v: a word typed with one is a foreign name (Museveni, Peshawar, Pulwama), no
 * Arabic typed in Latin letters, and the news writes such a name's vowels (موسيفيني, بيشاور). It is
 * read only as a word whose vowels near match, or match outright where two consonants say little
 * (Museveni had read مسعفين, Peshawar بشار, Aliyev ألف, Azov عزوف).
 */
const FOREIGN_LETTER = /[pv]/u;

/** How far a reading's vowels may be from what was typed. */
function maxVowelDistance(consonants: number, foreign: boolean): number {
  if (foreign) return consonants === 2 ? 0 : MAX_VOWEL_DISTANCE_OF_TWO;
  return consonants === 2 ? MAX_VOWEL_DISTANCE_OF_TWO : MAX_VOWEL_DISTANCE;
}

interface Reading {
  word: string;
  /** Without the article, where the word has it. */
  sounds: string;
  frequency: number;
  article: boolean;
  /** A word the search drops (من, بعد, الذين). */
  stopword: boolean;
  /** Its ة said t: a reading only of a word typed ending so (mubarat), never of a t within one (Tantawi is no ثانية). */
  finalT: boolean;
}

/** Sounds with each run of one sound once (hassan: hasan), as spelling doubles a letter where Arabic writes it once. */
function once(sounds: string): string {
  return sounds.replace(/(.)\1+/gu, '$1');
}

/** The consonants of sounds: what must agree. */
function skeletonOf(sounds: string): string {
  return sounds.replace(SOUNDLESS, '');
}

/** An Arabic word's sounds, or undefined for a word with a letter outside the table. A first و or ي is a consonant (وزير, يمن). */
export function arabicSounds(word: string): string | undefined {
  let sounds = word.startsWith('و') ? 'w' : word.startsWith('ي') ? 'y' : '';
  for (const letter of sounds ? word.slice(1) : word) {
    const sound = ARABIC_SOUNDS.get(letter);
    if (sound === undefined) return undefined;
    sounds += sound;
  }
  return once(sounds);
}

/** The sounds a Latin word may stand for, every reading of its ambiguous letters (at most MAX_READINGS). */
export function latinSounds(word: string): string[] {
  const first = /^[wy]/u.test(word) ? word[0]! : '';
  let readings = [first];
  for (let at = first.length; at < word.length;) {
    const match = LATIN_SOUNDS.find(([letters]) => word.startsWith(letters, at));
    if (!match) return [];
    const [letters, sounds] = match;
    readings = readings.flatMap((reading) => sounds.map((sound) => reading + sound)).slice(0, MAX_READINGS);
    // A consonant typed double is one letter (hassan: one س or one ص, never both).
    at += letters.length === 1 && word[at + 1] === letters && DOUBLED_CONSONANT.test(letters) ? 2 : letters.length;
  }
  return readings.map(once);
}

/** Whether a Latin word and an Arabic one have the same consonants, the article aside (omar and عمر, tarek and طارق; not mazen and عباس). */
export function consonantsAgree(latin: string, arabic: string): boolean {
  const written = arabicSounds(arabic.startsWith('ال') && arabic.length > 3 ? arabic.slice(2) : arabic);
  if (written === undefined) return false;
  const skeleton = skeletonOf(written);
  return latinSounds(latin.toLowerCase()).some((sounds) => skeletonOf(sounds) === skeleton);
}

/** What a typed sound the written word lacks costs: a short vowel 0.3, a long vowel, or a 3 or 2 typed for ع or hamza, 1, a consonant never. */
function typedAlone(sound: string): number {
  return /[aiu]/u.test(sound) ? 0.3 : /[AIU32]/u.test(sound) ? 1 : Number.POSITIVE_INFINITY;
}

/** What a written sound the typed word lacks costs: a hamza nothing (raees, masoul, ahly), a vowel or ع 0.3 (short vowels and ع go untyped), a consonant never. */
function writtenAlone(sound: string): number {
  return sound === '2' ? 0 : /[aiu3]/u.test(sound) ? 0.3 : Number.POSITIVE_INFINITY;
}

/** A long vowel typed (A I U) is written as its letter (ا و ي), the sound of the short one. */
const SHORT_OF_LONG: Readonly<Record<string, string>> = { A: 'a', I: 'i', U: 'u' };

/** One vowel sound for another (or ع for a vowel) 0.5, a long vowel for its letter nothing; consonants only as themselves. */
function substituted(typed: string, written: string): number {
  return (SHORT_OF_LONG[typed] ?? typed) === written ? 0 : /[aiuAIU32]/u.test(typed) && /[aiu32]/u.test(written) ? 0.5 : Number.POSITIVE_INFINITY;
}

/** How far what was typed is from what is written, in vowels: the consonants must agree (a weighted edit distance). */
export function vowelDistance(typed: string, written: string): number {
  let previous = [0];
  for (let j = 1; j <= written.length; j++) previous.push(previous[j - 1]! + writtenAlone(written[j - 1]!));
  for (let i = 1; i <= typed.length; i++) {
    const current = [previous[0]! + typedAlone(typed[i - 1]!)];
    for (let j = 1; j <= written.length; j++) {
      current.push(
        Math.min(
          previous[j - 1]! + substituted(typed[i - 1]!, written[j - 1]!),
          previous[j]! + typedAlone(typed[i - 1]!),
          current[j - 1]! + writtenAlone(written[j - 1]!),
        ),
      );
    }
    previous = current;
  }
  return previous[written.length]!;
}

/** The article typed or not where the word has it or not: el qahira and qahira are both القاهرة, the second a little less. */
const ARTICLE_UNTYPED = 0.3;

export class ArabiziReader {
  private constructor(private readonly bySkeleton: ReadonlyMap<string, Reading[]>) {}

  /** The reader over the corpus word list: each word under its skeleton, one with ال without it. */
  static fromWords(words: WordFrequencies, isStopword: (word: string) => boolean = () => false): ArabiziReader {
    const bySkeleton = new Map<string, Reading[]>();
    for (const [word, frequency] of words) {
      if (frequency < MIN_ARABIZI_FREQUENCY) continue;
      const article = word.startsWith('ال') && word.length > 3;
      const sounds = arabicSounds(article ? word.slice(2) : word);
      if (!sounds) continue;
      // ة is said t before the noun it belongs to (mubarat el ahly: مباراة الأهلي).
      for (const said of word.endsWith('ة') ? [sounds, once(`${sounds.slice(0, -1)}t`)] : [sounds]) {
        const finalT = said !== sounds;
        const skeleton = skeletonOf(said);
        if (skeleton.length < 2) continue;
        const readings = bySkeleton.get(skeleton) ?? [];
        readings.push({ word, sounds: said, frequency, article, stopword: isStopword(word), finalT });
        bySkeleton.set(skeleton, readings);
      }
    }
    for (const readings of bySkeleton.values()) {
      readings.sort((a, b) => b.frequency - a.frequency);
      readings.splice(WORDS_A_SKELETON);
    }
    return new ArabiziReader(bySkeleton);
  }

  /**
   * The corpus word a Latin word sounds like, or undefined: none of its consonants, none near enough
   * in its vowels, or capitals only. `article`: the word followed al or el.
   */
  read(typed: string, article = false): string | undefined {
    const word = typed.toLowerCase();
    // An abbreviation typed in capitals is no word spelled out (GCC had read جاك, UNHCR انحسار).
    if (word.length < 3 || !/^[a-z0-9]+$/u.test(word) || !/[a-z]/u.test(word) || /^[A-Z]+$/u.test(typed)) return undefined;
    // The article joined: eldjazair, alqahira.
    const glued = /^(al|el)../u.test(word) && !article;
    const forms = glued
      ? [
          { letters: word, article },
          { letters: word.slice(2), article: true },
        ]
      : [{ letters: word, article }];
    const foreign = FOREIGN_LETTER.test(word);
    let best: { word: string; score: number } | undefined;
    for (const form of forms) {
      for (const sounds of latinSounds(form.letters)) {
        const skeleton = skeletonOf(sounds);
        if (skeleton.length < 2) continue;
        for (const reading of this.bySkeleton.get(skeleton) ?? []) {
          // After the article a noun follows, no function word (din after el is الدين, not الذين; amn
          // الأمن, not من). Elsewhere a stopword is read as itself, which the search drops, and no
          // content word takes its place (ba3d is بعد, not البعض; 2abl قبل, not أبل).
          if (reading.stopword && form.article) continue;
          if (reading.finalT && !/[tT]$/u.test(sounds)) continue;
          const distance = vowelDistance(sounds, reading.sounds) + (reading.article === form.article ? 0 : ARTICLE_UNTYPED);
          if (distance > maxVowelDistance(skeleton.length, foreign)) continue;
          const score = distance - FREQUENCY_WEIGHT * Math.log10(reading.frequency);
          if (!best || score < best.score) best = { word: reading.word, score };
        }
      }
    }
    return best?.word;
  }
}
