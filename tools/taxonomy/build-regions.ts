import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { spellingsOf } from '../../src/analysis/arabic-rules.js';
import { parentsAboveOthers } from '../../src/classify/taxonomy.js';
import { readDataList } from '../../src/data/data-files.js';
import { PROJECT_ROOT } from '../../src/project-root.js';

// Writes taxonomy/regions.json: every country and territory of ISO 3166-1 (and Kosovo), named from
// ICU's region names (Node's Intl.DisplayNames, Arabic and English; French for search), placed in the UN M49
// sub-regions, and merged with what is written by hand in taxonomy/sources/regions-hand.json
// (entries kept as written; per-country demonyms, spellings, ambiguity rules and groupings).
// Usage: npm run build:regions   (the output is committed; the same inputs give the same file; --check compares, writing nothing)

interface RegionEntry {
  slug: string;
  iso?: string;
  kind: 'country' | 'region';
  labels: { ar: string; en: string };
  parents?: string[];
  terms: string[];
  excludeWithin?: string[];
  mentionedWithin?: string[];
  ambiguous?: { terms: string[]; requireAnyOf: string[]; reason: string };
  leaders?: string[];
  notes?: string;
}
type CountryAddition = Partial<Omit<RegionEntry, 'kind' | 'iso'>>;
interface HandFile {
  description: string;
  rules: unknown;
  /** Generated spellings that are other words (الجاني, "the perpetrator", is no Ghanaian). */
  droppedSpellings: { terms: string[]; reason: string };
  /** ICU's French names that are other words or names (grenade, Maurice): not read as the country. */
  frenchNamesNotSearched: { terms: string[]; reason: string };
  partsNotSearchedAsTheWhole: { terms: string[]; reason: string };
  regions: RegionEntry[];
  countries: Record<string, CountryAddition>;
}

/**
 * UN M49 sub-regions (unstats.un.org/unsd/methodology/m49) by ISO 3166-1 code, mapped onto this
 * taxonomy's slugs: M49's Northern Africa is the existing `north-africa`. Taiwan and Kosovo,
 * which M49 does not list, are placed where their neighbours are.
 */
const M49: Record<string, string> = {
  'north-africa': 'DZ EG LY MA SD TN EH',
  'eastern-africa': 'IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW',
  'middle-africa': 'AO CM CF TD CG CD GQ GA ST',
  'southern-africa': 'BW SZ LS NA ZA',
  'western-africa': 'BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
  caribbean: 'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI',
  'central-america': 'BZ CR SV GT HN MX NI PA',
  'south-america': 'AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE',
  'northern-america': 'BM CA GL PM US',
  'central-asia': 'KZ KG TJ TM UZ',
  'eastern-asia': 'CN HK MO KP JP MN KR TW',
  'south-eastern-asia': 'BN KH ID LA MY MM PH SG TH TL VN',
  'southern-asia': 'AF BD BT IN IR MV NP PK LK',
  'western-asia': 'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE',
  'eastern-europe': 'BY BG CZ HU PL MD RO RU SK UA',
  'northern-europe': 'AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB',
  'southern-europe': 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK',
  'western-europe': 'AT BE FR DE LI LU MC NL CH',
  'australia-new-zealand': 'AU CX CC HM NZ NF',
  melanesia: 'FJ NC PG SB VU',
  micronesia: 'GU KI MH FM NR MP PW UM',
  polynesia: 'AS CK PF NU PN WS TK TO TV WF',
  // Antarctica belongs to no sub-region.
  '': 'AQ',
};

/** The Arab League's 22 members: the Arab world an Arab newsroom's desk covers (`arab-world`). */
const ARAB_LEAGUE = new Set('DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE'.split(' '));
const ARAB_WORLD = 'arab-world';

const handPath = join(PROJECT_ROOT, 'taxonomy', 'sources', 'regions-hand.json');
const outPath = join(PROJECT_ROOT, 'taxonomy', 'regions.json');
const hand = JSON.parse(readFileSync(handPath, 'utf8')) as HandFile;
const arabicNames = new Intl.DisplayNames(['ar'], { type: 'region' });
const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });
const frenchNames = new Intl.DisplayNames(['fr'], { type: 'region' });

const subRegionOf = new Map<string, string>();
for (const [subRegion, codes] of Object.entries(M49)) for (const code of codes.split(' ')) subRegionOf.set(code, subRegion);

