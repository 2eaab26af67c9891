import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError, readWordPairs } from './data-files.js';

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
