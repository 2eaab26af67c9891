import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { checkedSynonymRules, loadIndexDefinition, wordFormRules } from './index-definition.js';

describe('loadIndexDefinition', () => {
  it('inlines every list and names the version by a digest of the whole definition', () => {
    const definition = loadIndexDefinition(PROJECT_ROOT);
    const analysis = definition.settings.analysis as { filter: Record<string, { synonyms?: string[]; rules?: string[] }> };
    expect(analysis.filter.arabic_synonyms?.synonyms).toEqual(expect.arrayContaining([expect.stringContaining('blinken')]));
    expect(analysis.filter.protected_names?.rules).toEqual(expect.arrayContaining([expect.stringMatching(/ => مالي$/)]));
    expect(analysis.filter.word_forms?.rules).toEqual(
      expect.arrayContaining([expect.stringMatching(/(^|, )لكره(, |$).* => كر$/), expect.stringMatching(/(^|, )شخصا(, |$).* => شخص$/)]),
    );
    expect(definition.digest).toMatch(/^[0-9a-f]{10}$/);
    expect(definition.mappings).toMatchObject({ _meta: { definition: definition.digest } });
  });
});

describe('wordFormRules', () => {
  it('reads each form as the stem of its noun, normalized as the index normalizes; a noun’s own و is kept', () => {
    expect(
      wordFormRules([
        ['لكأس', 'كأس'],
        ['ولكأس', 'كأس'],
        ['رسميّاً', 'رسمي'],
        ['بوزير', 'وزير'],
        ['وزير', 'وزير'],
      ]),
    ).toEqual(['لكاس, ولكاس => كاس', 'رسميا => رسم', 'بوزير, وزير => وزير']);
  });
});

describe('checkedSynonymRules', () => {
  const numbered = (...rules: string[]) => rules.map((entry, at) => ({ line: at + 3, entry }));
  it('refuses a rule holding a word the search analyzer drops before its synonyms, naming the list, the line and the rule', () => {
    const rules = ['انكتل => قتل, مقتل, انكتل', 'خد براءة => براءة, خد براءة'];
    expect(checkedSynonymRules('dialect-words.txt', numbered(...rules), ['على', 'إلى'])).toEqual(rules);
    expect(() => checkedSynonymRules('dialect-words.txt', numbered('خد براءة => حصل على البراءة, خد براءة'), ['على'])).toThrow(
      'dialect-words.txt: line 3: the rule "خد براءة => حصل على البراءة, خد براءة" holds على',
    );
  });

  it.each([
    ['a => b => c', 'has two "=>"'],
    ['foo =>', 'has an empty spelling'],
    [' => بلينكن', 'has an empty spelling'],
    ['foo, , bar', 'has an empty spelling'],
    ['blinken, بلينكن,', 'has an empty spelling'],
  ])('refuses %j, which the engine would refuse or read as nothing, naming its line', (rule, why) => {
    expect(() => checkedSynonymRules('people.txt', numbered('x, y', rule), [])).toThrow(`people.txt: line 4: the rule "${rule}" ${why}`);
  });
});
