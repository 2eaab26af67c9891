import { Feed } from 'feed';
import { facetValues, regionParents, type Taxonomy } from '../classify/taxonomy.js';
import { escapeHtml } from '../escape-html.js';
import { withoutUnservableCharacters } from '../unservable-characters.js';
import type { ArticleHit } from './search-articles.js';

/** Where a feed and its entries point: the feed itself, the search page it follows, and an article's view. */
export interface FeedPlaces {
  self: string;
  searchPage: string;
  article: (id: string) => string;
}

/** The time of a feed without entries. */
const NEVER_UPDATED = new Date(0);

/**
 * A search's hits as an Atom 1.0 feed, in the order given (newest first, as a feed is asked): each
 * article its title, its view on the search page, its publication time, its source, the passage that
 * matched (its words marked), its topics and its most specific regions. An article without a date has no place in a
 * feed read by date, and is left out.
 */
export function atomFeedOf(hits: readonly ArticleHit[], title: string, places: FeedPlaces, taxonomy: Taxonomy): string {
  const dated = hits.filter((hit) => hit.published !== null);
  const labels = { topics: facetValues(taxonomy, 'topics'), regions: facetValues(taxonomy, 'regions') };
  const parentsOf = regionParents(taxonomy);
  const feed = new Feed({
    title,
    id: places.self,
    link: places.searchPage,
    language: 'ar',
    // A feed with nothing in it has never changed: a fixed time keeps its ETag, so a reader polling it is answered 304.
    updated: dated[0] ? new Date(dated[0].published!) : NEVER_UPDATED,
    feedLinks: { atom: places.self },
    generator: false,
  });
  for (const hit of dated) {
    const passage = hit.snippets[0];
    feed.addItem({
      // Atom's type="html": the title escaped, the passage as the search highlighted it (escaped, words in <mark>).
      title: escapeHtml(hit.title),
      link: places.article(hit.id),
      date: new Date(hit.published!),
      // Never edited after publication here: published and updated are one time.
      published: new Date(hit.published!),
      ...(passage ? { description: passage } : {}),
      ...(hit.source ? { author: [{ name: taxonomy.sourceLabels.get(hit.source)?.ar ?? hit.source }] } : {}),
      category: [
        ...hit.topics.map((value) => ({ term: value, name: labels.topics.get(value)?.ar ?? value })),
        ...mostSpecific(hit.regions, parentsOf, labels.regions),
      ],
    });
  }
  // An article stored before ingest took such characters out would make the whole feed unreadable.
  return withoutUnservableCharacters(feed.atom1());
}

/** Of an article's regions, those no other of them lies in (Algeria, not also the Maghreb and Africa), labelled. */
function mostSpecific(regions: readonly string[], parentsOf: ReadonlyMap<string, readonly string[]>, labels: ReadonlyMap<string, { ar: string }>) {
  const wider = new Set(regions.flatMap((region) => parentsOf.get(region) ?? []));
  return regions.filter((region) => !wider.has(region)).map((region) => ({ term: region, name: labels.get(region)?.ar ?? region }));
}
