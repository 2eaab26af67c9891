import { normalizeArabicWord } from '../analysis/arabic-rules.js';
import { toAsciiDigits } from '../ingest/article-dates.js';
import { MINUS_SIGN } from './excluded-terms.js';
import { QueryLogicError } from './any-of-operator.js';
/**
 * A query's `site:` or `source:` word names a source, as web search's operator does (`site:bbc.com
 * سوريا`); a name of several words is quoted (`source:"فرانس 24"`). After a minus sign or `NOT` it
 * leaves that source out. A space after the colon is allowed (`site: bbc.com`); an operator with
 * nothing after it names the empty source, which no source answers to.
 */
const SITE_OPERATOR = new RegExp(`(?<=^|\\s)(${MINUS_SIGN}|NOT\\s+)?(?:site|source):(?:\\s*(?:"([^"]+)"|«([^»]+)»|“([^”]+)”)|\\s*(\\S+)|\\s*$)`, 'giu');

/** No source the taxonomy names answers to a `site:` word. */
export class UnknownSiteError extends Error {
  constructor(
    readonly site: string,
    known: string[],
  ) {
    super(
      site
        ? `"${site}" (after site: or source:) names no source; the sources are ${known.join(', ')}`
        : `site: or source: needs a source after it (site:bbc.com); the sources are ${known.join(', ')}`,
    );
    this.name = 'UnknownSiteError';
  }
}

/** A `site:` word where a text with OR would read it as one alternative's, which it cannot be: it keeps or leaves out a source for the whole search. */
/** `site:` in q keeps sources none of which the `source` parameter selects: no article could be both. */
export class SiteOutsideSourcesError extends QueryLogicError {
  constructor(kept: readonly string[], selected: readonly string[]) {
    super(
      `site: keeps the articles of ${kept.join(', ')}, and the source parameter those of ${selected.join(', ')}: no article is both; give the one you mean`,
    );
    this.name = 'SiteOutsideSourcesError';
  }
}

export class SiteWithinAlternativeError extends QueryLogicError {
  constructor() {
    super(
      'site: and source: keep or leave out a source for the whole search, not for one side of OR: write them outside parentheses and away from OR (ترامب OR بايدن site:bbc.com)',
    );
    this.name = 'SiteWithinAlternativeError';
  }
}

/** Whether a `site:` word of `q` stands inside parentheses or beside OR, where it would read as one alternative's. */
export function siteWithinAlternative(q: string, isOr: (word: string) => boolean): boolean {
  for (const match of q.matchAll(SITE_OPERATOR)) {
    const before = q.slice(0, match.index);
    const depth = (before.match(/\(/gu) ?? []).length - (before.match(/\)/gu) ?? []).length;
    const previous = before.trim().split(/\s+/u).at(-1) ?? '';
    const next =
      q
        .slice(match.index + match[0].length)
        .trim()
        .split(/\s+/u)[0] ?? '';
    if (depth > 0 || isOr(previous) || isOr(next) || /\)$/u.test(match[0])) return true;
  }
  return false;
}

/** A query's text without its `site:` words, and those words' values: to keep (`bbc.com`), and to leave out. */
export function splitSiteOperators(q: string): { text: string; sites: string[]; excludedSites: string[] } {
  const sites: string[] = [];
  const excludedSites: string[] = [];
  const text = q.replace(
    SITE_OPERATOR,
    (_whole, negation: string | undefined, quoted: string | undefined, guillemets: string | undefined, curly: string | undefined, word: string | undefined) => {
      const site = (quoted ?? guillemets ?? curly ?? word ?? '').trim();
      const list = negation ? excludedSites : sites;
      if (!list.includes(site)) list.push(site);
      return ' ';
    },
  );
  return { text: text.replace(/\s+/gu, ' ').trim(), sites, excludedSites };
}

// Letters folded as the index folds them: سكاي نيوز عربيه is سكاي نيوز عربية.
// Digits in any script: فرانس ۲۴ and فرانس ٢٤ are فرانس 24.
const compact = (text: string) => toAsciiDigits(normalizeArabicWord(text)).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The sources a `site:` value names: the value ingest stores or either label, whole, as a name
 * (`BBC`, `العربية`, `فرانس 24`) or as one of a web address's names but its last (`arabic.cnn.com`:
 * cnn; `www.skynewsarabia.com`: skynewsarabia, Sky News Arabia's label; `alarabiya.net`). Whole, so
 * that another outlet is no source of ours: alarab.co.uk is not Al Arabiya, nor france.fr France 24.
 */
/**
 * A feed's source as the outlet the taxonomy labels it under, where it names one outlet by its value
 * in another case, a label or an address (bbc, France 24, www.skynewsarabia.com); else as given. An
 * article stored as "France 24" would be a source of its own, which `source=France 24` then selects
 * instead of the outlet.
 */
export function outletOfSource(sourceNames: ReadonlyMap<string, readonly string[]>): (given: string) => string {
  // A feed names few sources, once an article: each is looked up once.
  const outletOf = new Map<string, string>();
  return (given) => {
    let outlet = outletOf.get(given);
    if (outlet === undefined) {
      const outlets = sourcesOfSite(given, sourceNames);
      outletOf.set(given, (outlet = outlets.length === 1 ? outlets[0]! : given));
    }
    return outlet;
  };
}

export function sourcesOfSite(site: string, sourceNames: ReadonlyMap<string, readonly string[]>): string[] {
  const host = site
    .replace(/^[a-z]+:\/\//iu, '')
    .replace(/[/?#:].*$/u, '')
    .replace(/^www\./iu, '');
  const labels = host.split('.').filter(Boolean);
  const names = new Set([compact(site), ...(labels.length > 1 ? labels.slice(0, -1) : labels).map(compact)].filter(Boolean));
  return [...sourceNames].flatMap(([value, known]) => ([value, ...known].some((key) => names.has(compact(key))) ? [value] : []));
}
