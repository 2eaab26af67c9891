import { describe, expect, it } from 'vitest';
import { sourcesOfSite, splitSiteOperators } from './site-operator.js';

const labels = new Map([
  ['skynews', { ar: 'سكاي نيوز عربية', en: 'Sky News Arabia' }],
  ['alarabia', { ar: 'العربية', en: 'Al Arabiya' }],
  ['BBC', { ar: 'بي بي سي عربي', en: 'BBC Arabic' }],
  ['CNN', { ar: 'سي إن إن بالعربية', en: 'CNN Arabic' }],
  ['france24', { ar: 'فرانس 24', en: 'France 24' }],
]);

describe('site: and source: in a query', () => {
  it('takes the operator words out of the text, wherever they stand', () => {
    expect(splitSiteOperators('site:bbc.com سوريا')).toEqual({ text: 'سوريا', sites: ['bbc.com'] });
    expect(splitSiteOperators('سوريا SOURCE:CNN site:france24.com')).toEqual({ text: 'سوريا', sites: ['CNN', 'france24.com'] });
    // Inside a word or a link it is text.
    expect(splitSiteOperators('https://bbc.com/x website:y')).toEqual({ text: 'https://bbc.com/x website:y', sites: [] });
  });

  it.each([
    ['bbc.com', ['BBC']],
    ['https://www.bbc.com/arabic/middleeast', ['BBC']],
    ['arabic.cnn.com', ['CNN']],
    ['www.skynewsarabia.com', ['skynews']],
    ['alarabiya.net', ['alarabia']],
    ['France24', ['france24']],
    ['العربية', ['alarabia']],
    ['sky', ['skynews']],
  ])('%s names %j', (site, sources) => {
    expect(sourcesOfSite(site, labels)).toEqual(sources);
  });

  it('names nothing for an outlet no source is, nor for two letters', () => {
    expect(sourcesOfSite('aljazeera.net', labels)).toEqual([]);
    expect(sourcesOfSite('al', labels)).toEqual([]);
  });
});
