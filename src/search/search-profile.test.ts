import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { ProfileStore } from './search-profile.js';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

/** A data root holding the project's profiles plus the given files. */
function rootWith(files: Record<string, unknown>): string {
  root = mkdtempSync(join(tmpdir(), 'profiles-'));
  cpSync(join(PROJECT_ROOT, 'relevance', 'profiles'), join(root, 'relevance', 'profiles'), { recursive: true });
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(root, 'relevance', 'profiles', name), typeof content === 'string' ? content : JSON.stringify(content));
  return root;
}

const candidate = {
  description: 'a tuning candidate',
  version: 1,
  fields: { title: 1, body: 1 },
  tieBreaker: 0.1,
  minimumShouldMatch: '1',
  phrase: { fields: {}, slop: 0 },
  highlight: { fragmentSize: 100, fragments: 1 },
};

describe('ProfileStore', () => {
  it('serves the public only profiles marked public (and the default), every profile to evaluation', () => {
    const store = new ProfileStore(rootWith({ 'candidate.json': candidate }), 'default');
    expect(store.getPublic('candidate')).toBeUndefined();
    expect(store.get('candidate')?.name).toBe('candidate');
    expect(store.getPublic()?.name).toBe('default');
    expect(store.publicNames()).toEqual(['default', 'exact-first']);
  });

  it('refuses to start with a profile file that does not validate, naming it', () => {
    expect(() => new ProfileStore(rootWith({ 'broken.json': { ...candidate, tieBreaker: 7 } }), 'default')).toThrow(/broken\.json/);
    expect(() => new ProfileStore(rootWith({ 'garbled.json': '{ not json' }), 'default')).toThrow(/garbled\.json/);
  });

  it('refuses to start without its default profile', () => {
    expect(() => new ProfileStore(rootWith({}), 'missing')).toThrow(/missing/);
  });
});
