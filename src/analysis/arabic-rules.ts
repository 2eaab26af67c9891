import { z } from 'zod';

// The Arabic text rules the product builds from its data files, and the two ways it folds Arabic
// text outside the engine: as the index's normalization does (for lists matched against analyzed
// tokens), and more loosely for matching dates and month names in raw text.

const ARABIC_WORD = /^[\u0621-\u064A]{3,}$/;

/** analyzers/months.json: per regional family, month number (1–12) → every spelling; a name is one month only. */
export const monthTableSchema = z
  .object({ description: z.string() })
  .catchall(z.record(z.string().regex(/^([1-9]|1[0-2])$/), z.array(z.string().min(1)).min(1)))
  .superRefine((table, context) => {
    const monthOf = new Map<string, number>();
    for (const [family, entry] of Object.entries(table)) {
      if (family === 'description' || typeof entry === 'string') continue;
      for (let month = 1; month <= 12; month++) {
        const names = entry[String(month)];
        // A family missing a month would silently stop dates in that dialect from parsing.
        if (!names) context.addIssue({ code: 'custom', path: [family], message: `no names for month ${month}` });
        for (const name of names ?? []) {
          const key = foldArabic(name).trim().replace(/\s+/g, ' ');
          const known = monthOf.get(key);
          if (known !== undefined && known !== month)
            context.addIssue({ code: 'custom', path: [family, String(month)], message: `"${name}" is month ${known} in another family` });
          monthOf.set(key, month);
        }
      }
    }
  });
export type MonthTable = z.infer<typeof monthTableSchema>;

/** The families of a month table: each maps a month number to its spellings. */
export function monthFamilies(table: MonthTable): [string, Record<string, string[]>][] {
  return Object.entries(table).filter((entry): entry is [string, Record<string, string[]>] => entry[0] !== 'description' && typeof entry[1] !== 'string');
}

/**
 * Folds text for matching, not for display: hamza/madda on alef (أ إ آ ٱ → ا) and on waw/yeh, tashkeel,
 * tatweel and Latin accents removed, Latin lowercased, Unicode spaces made plain spaces.
 */
export function foldArabic(text: string): string {
  return (
    text
      // NFKD splits أ/إ/آ into ا plus a combining hamza/madda and é into e plus an accent, so dropping marks folds both.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/\u0671/g, '\u0627')
      .replace(/\u0640/g, '')
      .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      .toLowerCase()
  );
}

/** A word's letters alone: vowel marks (harakat, shadda, sukun, superscript alef) and tatweel off, as the index takes them off. */
export const withoutMarks = (text: string) => text.replace(/\p{M}|\u0640/gu, '');

/**
 * Text with the letters Persian, Urdu and Maghrebi spellings use written as Arabic writes them, as
 * the index's cleanup does: p, v and ch (پوتين is بوتين, ڤلاديمير فلاديمير, چ ج), Algeria's ڨ for the
 * g of ق (ڨايد صالح: قايد), Morocco's ڭ and ݣ and Persian's ک for ك, and the Persian and Urdu ی ے ہ ە ۀ.
 * The word list writes words so: a word typed with them is looked up there as the index reads it.
 */
export function withArabicLetters(text: string): string {
  return text.replace(FOREIGN_LETTERS, arabicLetterOf);
}

const FOREIGN_LETTERS = /[\u067E\u06A4\u06A5\u0686\u06A8\u06A9\u06AA\u06AD\u0763\u06CC\u06D2\u06C1\u06D5\u06C0]/g;
const arabicLetterOf = (letter: string) => ARABIC_LETTER_OF[letter]!;

const ARABIC_LETTER_OF: Readonly<Record<string, string>> = {
  '\u067E': '\u0628',
  '\u06A4': '\u0641',
  '\u06A5': '\u0641',
  '\u0686': '\u062C',
  '\u06A8': '\u0642',
  '\u06A9': '\u0643',
  '\u06AA': '\u0643',
  '\u06AD': '\u0643',
  '\u0763': '\u0643',
  '\u06CC': '\u064A',
  '\u06D2': '\u064A',
  '\u06C1': '\u0647',
  '\u06D5': '\u0647',
  '\u06C0': '\u0647',
};

