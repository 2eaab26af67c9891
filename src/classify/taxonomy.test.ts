import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { entitiesFromSynonyms, loadTaxonomy } from './taxonomy.js';

describe('the taxonomy as the project ships it', () => {
  it('tags organizations from their list, and no platform the news quotes in passing', () => {
    const slugs = loadTaxonomy(PROJECT_ROOT).organizations.map((organization) => organization.slug);
    expect(slugs).toEqual(expect.arrayContaining(['nato', 'african-union']));
    // Multi-word spellings (فيس بوك، واتس آب، سناب شات) would make entities of them in organizations.txt.
    for (const platform of ['facebook', 'whatsapp', 'snapchat', 'twitter', 'google']) expect(slugs).not.toContain(platform);
  });

  it('names each person and organization once: no second entry under the same Arabic name (a one-way abbreviation, UN, made one)', () => {
    const { people, organizations } = loadTaxonomy(PROJECT_ROOT);
    for (const entities of [people, organizations]) {
      const names = entities.map((entity) => entity.labels.ar);
      expect(names.filter((name, at) => names.indexOf(name) !== at)).toEqual([]);
    }
  });

  it("labels a one-way rule's entity with the name as the news writes it, its right side", () => {
    const [crownPrince] = entitiesFromSynonyms(['mohammed bin salman, محمد ابن سلمان => محمد بن سلمان, mohammed bin salman']);
    expect(crownPrince!.labels).toEqual({ ar: 'محمد بن سلمان', en: 'Mohammed Bin Salman' });
  });

  it('labels an entity in Latin with each word capitalized, not the letter after an apostrophe', () => {
    const [army] = entitiesFromSynonyms(["الجيش الوطني الشعبي, people's national army"]);
    expect(army!.labels).toEqual({ ar: 'الجيش الوطني الشعبي', en: "People's National Army" });
    // A regnal number at the end is written whole; a first name of those letters is a name.
    const [king, president] = entitiesFromSynonyms(['محمد السادس, mohammed vi', 'شي جين بينغ, xi jinping']);
    expect([king!.labels.en, president!.labels.en]).toEqual(['Mohammed VI', 'Xi Jinping']);
  });
});

describe('the taxonomy digest, which tells stored tags stale', () => {
  it('changes with a term, not with the words that find a topic among the facet values, notes, or how a name alone is searched', () => {
    const root = mkdtempSync(join(tmpdir(), 'taxonomy-digest-'));
    try {
      for (const folder of ['taxonomy', 'analyzers']) cpSync(join(PROJECT_ROOT, folder), join(root, folder), { recursive: true });
      const topicsPath = join(root, 'taxonomy', 'topics.json');
      const shipped = JSON.parse(readFileSync(topicsPath, 'utf8')) as { topics: { searchWords?: string[]; notes?: string; terms: string[] }[] };
      const digestWith = (change: (topic: (typeof shipped.topics)[number]) => void) => {
        const topics = structuredClone(shipped);
        change(topics.topics[0]!);
        writeFileSync(topicsPath, JSON.stringify(topics));
        return loadTaxonomy(root).digest;
      };
      const before = digestWith(() => {});
      expect(digestWith((topic) => (topic.searchWords = [...(topic.searchWords ?? []), 'مفاوضة']))).toBe(before);
      expect(digestWith((topic) => (topic.notes = 'a note'))).toBe(before);
      expect(digestWith((topic) => topic.terms.push('مفاوضة'))).not.toBe(before);
      // How a place's name typed alone is searched tags nothing either.
      digestWith(() => {});
      const regionsPath = join(root, 'taxonomy', 'regions.json');
      const regions = JSON.parse(readFileSync(regionsPath, 'utf8')) as { regions: { slug: string; readAlone?: unknown }[] };
      regions.regions.find((region) => region.slug === 'jordan')!.readAlone = undefined;
      writeFileSync(regionsPath, JSON.stringify(regions));
      expect(loadTaxonomy(root).digest).toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the regions tree', () => {
  it('names only the nearest parents, so that a country nests under its sub-region and not beside it', () => {
    const root = mkdtempSync(join(tmpdir(), 'taxonomy-parents-'));
    try {
      for (const folder of ['taxonomy', 'analyzers']) cpSync(join(PROJECT_ROOT, folder), join(root, folder), { recursive: true });
      expect(loadTaxonomy(root).regions.find((region) => region.slug === 'venezuela')?.parents).toEqual(['south-america']);
      const regionsPath = join(root, 'taxonomy', 'regions.json');
      const shipped = JSON.parse(readFileSync(regionsPath, 'utf8')) as { regions: { slug: string; parents?: string[] }[] };
      shipped.regions.find((region) => region.slug === 'venezuela')!.parents!.unshift('americas');
      writeFileSync(regionsPath, JSON.stringify(shipped));
      expect(() => loadTaxonomy(root)).toThrow(/venezuela: parent "americas" is already above another of its parents/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
