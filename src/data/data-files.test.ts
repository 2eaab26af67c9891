import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError, readWordList, readWordPairs } from './data-files.js';

describe('readWordPairs', () => {
  const root = mkdtempSync(join(tmpdir(), 'word-pairs-'));

  it('reads each line as a pair, skipping comments and blank lines', () => {
    writeFileSync(join(root, 'pairs.tsv'), '# forms\nلكاس\tكاس\n\nشخصا\tشخص\n');
    expect(readWordPairs(root, 'pairs.tsv')).toEqual([
      ['لكاس', 'كاس'],
      ['شخصا', 'شخص'],
    ]);
  });

  it('names the file and the line of a pair without its second word', () => {
    writeFileSync(join(root, 'broken.tsv'), 'لكاس\tكاس\nشخصا\n');
    expect(() => readWordPairs(root, 'broken.tsv')).toThrow(DataFileError);
    expect(() => readWordPairs(root, 'broken.tsv')).toThrow(/broken\.tsv: line 2/);
  });
});

describe('readWordList', () => {
  const root = mkdtempSync(join(tmpdir(), 'word-list-'));

  it('reads one word a line, and names the line of two words, which would match nothing', () => {
    writeFileSync(join(root, 'words.txt'), '# question words\nمن\n\n  ماذا \n');
    expect(readWordList(root, 'words.txt')).toEqual(['من', 'ماذا']);
    writeFileSync(join(root, 'phrase.txt'), 'من\n# a comment of many words\nما هو\n');
    expect(() => readWordList(root, 'phrase.txt')).toThrow('phrase.txt: line 3: one word a line, got "ما هو"');
  });
});
