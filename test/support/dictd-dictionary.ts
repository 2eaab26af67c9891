import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encodeNumber(value: number): string {
  let digits = '';
  do {
    digits = BASE64[value % 64] + digits;
    value = Math.floor(value / 64);
  } while (value > 0);
  return digits;
}

/**
 * A dictionary in dictd's format, as FreeDict's English–Arabic one is laid out (a headword line with
 * its pronunciation, then the senses), of the entries given: `<dir>/<name>.index` and `.dict.dz`.
 * Returns the path without extensions.
 */
export function writeDictdDictionary(dir: string, entries: Record<string, string>, name = 'eng-ara'): string {
  let text = '';
  const index: string[] = [];
  for (const [headword, senses] of Object.entries(entries)) {
    // An abbreviation in capitals as FreeDict writes one (ABA), any other word with a capital (Vaccine).
    const shown = /^[A-Z]{2,}$/.test(headword) ? headword : `${headword[0]!.toUpperCase()}${headword.slice(1)}`;
    const entry = `${shown} /ˈx/\n${senses}\n`;
    const offset = Buffer.byteLength(text, 'utf8');
    text += entry;
    // dictfmt keys an entry without its hyphens and apostrophes (x-ray is xray), as FreeDict's index does.
    index.push(`${headword.toLowerCase().replace(/['-]/g, '')}\t${encodeNumber(offset)}\t${encodeNumber(Buffer.byteLength(entry, 'utf8'))}`);
  }
  const path = join(dir, name);
  writeFileSync(`${path}.index`, `00databaseurl\tA\tB\n${index.join('\n')}\n`);
  writeFileSync(`${path}.dict.dz`, gzipSync(Buffer.from(text, 'utf8')));
  return path;
}
