import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { loadJudgments, parseTrecQrels, toTrecQrels } from './judgment-files.js';

describe('judgment files', () => {
  it('load the seed judgments and round-trip them through TREC qrels', () => {
    const judgments = loadJudgments(join(PROJECT_ROOT, 'relevance', 'judgments', 'seeds.json'));
    const qrels = parseTrecQrels(toTrecQrels(judgments));
    const first = judgments.queries[0]!;
    expect(Object.fromEntries(qrels.get(first.id)!.grades)).toEqual(first.ratings);
    expect(qrels.size).toBe(judgments.queries.length);
  });

  it('name the query and field of a bad rating', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'judgments-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ description: 'x', scale: { '0': 'Poor' }, queries: [{ id: 'q1', query: 'x', need: 'y', ratings: { d: 5 } }] }));
    expect(() => loadJudgments(file)).toThrow(/query "q1", ratings\.d/);
  });

  it('read the Qur\'an QA qrels, with -1 marking questions that have no answer', () => {
    const qrels = parseTrecQrels(readFileSync(join(PROJECT_ROOT, '..', 'shared', 'eval', 'quran-qa-2023', 'qrels-train.txt'), 'utf8'));
    const noAnswer = [...qrels.values()].filter((q) => q.noAnswer);
    expect(noAnswer.every((q) => q.grades.size === 0)).toBe(true);
    expect(qrels.get('101')?.grades.get('7:85-93')).toBe(1);
    expect(qrels.size).toBeGreaterThan(100);
  });
});
