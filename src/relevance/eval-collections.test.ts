import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { collectionAvailable, defaultCollectionPaths, loadCollection, readArcd, splitOf, withQrels } from './eval-collections.js';
import { gradesToTrecQrels, parseTrecQrels, toTrecRun } from './judgment-files.js';

const paths = defaultCollectionPaths(PROJECT_ROOT, {});

describe('evaluation collections', () => {
  it('read ARCD as 231 paragraphs and 693 questions, each graded on its own paragraph', () => {
    const { records, queries } = readArcd(paths.arcd);
    expect(records).toHaveLength(231);
    expect(queries).toHaveLength(693);
    const ids = new Set(records.map((r) => (r.kind === 'json' ? (r.value as { id: string }).id : '')));
    expect(queries.every((q) => q.grades.size === 1 && ids.has([...q.grades.keys()][0]!))).toBe(true);
  });

  it('split queries into two fixed halves by the hash of their id', () => {
    const { queries } = readArcd(paths.arcd);
    const tuning = queries.filter((q) => splitOf(q.id) === 'tuning').length;
    expect(tuning).toBe(347); // fixed: the same ids always fall in the same half
    expect(splitOf('seed-query')).toBe(splitOf('seed-query'));
  });

  it('replace judgments by imported qrels, dropping queries without any', () => {
    const seeds = loadCollection('seeds', paths);
    const [first, second] = seeds.queries;
    const imported = withQrels(seeds, `${first!.id} 0 doc-a 2\n${second!.id} 0 -1 0\n`);
    expect(imported.queries).toHaveLength(1);
    expect([...imported.queries[0]!.grades]).toEqual([['doc-a', 2]]);
  });

  it('export runs and qrels in TREC format, a document once per query', () => {
    expect(toTrecRun([{ id: 'q1', ranked: ['a', 'b', 'a', 'c'] }], 'default')).toBe('q1 Q0 a 1 3 default\nq1 Q0 b 2 2 default\nq1 Q0 c 3 1 default\n');
    const qrels = gradesToTrecQrels([{ id: 'q1', grades: new Map([['a', 3]]) }]);
    expect(parseTrecQrels(qrels).get('q1')!.grades.get('a')).toBe(3);
  });

  it.skipIf(!existsSync(paths.quranQa))("read Qur'an QA's 148 answerable training questions (skipped: ../shared/eval/quran-qa-2023 absent)", () => {
    expect(collectionAvailable('quran-qa', paths)).toBe(true);
    expect(loadCollection('quran-qa', paths).queries).toHaveLength(148);
  });
});