const byIso = new Map(hand.regions.flatMap((r) => (r.iso ? [[r.iso, r] as const] : [])));
const generated: RegionEntry[] = [];
/** The groupings a country belongs to beside its own parents: its M49 sub-region, and the Arab world for the Arab League's members. */
const groupingsOf = (code: string | undefined) => [
  ...(code && subRegionOf.get(code) ? [subRegionOf.get(code)!] : []),
  ...(code && ARAB_LEAGUE.has(code) ? [ARAB_WORLD] : []),
];
const kept = hand.regions.map((entry) => {
  // A hand entry keeps its terms and rules; it gains its groupings as parents.
  const added = groupingsOf(entry.iso).filter((parent) => !(entry.parents ?? []).includes(parent));
  return added.length > 0 ? { ...entry, parents: [...(entry.parents ?? []), ...added] } : entry;
});
for (const code of subRegionOf.keys()) {
  if (byIso.has(code)) continue;
  const addition = hand.countries[code] ?? {};
  const ar = addition.labels?.ar ?? cleanName(arabicNames.of(code)!);
  const en = addition.labels?.en ?? cleanName(englishNames.of(code)!).replace(/&/g, 'and');
  const parents = [...new Set([...(addition.parents ?? []), ...groupingsOf(code)])];
  const nameTerms = [ar, cleanName(arabicNames.of(code)!), en, cleanName(englishNames.of(code)!).replace(/&/g, 'and')];
  generated.push(
    withoutEmpty({
      slug: addition.slug ?? slugOf(en),
      iso: code,
      kind: 'country',
      labels: { ar, en },
      parents,
      terms: withEgyptianSpellings(unique([...nameTerms, ...(addition.terms ?? [])])).filter((term) => !hand.droppedSpellings.terms.includes(term)),
      excludeWithin: addition.excludeWithin ?? [],
      ...(addition.mentionedWithin ? { mentionedWithin: addition.mentionedWithin } : {}),
      ...(addition.ambiguous ? { ambiguous: addition.ambiguous } : {}),
      ...(addition.leaders ? { leaders: addition.leaders } : {}),
      ...(addition.notes ? { notes: addition.notes } : {}),
    }),
  );
}
generated.sort((a, b) => a.slug.localeCompare(b.slug));
const unknown = Object.keys(hand.countries).filter((code) => !subRegionOf.has(code));
if (unknown.length > 0) throw new Error(`regions-hand.json: countries not in the M49 table: ${unknown.join(', ')}`);
// A country written whole under `regions` takes nothing from `countries`: an addition there would be lost.
const shadowed = Object.keys(hand.countries).filter((code) => byIso.has(code));
if (shadowed.length > 0) throw new Error(`regions-hand.json: countries ${shadowed.join(', ')} are written under regions: edit them there`);

// A parent that another of the entry's parents already lies under says nothing more, and would nest the
// entry beside its own sub-region (Venezuela beside South America, under the Americas).
const parentsBySlug = new Map([...kept, ...generated].map((entry) => [entry.slug, entry.parents ?? []]));
const withNearestParents = (entry: RegionEntry): RegionEntry => {
  const above = parentsAboveOthers(entry.parents ?? [], parentsBySlug);
  const parents = entry.parents?.filter((parent) => !above.includes(parent));
  return parents && parents.length !== entry.parents!.length ? { ...entry, parents } : entry;
};

const output = {
  description:
    'Regions an article can be tagged with: countries and territories (ISO 3166-1, and Kosovo) and the wider regions they belong to (UN M49 continents and sub-regions, and the groupings Arab newsrooms use: Maghreb, Levant, Gulf, Sahel, Horn of Africa, Middle East, and the Arab world, whose members are those of the Arab League). GENERATED by `npm run build:regions` from ICU region names and taxonomy/sources/regions-hand.json: edit that file, not this one. `terms` are names, demonyms, capitals, cities the news names as places of events, and the clubs of the leagues Arab sports pages follow (the labelling guide rule 7), in Arabic (any spelling; the index analysis folds letters, clitics and most demonym endings onto the name) and Latin script. `excludeWithin` lists longer names of other places that contain a term (جنوب السودان is not السودان); `mentionedWithin` names of other things that hold its name (مونديال روسيا): a mention of it, never what makes an article about it; `ambiguous` marks terms that are also common words, which count only when one of `requireAnyOf` occurs in the same article. How often, and where, an article names a region decides whether it is about it or only mentions it (see `rules`); `leaders` named in a title make it about their country without counting as mentions, `leadersAtHome` only where the title names no other country.',
  rules: hand.rules,
  regions: [...kept, ...generated].map(withNearestParents),
};
// With --check nothing is written: a generated file that differs from what its sources give fails (a test runs it).
const checking = process.argv.includes('--check');
const stale: string[] = [];
function writeGenerated(path: string, text: string, summary: string): void {
  if (!checking) {
    writeFileSync(path, text);
    console.log(`${path}: ${summary}`);
  } else if (readFileSync(path, 'utf8') !== text) stale.push(path);
}
writeGenerated(
  outPath,
  await format(JSON.stringify(output), { parser: 'json', printWidth: 160 }),
  `${output.regions.length} entries (${kept.length} from the hand file, ${generated.length} generated)`,
);