/**
 * Folds a word the way the index's normalization does (cleanup mappings, lowercase, Lucene's
 * arabic_normalization), so lists written in everyday spelling match analyzed tokens. Golden tests
 * hold it to the engine's own `_analyze` output.
 */
export function normalizeArabicWord(word: string): string {
  return word
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD\u0640\u0670\u064B-\u065F]/g, '')
    .replace(/[\u0671\u0672\u0673\u0675\u0622\u0623\u0625]/g, '\u0627')
    .replace(/[\u0624\u0626]/g, '\u0621')
    .replace(FOREIGN_LETTERS, arabicLetterOf)
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/اميرك/g, 'امريك')
    .toLowerCase();
}

/**
 * `stemmer_override` rules: each protected name and its clitic forms (بواشنطن، للجزائر) become one
 * token. A name with the article becomes the name without it (الجزائر → جزاءر), the stem its
 * adjectives reach anyway (الجزائرية → جزاءر), so the place and its demonym still meet. A country
 * whose demonym the stemmer cannot reach (ليبيا: الليبي → ليب; السعودية: السعودي → سعود, Saud) has
 * its demonym's forms made the name too (see demonymFormsOf), and so are demonyms of another pattern
 * (`pluralDemonyms`: الأتراك, الروس); a protected name of the same letters keeps its own token (تركي,
 * a given name as well as "Turkish").
 */
export function protectedNameRules(
  names: string[],
  cliticPrefixes: string[],
  countries: string[] = [],
  pluralDemonyms: Record<string, string[]> = {},
): string[] {
  const target = new Map<string, string>();
  const canonicalOf = (name: string) => (name.startsWith('ال') && name.length >= 5 ? name.slice(2) : name);
  for (const entry of names) {
    // `word => other` keeps a word with the article as another's (الحماس, enthusiasm, is حماسة's: protected whole, it would lose its article and be Hamas),
    // and the other as written: `الإخوان => الإخوان` keeps the article, as إخواني ("my brothers") stems to اخوان.
    const [word, asWord] = entry.split('=>').map((part) => normalizeArabicWord(part.trim())) as [string, string?];
    const token = asWord ?? canonicalOf(word);
    if (!ARABIC_WORD.test(word) || !ARABIC_WORD.test(token)) continue;
    for (const form of cliticFormsOf(word, cliticPrefixes)) if (!target.has(form)) target.set(form, token);
  }
  const demonymsOfCountries = [
    ...countries.map(normalizeArabicWord).map((name) => [name, demonymFormsOf(name)] as const),
    ...Object.entries(pluralDemonyms).map(([country, plurals]) => [normalizeArabicWord(country), plurals.map(normalizeArabicWord)] as const),
  ];
  for (const [name, demonyms] of demonymsOfCountries) {
    if (!ARABIC_WORD.test(name)) continue;
    for (const form of demonyms.flatMap((demonym) => cliticFormsOf(demonym, cliticPrefixes))) if (!target.has(form)) target.set(form, canonicalOf(name));
  }
  const byName = new Map<string, string[]>();
  for (const [form, name] of target) byName.set(name, [...(byName.get(name) ?? []), form]);
  return [...byName].map(([name, forms]) => `${forms.join(', ')} => ${name}`);
}

/**
 * The forms of a normalized country name's demonym, with and without the article, where the light
 * stemmer takes them elsewhere: a name ending in يا or ا (ليبيا: ليبي, الليبية, الليبيين; فرنسا:
 * فرنسي) or one that is itself the feminine demonym (السعودية: السعودي, سعوديون). Others meet theirs
 * through the stemmer (الجزائري → جزاءر) and get none.
 */
export function demonymFormsOf(country: string): string[] {
  const base = country.endsWith('يا')
    ? country.slice(0, -1)
    : country.endsWith('ا') && !country.startsWith('ال')
      ? `${country.slice(0, -1)}ي`
      : country.startsWith('ال') && country.endsWith('يه')
        ? country.slice(2, -1)
        : undefined;
  if (!base) return [];
  return ['', 'ه', 'ون', 'ين', 'ات'].flatMap((ending) => [`${base}${ending}`, `ال${base}${ending}`]);
}

