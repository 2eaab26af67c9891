import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readDataJson } from '../data/data-files.js';

const fieldName = z.string().regex(/^(title|body)(\.exact)?$/, 'a searchable field: title, body, title.exact or body.exact');

/** Every switch of a profile's `query` off: what a profile that names none gets. */
export const QUERY_SWITCHES_OFF = {
  questionWords: false,
  runOnRepair: false,
  latinNameSpelling: false,
  arabicNameSpelling: false,
  arabicWordOrder: false,
  englishWords: false,
  englishSpelling: false,
  translatedPhrase: false,
  arabizi: false,
  relaxOnZero: false,
  listedNameInTitle: false,
  nameInTitleCliticForms: false,
} as const;

const profileSchema = z.object({
  description: z.string(),
  /** Selectable by anyone with `?profile=`; the others serve evaluation and tuning only. */
  public: z.boolean().default(false),
  version: z.number().int().positive(),
  fields: z.record(fieldName, z.number().positive()),
  tieBreaker: z.number().min(0).max(1),
  minimumShouldMatch: z.string().regex(/^[0-9<>%\s-]+$/),
  phrase: z.object({
    fields: z.record(fieldName, z.number().positive()),
    slop: z.number().int().min(0).max(10),
    /** The boost also for the text with a clitic on its first word (لكرة القدم for كرة القدم), each field's best form counted once. */
    cliticForms: z.boolean().optional(),
  }),
  highlight: z.object({ fragmentSize: z.number().int().min(20).max(1000), fragments: z.number().int().min(1).max(10) }),
  /** Query understanding, each step a switch, all off unless a profile turns them on. */
  query: z
    .object({
      /** Take question words and particles (`relevance/question-words.txt`) out of the query. */
      questionWords: z.boolean().default(false),
      /** Split words run together in the query as ingest splits them in articles. */
      runOnRepair: z.boolean().default(false),
      /**
       * Typo tolerance: one more should clause per field, fuzzy on the field's form without synonyms
       * (normalized, and stemmed on title and body), weighted below exact matches; `fuzziness` AUTO:a,b
       * leaves words shorter than a exact.
       */
      fuzzy: z
        .object({
          fields: z.record(fieldName, z.number().positive()),
          fuzziness: z.string().regex(/^(AUTO(:\d+,\d+)?|[0-2])$/),
          prefixLength: z.number().int().min(0).max(4),
          maxExpansions: z.number().int().min(1).max(50),
          /**
           * A word the corpus word list spells this way at least this often is taken as typed, never
           * matched one edit away: اللاجئين (refugees) is no typo of اللاعبين (players).
           */
          knownWordFrequency: z.number().int().min(1).optional(),
        })
        .optional(),
      /** A Latin word one or two letters off a Latin name of the synonym lists is replaced by that name (Blinkin → blinken). */
      latinNameSpelling: z.boolean().default(false),
      /**
       * An Arabic word no article writes, one or two edits from the words of exactly one listed name
       * (same first letter after the article), is replaced by that word: مكرون → ماكرون, الحوتي → الحوثي.
       */
      arabicNameSpelling: z.boolean().default(false),
      /**
       * Pseudo-relevance feedback (RM3): the query is asked once, the `terms` heaviest index terms of
       * its top `documents` are weighed by frequency × document score, and the final query is the
       * original at 1 − `weight` plus those terms at `weight`, on the stemmed fields.
       */
      feedback: z
        .object({
          documents: z.number().int().min(1).max(50),
          terms: z.number().int().min(1).max(100),
          weight: z.number().gt(0).lt(1),
        })
        .optional(),
      /**
       * A Latin query made of the lists' spellings is also looked for as Arabic orders it, a phrase on
       * the stemmed fields: Turkish foreign minister as وزير الخارجية التركي (see arabicWordOrder).
       */
      arabicWordOrder: z.boolean().default(false),
      /**
       * In a query without Arabic, a Latin word or phrase the lists do not spell is searched in the
       * Arabic of the English–Arabic dictionary's first sense (vaccine → اللقاح), and counts for the
       * Arabic word order too.
       */
      englishWords: z.boolean().default(false),
      /** With `englishWords`: an English word of five letters or more that neither the lists nor the dictionary hold is read as the dictionary's one word one edit from it (vacine: vaccine). */
      englishSpelling: z.boolean().default(false),
      /**
       * With `arabicWordOrder`: a Latin query every word of which has its Arabic, the lists' spellings
       * kept Latin for the synonyms, has its phrase boost in that Arabic alone, one listed phrase too
       * (world cup as كأس العالم), not as typed: an Arabic article holds the Latin words only in a quote,
       * rare enough to outscore every article about the thing (the FIFA eWorld Cup's English name over the World Cup).
       */
      translatedPhrase: z.boolean().default(false),
      /**
       * In a query without Arabic, a Latin word that neither the lists nor the dictionary know, nor an
       * English word misspelled, is read as the corpus word it sounds like, Arabic typed in Latin letters
       * (masr: مصر, el 3ira9: العراق; see ArabiziReader).
       */
      arabizi: z.boolean().default(false),
      /** A query that finds nothing is asked again with any one of its words enough and its quoted phrases in any form, and the answer says `relaxed`. */
      relaxOnZero: z.boolean().default(false),
      /**
       * Where any word may match, an article holding every word of a query of two to `maxWords` words
       * (stopwords aside) scores its text match again, times `boost`: more of the words first (بوتين
       * ماكرون: the articles naming both). A question's words are many, and holding them all says little.
       */
      allWords: z.object({ boost: z.number().gt(0).max(10), maxWords: z.number().int().min(2).max(32).default(32) }).optional(),
      /**
       * A query made only of listed names (which has no phrase boost: it would reward one spelling)
       * scores an article whose title names them, in any listed spelling, at the title's phrase
       * weight: it is about them. Else a passing mention writing a long spelling beside a short one
       * (منظمة الدول المصدرة للنفط (أوبك)) outscores the titles, each alternative scored.
       */
      listedNameInTitle: z.boolean().default(false),
      /** That lift also for a title naming them with a clitic the index reads as the name's (مناشدات لبوتفليقة, قمة بين بوتين وترمب). */
      nameInTitleCliticForms: z.boolean().default(false),
      /**
       * A query writing a tagged person's or organization's full name (a listed spelling of two words
       * or more) adds `boost` to the articles tagged with them, ranked by relevance: the tagger's
       * exclusions tell the senator Chuck Schumer from the actress, whom the synonyms' شومر finds too.
       * With `findsTagged`, a query of nothing but such names also finds the articles tagged with them
       * that write only the surname (جمال خاشقجي found 251 articles, Jamal Khashoggi, whose spellings
       * include the surname alone, 256), in every order.
       */
      taggedName: z.object({ boost: z.number().gt(0).max(50), findsTagged: z.boolean().default(false) }).optional(),
    })
    .default(QUERY_SWITCHES_OFF),
});

