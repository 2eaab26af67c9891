// How often a pasted article link lists its article first: 300 ANT articles (the smallest SHA-256 of
// their ids), each link pasted as stored and as a browser copies it (https, the path percent-encoded,
// a share button's ?utm_source), on a served index that holds the ANT corpus (SEARCH_URL and
// INDEX_ALIAS, as after `npm run ingest`). Beside it, in the same run, the reference row: the same
// link's words searched (its "://" spaced out, so it is no link), as /search answered links before.
// A story copy's expected answer is its original, which searches list instead.
// Usage: SEARCH_URL=http://127.0.0.1:9200 INDEX_ALIAS=articles npm run measure:pasted-links
import { createHash } from 'node:crypto';
import { DEFAULT_FACET_SIZE } from '../../src/search/build-search-body.js';
import { antCorpusPath, readAntCorpus } from './ant-corpus.js';
import { openServedAntService } from './served-ant-service.js';

const SAMPLE = 300;
const { service, engine, alias } = await openServedAntService();
const profile = service.profiles.get()!;

const digest = (id: string) => createHash('sha256').update(id).digest('hex');
const linked: { id: string; url: string; digest: string }[] = [];
for await (const article of readAntCorpus(antCorpusPath())) if (article.url) linked.push({ id: article.id, url: article.url, digest: digest(article.id) });
const sample = linked.sort((a, b) => a.digest.localeCompare(b.digest)).slice(0, SAMPLE);

/** What a browser's address bar copies: https, the path percent-encoded, and a share button's query. */
function asBrowserCopies(stored: string): string {
  const link = new URL(stored);
  link.protocol = 'https:';
  link.search = '?utm_source=twitter';
  return link.href;
}

const expected = new Map<string, string>();
for (const { id } of sample) expected.set(id, (await service.getArticle(id))?.duplicate_of ?? id);
const copies = sample.filter(({ id }) => expected.get(id) !== id).length;

const rows: string[] = [];
for (const [pasted, form] of [
  ['as stored', (url: string) => url],
  ['as a browser copies it', asBrowserCopies],
] as const)
  for (const [run, asked] of [
    ['its words searched (reference)', (link: string) => link.replace('://', ' ')],
    ['the link looked up', (link: string) => link],
  ] as const) {
    let first = 0;
    let inTen = 0;
    for (const { id, url } of sample) {
      const answer = await service.search({ q: asked(form(url)), filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE }, profile);
      const ids = answer.hits.map((hit) => hit.id);
      if (ids[0] === expected.get(id)) first++;
      if (ids.includes(expected.get(id)!)) inTen++;
    }
    rows.push(`| ${pasted} | ${run} | ${first} / ${SAMPLE} | ${inTen} / ${SAMPLE} |`);
  }

console.log(`${SAMPLE} ANT articles with a link (${copies} of them story copies, expected as their original), index ${alias}\n`);
console.log('| pasted | run | its article first | in the first ten |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
await engine.close();
