/** A query's `site:` or `source:` word names a source, as web search's operator does (`site:bbc.com سوريا`). */
const SITE_OPERATOR = /(?<=^|\s)(?:site|source):(\S+)/giu;

/** No source the taxonomy names answers to a `site:` word. */
export class UnknownSiteError extends Error {
  constructor(
    readonly site: string,
    known: string[],
  ) {
    super(`site:${site} names no source; the sources are ${known.join(', ')}`);
    this.name = 'UnknownSiteError';
  }
}

/** A query's text without its `site:` words, and those words' values (`bbc.com`). */
export function splitSiteOperators(q: string): { text: string; sites: string[] } {
  const sites: string[] = [];
  const text = q.replace(SITE_OPERATOR, (_whole, site: string) => {
    if (!sites.includes(site)) sites.push(site);
    return ' ';
  });
  return { text: text.replace(/\s+/gu, ' ').trim(), sites };
}

const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The sources a `site:` value names, by the value ingest stores or either label: a web address's
 * names but its last (`arabic.cnn.com`: arabic, cnn; `www.skynewsarabia.com`: skynewsarabia, which
 * begins with skynews), or a name (`BBC`, `العربية`). A name of three letters or more may begin one
 * (`sky`); a longer one may carry more after it (`alarabiya.net`).
 */
export function sourcesOfSite(site: string, sourceLabels: ReadonlyMap<string, { ar: string; en: string }>): string[] {
  const host = site
    .replace(/^[a-z]+:\/\//iu, '')
    .replace(/[/?#:].*$/u, '')
    .replace(/^www\./iu, '');
  const labels = host.split('.').filter(Boolean);
  const names = (labels.length > 1 ? labels.slice(0, -1) : labels).map(compact).filter(Boolean);
  const answers = (key: string, name: string) => key === name || (name.length >= 3 && key.startsWith(name)) || (key.length >= 3 && name.startsWith(key));
  return [...sourceLabels].flatMap(([value, label]) => {
    const keys = [value, label.en, label.ar].map(compact);
    return names.some((name) => keys.some((key) => answers(key, name))) ? [value] : [];
  });
}