/** The tuning knobs of ranking, as data: a profile never holds DSL text. */
export type SearchProfile = z.infer<typeof profileSchema> & { name: string };

/**
 * The profiles of `relevance/profiles/`, every one read and validated at once, so a bad file stops
 * the start rather than a request. A file dropped in later is not served until the next start.
 */
export class ProfileStore {
  private loaded: Map<string, SearchProfile>;

  constructor(
    private readonly rootDir: string,
    readonly defaultName: string,
  ) {
    this.loaded = ProfileStore.read(rootDir, defaultName);
  }

  /** Every profile file, each checked; the store is unchanged if any is wrong or the default is gone. */
  private static read(rootDir: string, defaultName: string): Map<string, SearchProfile> {
    const folder = join(rootDir, 'relevance', 'profiles');
    const names = readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length));
    const loaded = new Map(names.sort().map((name) => [name, loadSearchProfile(rootDir, name)]));
    if (!loaded.has(defaultName)) throw new Error(`no search profile named "${defaultName}" in ${folder}`);
    return loaded;
  }

  /** The profile files read again and checked (an analysis reload does), for `use` once the reload has succeeded. */
  readAgain(): ReadonlyMap<string, SearchProfile> {
    return ProfileStore.read(this.rootDir, this.defaultName);
  }

  /** Profiles from `readAgain` in force: a new one is there, an edited one as edited. */
  use(profiles: ReadonlyMap<string, SearchProfile>): void {
    this.loaded = new Map(profiles);
  }

  /** The named profile (the default when no name is given), public or not: for evaluation and tuning. */
  get(name: string = this.defaultName): SearchProfile | undefined {
    return this.loaded.get(name);
  }

  /** The named profile if the public may select it; the default profile always may. */
  getPublic(name: string = this.defaultName): SearchProfile | undefined {
    const profile = this.loaded.get(name);
    return profile && (profile.public || name === this.defaultName) ? profile : undefined;
  }

  /** Every profile's name, public or not. */
  names(): string[] {
    return [...this.loaded.keys()];
  }

  publicNames(): string[] {
    return [...this.loaded.values()].filter((p) => p.public || p.name === this.defaultName).map((p) => p.name);
  }
}

export function loadSearchProfile(rootDir: string, name: string): SearchProfile {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`invalid profile name "${name}"`);
  return { ...readDataJson(rootDir, join('relevance', 'profiles', `${name}.json`), profileSchema), name };
}
