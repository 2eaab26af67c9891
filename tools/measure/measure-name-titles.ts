// How a listed name asked alone is answered: for every person and organization of the lists, its
// shortest Arabic spelling is searched (as a reader types أوبك, not منظمة الدول المصدرة للنفط) under
// the default profile and under --compare, on a served index that holds the ANT corpus (SEARCH_URL
// and INDEX_ALIAS, as after `npm run ingest`). Counted in each first ten: the articles whose title
// names it (the title marked), and those tagged with it (it is named anywhere). A proxy for "about
// it", which an editor reads off the title, not a judged relevance figure. With --asked full, each is
// asked by its first full name in each script (Chuck Schumer, تشاك شومر), a spelling of two words or more.
// Usage: SEARCH_URL=http://127.0.0.1:9200 INDEX_ALIAS=articles npm run measure:name-titles [-- --compare default-v13] [--asked full]
import { parseArgs } from 'node:util';
import { DEFAULT_FACET_SIZE } from '../../src/search/build-search-body.js';
import { openServedAntService } from './served-ant-service.js';

const { values: options } = parseArgs({ options: { compare: { type: 'string', default: 'default-v13' }, asked: { type: 'string', default: 'shortest' } } });
if (!['shortest', 'full'].includes(options.asked)) throw new Error('--asked is shortest or full');
const { service, engine, alias } = await openServedAntService();
const profiles = [service.profiles.get()!, service.profiles.get(options.compare)!];
if (!profiles[1]) throw new Error(`no profile ${options.compare}`);

const { people, organizations } = service.taxonomy;
const entities = [
  ...people.map((entity) => ({ ...entity, facet: 'people' as const })),
  ...organizations.map((entity) => ({ ...entity, facet: 'organizations' as const })),
];
const shortestArabic = (terms: string[]) => terms.filter((term) => /\p{Script=Arabic}/u.test(term)).sort((a, b) => a.length - b.length)[0];
const fullNames = (terms: string[]) =>
  [/\p{Script=Arabic}/u, /\p{Script=Latin}/u].flatMap((script) => terms.find((term) => script.test(term) && term.trim().includes(' ')) ?? []);
const askedOf = (terms: string[]) => (options.asked === 'full' ? fullNames(terms) : [shortestArabic(terms) ?? []].flat());

const totals = profiles.map(() => ({ asked: 0, titled: 0, tagged: 0, hits: 0 }));
const moved: string[] = [];
for (const entity of entities)
  for (const q of askedOf(entity.terms)) {
    const counts = [];
    for (const [i, profile] of profiles.entries()) {
      const answer = await service.search({ q, filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE }, profile);
      const titled = answer.hits.filter((hit) => hit.titleHighlighted.includes('<mark>')).length;
      const tagged = answer.hits.filter((hit) => hit[entity.facet].includes(entity.slug)).length;
      Object.assign(totals[i]!, {
        asked: totals[i]!.asked + 1,
        titled: totals[i]!.titled + titled,
        tagged: totals[i]!.tagged + tagged,
        hits: totals[i]!.hits + answer.hits.length,
      });
      counts.push(`${titled} / ${tagged} / ${answer.hits.length}`);
    }
    if (counts[0] !== counts[1]) moved.push(`| ${q} | ${counts[1]} | ${counts[0]} |`);
  }

console.log(
  `${totals[0]!.asked} queries: listed people and organizations, each asked by ${options.asked === 'full' ? 'its first full name in each script' : 'its shortest Arabic spelling'}, index ${alias}\n`,
);
console.log('| profile | first-ten articles whose title names it | tagged with it |');
console.log('|---|---|---|');
for (const [i, profile] of profiles.entries()) {
  const { titled, tagged, hits } = totals[i]!;
  console.log(
    `| ${profile.name} | ${titled} / ${hits} = ${((100 * titled) / hits).toFixed(1)}% | ${tagged} / ${hits} = ${((100 * tagged) / hits).toFixed(1)}% |`,
  );
}
console.log(
  `\n${moved.length} names whose first ten moved (titled / tagged / hits):\n\n| asked | ${profiles[1]!.name} | ${profiles[0]!.name} |\n|---|---|---|`,
);
for (const row of moved) console.log(row);
await engine.close();
