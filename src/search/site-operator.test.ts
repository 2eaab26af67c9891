import { describe, expect, it } from 'vitest';
import { siteWithinAlternative, sourcesOfSite, splitSiteOperators } from './site-operator.js';
import { isOrOperator } from './any-of-operator.js';

const labels = new Map([
  ['skynews', ['سكاي نيوز عربية', 'Sky News Arabia', 'سكاي نيوز']],
  ['alarabia', ['العربية', 'Al Arabiya']],
  ['BBC', ['بي بي سي عربي', 'BBC Arabic', 'بي بي سي']],
  ['CNN', ['سي إن إن بالعربية', 'CNN Arabic', 'سي إن إن']],
  ['france24', ['فرانس 24', 'France 24']],
]);

describe('site: and source: in a query', () => {
  it('takes the operator words out of the text, wherever they stand', () => {
    expect(splitSiteOperators('site:bbc.com سوريا')).toEqual({ text: 'سوريا', sites: ['bbc.com'], excludedSites: [] });
    expect(splitSiteOperators('سوريا SOURCE:CNN site:france24.com')).toEqual({ text: 'سوريا', sites: ['CNN', 'france24.com'], excludedSites: [] });
    // A name of several words in quotes; after a minus sign or NOT, a source to leave out.
    expect(splitSiteOperators('source:"فرانس 24" سوريا')).toEqual({ text: 'سوريا', sites: ['فرانس 24'], excludedSites: [] });
    // Quoted as Arabic text quotes: «» and “”.
    expect(splitSiteOperators('site:«بي بي سي» سوريا')).toEqual({ text: 'سوريا', sites: ['بي بي سي'], excludedSites: [] });
    expect(splitSiteOperators('سوريا -site:“سكاي نيوز”')).toEqual({ text: 'سوريا', sites: [], excludedSites: ['سكاي نيوز'] });
    expect(splitSiteOperators('سوريا -site:bbc.com NOT source:CNN')).toEqual({ text: 'سوريا', sites: [], excludedSites: ['bbc.com', 'CNN'] });
    // Inside a word or a link it is text.
    expect(splitSiteOperators('https://bbc.com/x website:y')).toEqual({ text: 'https://bbc.com/x website:y', sites: [], excludedSites: [] });
    // A space after the colon, and an operator with nothing after it (the empty source, refused as no source).
    expect(splitSiteOperators('سوريا site: bbc.com')).toEqual({ text: 'سوريا', sites: ['bbc.com'], excludedSites: [] });
    expect(splitSiteOperators('سوريا site:')).toEqual({ text: 'سوريا', sites: [''], excludedSites: [] });
  });

  it.each([
    ['bbc.com', ['BBC']],
    ['https://www.bbc.com/arabic/middleeast', ['BBC']],
    ['arabic.cnn.com', ['CNN']],
    ['www.skynewsarabia.com', ['skynews']],
    ['alarabiya.net', ['alarabia']],
    ['France24', ['france24']],
    ['العربية', ['alarabia']],
    ['فرانس 24', ['france24']],
    // The names readers give an outlet besides its labels.
    ['بي بي سي', ['BBC']],
    ['سكاي نيوز', ['skynews']],
    ['سي إن إن', ['CNN']],
    // Digits of any script.
    ['فرانس ۲۴', ['france24']],
    ['فرانس ٢٤', ['france24']],
  ])('%s names %j', (site, sources) => {
    expect(sourcesOfSite(site, labels)).toEqual(sources);
  });

  it('names nothing for an outlet no source is, even one whose name begins like a source', () => {
    for (const other of ['aljazeera.net', 'alarab.co.uk', 'العربي', 'france.fr', 'cnnbusiness.com', 'sky'])
      expect(sourcesOfSite(other, labels), other).toEqual([]);
  });
});

describe('site: beside OR', () => {
  it('is one side of OR inside parentheses or next to OR; outside them it is the whole search', () => {
    for (const q of ['(ترامب site:bbc.com) OR (بايدن site:cnn.com)', 'ترامب OR site:bbc.com', 'site:bbc.com | ترامب', 'ترامب OR (بايدن -site:cnn.com)'])
      expect(siteWithinAlternative(q, isOrOperator), q).toBe(true);
    for (const q of ['ترامب OR بايدن site:bbc.com', 'site:bbc.com ترامب OR بايدن', 'site:bbc.com سوريا'])
      expect(siteWithinAlternative(q, isOrOperator), q).toBe(false);
  });
});