// A reader typing Russia or Saudi Arabia means the Arabic name: each Latin name of a region reaches
// its Arabic label at search time (one way, so Arabic queries expand as before), unless a hand list
// already spells it.
const synonymsDir = join(PROJECT_ROOT, 'analyzers', 'synonyms');
const handSpellings = new Set(
  ['people.txt', 'places.txt', 'organizations.txt'].flatMap((list) =>
    readDataList(PROJECT_ROOT, `analyzers/synonyms/${list}`)
      .flatMap(spellingsOf)
      .map((term) => term.toLowerCase()),
  ),
);
const leftOut = new Set(hand.partsNotSearchedAsTheWhole.terms.map((term) => term.toLowerCase()));
const labelOf = new Map<string, string>();
/** A Latin name the synonyms can carry, that no hand list spells, not left out, and not yet another region's. */
const searchable = (latin: string) => /^[a-z][a-z .'-]*$/.test(latin) && !handSpellings.has(latin) && !leftOut.has(latin) && !labelOf.has(latin);
// A region's own English name first: "latin america" is Latin America before it is a name of the Americas.
for (const byOwnName of [true, false])
  for (const region of output.regions)
    for (const term of [region.labels.en, ...region.terms]) {
      const latin = term.toLowerCase();
      const isOwnName = latin === region.labels.en.toLowerCase();
      if (isOwnName !== byOwnName || !searchable(latin)) continue;
      labelOf.set(latin, region.labels.ar);
    }
// Then each country's French name, as a Maghreb or French reader types it (Espagne, Royaume-Uni, Côte
// d’Ivoire), its accents folded as the index folds them.
const frenchLeftOut = new Set(hand.frenchNamesNotSearched.terms);
for (const region of output.regions) {
  if (!region.iso) continue;
  const latin = cleanName(frenchNames.of(region.iso)!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/’/g, "'")
    .toLowerCase();
  if (!searchable(latin) || frenchLeftOut.has(latin)) continue;
  labelOf.set(latin, region.labels.ar);
}
const latinRules = [...labelOf].map(([latin, arabic]) => `${latin} => ${arabic}, ${latin}`);
const countriesPath = join(synonymsDir, 'countries.txt');
writeGenerated(
  countriesPath,
  '# GENERATED by `npm run build:regions` from taxonomy/regions.json: each Latin name of a region reaches its\n' +
    '# Arabic label at search time (one way: Arabic queries expand as before). Names the hand lists spell are left to them.\n' +
    latinRules.join('\n') +
    '\n',
  `${latinRules.length} Latin names`,
);
if (stale.length > 0) {
  console.error(`not what npm run build:regions makes of its sources (edit taxonomy/sources/regions-hand.json, then run it): ${stale.join(', ')}`);
  process.exit(1);
}

/** ICU's display forms carry qualifiers a headline never uses: "ميانمار (بورما)", "الكونغو - كينشاسا". */
function cleanName(name: string): string {
  return name
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .replace(/\s+-\s+/g, ' ')
    .replace(/[\u064B-\u0652]/g, '')
    .trim();
}

/** Egyptian newsrooms write a foreign G as ج (أنجولا for أنغولا): each name gets that spelling too. */
function withEgyptianSpellings(terms: string[]): string[] {
  return unique(terms.flatMap((term) => (/\p{Script=Arabic}/u.test(term) && term.includes('غ') ? [term, term.replace(/غ/g, 'ج')] : [term])));
}

function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bst\./g, 'saint')
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function unique(terms: string[]): string[] {
  return [...new Set(terms.filter(Boolean))];
}

function withoutEmpty(entry: RegionEntry): RegionEntry {
  return { ...entry, ...(entry.excludeWithin?.length ? {} : { excludeWithin: undefined }) };
}
