import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/classify/taxonomy.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { applyTopicTermChanges, parseTopicTermChanges } from './topic-term-changes.js';

describe('topic term changes for trials', () => {
  it('reads additions, removals and companions, several tried together', () => {
    expect(parseTopicTermChanges('politics+وزير الداخلية; diplomacy - العلاقات ;counter-terrorism~security-defense')).toEqual([
      { topic: 'politics', kind: 'add', value: 'وزير الداخلية' },
      { topic: 'diplomacy', kind: 'remove', value: 'العلاقات' },
      { topic: 'counter-terrorism', kind: 'companion', value: 'security-defense' },
    ]);
  });

  it('refuses a change it cannot read, rather than trying something else', () => {
    expect(() => parseTopicTermChanges('politics وزير')).toThrow(/not topic\+term/);
    expect(() => parseTopicTermChanges(' ; ')).toThrow(/no change/);
  });

  it('changes a copy: the loaded taxonomy is left as it was', () => {
    const taxonomy = loadTaxonomy(PROJECT_ROOT);
    const politics = taxonomy.topics.find((t) => t.slug === 'politics')!;
    const removable = politics.terms[0]!;
    const changed = applyTopicTermChanges(taxonomy, parseTopicTermChanges(`politics+مصطلح تجريبي; politics-${removable}; politics~diplomacy`));
    const changedPolitics = changed.topics.find((t) => t.slug === 'politics')!;
    expect(changedPolitics.terms).toContain('مصطلح تجريبي');
    expect(changedPolitics.terms).not.toContain(removable);
    expect(changedPolitics.companions).toContain('diplomacy');
    expect(politics.terms).toContain(removable);
    expect(politics.terms).not.toContain('مصطلح تجريبي');
  });

  it('names an unknown topic, a term already there and a term not there', () => {
    const taxonomy = loadTaxonomy(PROJECT_ROOT);
    const existing = taxonomy.topics.find((t) => t.slug === 'sport')!.terms[0]!;
    expect(() => applyTopicTermChanges(taxonomy, parseTopicTermChanges('weather+مطر'))).toThrow(/no topic "weather"/);
    expect(() => applyTopicTermChanges(taxonomy, parseTopicTermChanges(`sport+${existing}`))).toThrow(/already has/);
    expect(() => applyTopicTermChanges(taxonomy, parseTopicTermChanges('sport-كلمة غائبة'))).toThrow(/has no term/);
    expect(() => applyTopicTermChanges(taxonomy, parseTopicTermChanges('sport~weather'))).toThrow(/no topic "weather"/);
  });
});