/** A normalized Arabic name and its forms with each clitic prefix (بواشنطن، للجزائر); other words as they are. */
export function cliticFormsOf(name: string, cliticPrefixes: readonly string[]): string[] {
  return ARABIC_WORD.test(name) ? prefixedForms(name, cliticPrefixes) : [name];
}

/** An Arabic word of any length and its forms with each clitic prefix (ومن, للعالم). */
export function prefixedForms(word: string, cliticPrefixes: readonly string[]): string[] {
  return [
    word,
    ...cliticPrefixes.map((prefix) =>
      // ل before the article merges with it: ل + العمامرة = للعمامرة.
      prefix.endsWith('ل') && word.startsWith('ال') ? prefix + word.slice(1) : prefix + word,
    ),
  ];
}

/** The spellings one rule of a synonym list gives its entity (بلينكن, antony blinken …), either side of a `=>`. */
export function spellingsOf(rule: string): string[] {
  return rule
    .split(/=>|,/u)
    .map((term) => term.trim())
    .filter(Boolean);
}

/**
 * A synonym rule without the alternatives that hold another alternative word for word (الولايات
 * المتحدة الأمريكية beside الولايات المتحدة): the shorter already matches wherever the longer does, and
 * the engine adds up every alternative a text matches, so an article writing the full name scored
 * the country twice and outranked one that names both countries a reader asked for. What a rule
 * is matched on (its left side, or every alternative of an equivalence) still triggers it, so the
 * longer form typed is read as the whole name.
 */
export function withoutContainedAlternatives(rule: string, wordsOf: (term: string) => string[]): string {
  const dropped = new Set(containedAlternatives(rule, wordsOf));
  if (dropped.size === 0) return rule;
  const { matched, targets } = sidesOf(rule);
  // An equivalence becomes one way from all its forms: the longer form typed is still read whole.
  return `${matched} => ${targets.filter((term) => !dropped.has(term)).join(', ')}`;
}

/** The alternatives of a rule that hold another alternative word for word: those `withoutContainedAlternatives` drops. */
export function containedAlternatives(rule: string, wordsOf: (term: string) => string[]): string[] {
  const { targets } = sidesOf(rule);
  const holds = (longer: string[], shorter: string[]) =>
    shorter.length < longer.length && longer.some((_, start) => shorter.every((word, offset) => longer[start + offset] === word));
  return targets.filter((term) => targets.some((other) => holds(wordsOf(term), wordsOf(other))));
}

/** What a rule is matched on (its left side, or the whole of an equivalence), and the alternatives it gives. */
function sidesOf(rule: string): { matched: string; targets: string[] } {
  const arrow = rule.indexOf('=>');
  const matched = (arrow >= 0 ? rule.slice(0, arrow) : rule).trim();
  return { matched, targets: (arrow >= 0 ? rule.slice(arrow + 2) : rule).split(',').map((term) => term.trim()) };
}

/** Single-word Arabic terms of a Solr synonym list (multi-word names are matched as phrases). */
export function singleWordArabicTerms(rules: string[]): string[] {
  return rules.flatMap((rule) => rule.split(/,|=>/).map((term) => term.trim())).filter((term) => /^[\u0600-\u06FF]+$/.test(term));
}

/** One synonym rule per month, joining every family's names (analyzers/months.json). */
export function monthSynonymRules(families: Record<string, string[]>[], phraseOnly: Record<string, string>, skipped: Record<string, string>): string[] {
  const rules: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const names = new Set<string>();
    for (const family of families) {
      for (const name of family[String(month)] ?? []) {
        if (name in skipped) continue;
        names.add(name in phraseOnly ? `شهر ${name}` : name.toLowerCase());
      }
    }
    rules.push([...names].join(', '));
  }
  return rules;
}

/** Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) mapped to their letters, from Unicode's own NFKC. */
export function presentationFormMappings(): string[] {
  const escape = (text: string) => [...text].map((c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join('');
  const rules: string[] = [];
  for (const [from, to] of [
    [0xfb50, 0xfdff],
    [0xfe70, 0xfeff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const form = String.fromCodePoint(cp);
      const letters = form.normalize('NFKC').trim();
      if (letters !== form && letters !== '' && /[\u0600-\u06FF]/.test(letters)) rules.push(`${escape(form)}=>${escape(letters)}`);
    }
  }
  return rules;
}
