import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { formatJudgments, loadJudgments, parseTrecQrels, toTrecQrels, writeJudgments } from './judgment-files.js';

// Qur'an QA 2023 is licensed CC BY-NC-ND 4.0, so it stays out of the repository; where a copy sits in
// ../shared/eval/ it is read too.
const QURAN_QA_QRELS = join(PROJECT_ROOT, '..', 'shared', 'eval', 'quran-qa-2023', 'qrels-train.txt');

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
    expect(() => loadJudgments(file)).toThrow(/queries\["q1"\]\.ratings\.d/);
  });

  it('read TREC qrels in the Qur\'an QA layout, with -1 marking a question that has no answer', () => {
    const qrels = parseTrecQrels('7\t0\t2:1-5\t1\n7\t0\t3:10-12\t1\n\n8\t0\t-1\t1\n9 0 114:1-6 2\n');
    expect(qrels.get('7')).toEqual({ grades: new Map([['2:1-5', 1], ['3:10-12', 1]]), noAnswer: false });
    expect(qrels.get('8')).toEqual({ grades: new Map(), noAnswer: true });
    expect(qrels.get('9')?.grades.get('114:1-6')).toBe(2);
    expect(() => parseTrecQrels('7 0 2:1-5\n')).toThrow(/qrels line 1/);
  });

  it.skipIf(!existsSync(QURAN_QA_QRELS))('read the Qur\'an QA 2023 training qrels (skipped without ../shared/eval/quran-qa-2023: its CC BY-NC-ND licence keeps it out of the repository)', () => {
    const qrels = parseTrecQrels(readFileSync(QURAN_QA_QRELS, 'utf8'));
    const noAnswer = [...qrels.values()].filter((q) => q.noAnswer);
    expect(noAnswer.length).toBeGreaterThan(0);
    expect(noAnswer.every((q) => q.grades.size === 0)).toBe(true);
    expect(qrels.get('101')?.grades.get('7:85-93')).toBe(1);
    expect(qrels.size).toBeGreaterThan(100);
  });
});

describe('writing judgments', () => {
  it('keeps the hand-written layout, so the seed file reads back unchanged, byte for byte', () => {
    const path = join(PROJECT_ROOT, 'relevance', 'judgments', 'seeds.json');
    expect(formatJudgments(loadJudgments(path))).toBe(readFileSync(path, 'utf8'));
  });

  it('writes a changed grade whole, through a file renamed into place', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'judgments-')), 'set.json');
    writeFileSync(file, JSON.stringify({ description: 'x', scale: { '0': 'Poor' }, queries: [{ id: 'q1', query: 'x', need: 'y', ratings: { a: 1 } }] }));
    const judgments = loadJudgments(file);
    judgments.queries[0]!.ratings.b = 3;
    writeJudgments(file, judgments);
    expect(loadJudgments(file).queries[0]!.ratings).toEqual({ a: 1, b: 3 });
    expect(readdirSync(dirname(file))).toEqual(['set.json']);
  });
});
