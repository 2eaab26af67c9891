import { parseArgs } from 'node:util';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import type { SearchBody } from '../../src/engine/search-engine.js';
import { buildQueryMix } from '../bench/phases/query-mix.js';

// Where the engine's time for a search goes, on the served index: each query of the bench's mix is
// sent as the product sends it, then without its facet counts, its highlights or its spelling
// suggestions, and with none of them; the engine's own `took`, median of the rounds (the variants'
// order rotating), summed over the mix. A part's cost is the whole's time less the time without it.
// Usage: npm run measure:engine-parts -- [--rounds 5]
const { values: options } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(options.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a whole number, 1 or more');

type Variant = [name: string, shape: (body: SearchBody) => SearchBody];
const VARIANTS: Variant[] = [
  ['as sent', (body) => body],
  ['without facet counts', ({ aggs: _aggs, ...body }) => body],
  ['without highlights', ({ highlight: _highlight, ...body }) => body],
  ['without spelling suggestions', ({ suggest: _suggest, ...body }) => body],
  ['the query alone', ({ aggs: _aggs, highlight: _highlight, suggest: _suggest, ...body }) => body],
];

await runWithEngine(async ({ service }) => {
  const bodies = buildQueryMix(service.alias, service).engineRequests.map((request) => JSON.parse(request.body!) as SearchBody);
  // Unmeasured first pass: the engine's caches warm for every variant.
  for (const body of bodies) for (const [, shape] of VARIANTS) await service.engine.search(service.alias, shape(body));
  const medians = VARIANTS.map(() => 0);
  for (const [i, body] of bodies.entries()) {
    const took = VARIANTS.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < VARIANTS.length; k++) {
        const v = (k + round + i) % VARIANTS.length;
        took[v]!.push((await service.engine.search(service.alias, VARIANTS[v]![1](body))).tookMs);
      }
    }
    took.forEach((values, v) => (medians[v]! += median(values)));
  }
  const whole = medians[0]!;
  console.log(`\n${service.alias}: the bench's ${bodies.length} queries × ${rounds} rounds, one at a time; engine took, medians summed\n`);
  console.log('| variant | ms | part it leaves out, ms (share of the whole) |');
  console.log('|---|---|---|');
  VARIANTS.forEach(([name], v) => {
    const part = whole - medians[v]!;
    console.log(`| ${name} | ${medians[v]} | ${v === 0 ? '' : `${part} (${Math.round((100 * part) / Math.max(1, whole))} %)`} |`);
  });
  return 0;
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
