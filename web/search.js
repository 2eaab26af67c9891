// The search page: the whole state lives in the URL (shareable; back and forward work), every
// answer comes from this API, and all text is set as text.
import { callJson, errorMessage, formatDate, formatMonth, h, marked, useTimeZone } from './common.js';

/** The facets an article is tagged with; the source facet below them is the article's outlet. */
const TAG_FACETS = [
  { key: 'topics', param: 'topic', title: 'الموضوعات' },
  { key: 'regions', param: 'region', title: 'المناطق والبلدان' },
  // Every article naming a place, about it or not; labelled as the regions are.
  { key: 'regions_mentioned', param: 'region_mentioned', labelsOf: 'regions', prefix: 'مذكورة: ', title: 'الأماكن المذكورة' },
  { key: 'people', param: 'person', title: 'الأشخاص' },
  { key: 'organizations', param: 'organization', title: 'المنظمات' },
];
/** The facets too long to list whole, which a box finds values of by name (`GET /facets/{facet}?q=`). */
const FINDABLE = new Set(['regions', 'people', 'organizations']);
const FACETS = [...TAG_FACETS, { key: 'source', param: 'source', title: 'المصادر' }];
const PAGE_SIZE = 10;
/** At most this many hits as typed, a respelling into a listed name is searched in their place (the API's FEW_AS_TYPED). */
const FEW_AS_TYPED = 5;
// A shared link shows at most this many pages (1,000 hits), the rest after the first asked RESTORE_SIZE at a time.
const MAX_PAGES = 100;
const RESTORE_SIZE = 50;
const KIND = { people: 'شخص', regions: 'مكان', organizations: 'منظمة' };
const SITE_TITLE = 'بحث الأخبار';
/** A touch screen: an on-screen keyboard, and a slower pace of typing. */
const TOUCH = matchMedia('(pointer: coarse)');

const $ = (id) => document.getElementById(id);
const input = $('q');
const list = $('suggestions');

/** Facet value → { ar, en } labels, and each region's parents, from GET /facets. */
const taxonomy = { labels: { source: new Map() }, parents: new Map() };
/** What is on screen: the search it answers, the hits so far, and the cursor of the next page. */
const shown = { key: '', hits: [], nextCursor: null, status: '' };
let searchRun = 0;
/** The article last opened, whose link takes the focus back when the reader returns to the results. */
let lastArticle = '';

function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {
    q: params.get('q') || '',
    sort: ['newest', 'oldest'].includes(params.get('sort')) ? params.get('sort') : 'relevance',
    dateFrom: params.get('date_from') || '',
    dateTo: params.get('date_to') || '',
    pages: Math.min(Math.max(parseInt(params.get('pages') || '1', 10) || 1, 1), MAX_PAGES),
    article: params.get('article') || '',
    // 'false': the text as typed, even when it finds nothing (no respelling searched in its place).
    respell: params.get('respell') === 'false' ? 'false' : '',
  };
  for (const facet of FACETS)
    state[facet.key] = [
      ...new Set(
        params
          .getAll(facet.param)
          .flatMap((v) => v.split(','))
          .filter(Boolean),
      ),
    ];
  // The tag facets whose ticked values (two or more) an article must all hold (match_all), not any one.
  // One the page does not know is kept, for the API to refuse by name, not dropped unseen.
  const matchAll = [...new Set(params.getAll('match_all').flatMap((v) => v.split(',')))].filter(Boolean);
  state.matchAll = matchAll.filter((param) => {
    const facet = TAG_FACETS.find((tagFacet) => tagFacet.param === param);
    return !facet || state[facet.key].length >= 2;
  });
  return state;
}

/** The search's own parameters, as /search takes them (and the page's URL holds them). */
function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) for (const value of state[facet.key]) params.append(facet.param, value);
  for (const param of state.matchAll) params.append('match_all', param);
  if (state.dateFrom) params.set('date_from', state.dateFrom);
  if (state.dateTo) params.set('date_to', state.dateTo);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.respell) params.set('respell', state.respell);
  return params;
}

/** The search's feed (newest first, so without a sort; the text as typed, so without respell). */
function feedUrl(state) {
  const params = searchParams(state);
  params.delete('sort');
  params.delete('respell');
  const query = params.toString();
  return query ? `search/feed?${query}` : 'search/feed';
}

function pageUrl(state) {
  const params = searchParams(state);
  if (state.pages > 1) params.set('pages', String(state.pages));
  if (state.article) params.set('article', state.article);
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

function navigate(changes, { replace = false } = {}) {
  // Only back (the browser's or the page's) returns the focus to the article last opened.
  lastArticle = '';
  const state = { ...readState(), pages: 1, article: '', ...changes };
  // Searching as typed holds for the text it was asked of, not the next one.
  if ('q' in changes && !('respell' in changes)) state.respell = '';
  // The same search asked again is no new place to go back from.
  const again = pageUrl(state) === pageUrl(readState());
  history[replace || again ? 'replaceState' : 'pushState']({ articlesSinceResults: articlesSinceResults(state, replace || again) }, '', pageUrl(state));
  show(state);
}

/**
 * How many history entries back the results are from the entry `state` makes: 1 for an article opened
 * from them, one more for each related article followed; none where no entry of this page holds them
 * (an article opened from a shared link).
 */
function articlesSinceResults(state, replacing) {
  const current = history.state?.articlesSinceResults;
  if (replacing) return current;
  if (!state.article) return undefined;
  if (!readState().article) return 1;
  return current ? current + 1 : undefined;
}

function show(state) {
  if (document.activeElement !== input) input.value = state.q;
  $('sort').value = state.sort;
  $('feed-link').href = feedUrl(state);
  if (state.article) return showArticle(state);
  // Leaving an article (back, a tag, a link): the focus must land in the results, not fall to the top.
  const fromArticle = !$('article-view').hidden;
  $('article-view').hidden = true;
  $('search-view').hidden = false;
  skipTo('results', 'انتقل إلى النتائج');
  document.title = state.q ? `${state.q} — ${SITE_TITLE}` : SITE_TITLE;
  return runSearch(state).then(() => {
    // Back from an article: the focus returns to the link that opened it (or to the results), not to the top of the page.
    const opened = lastArticle && document.querySelector(`#hits a[data-id="${CSS.escape(lastArticle)}"]`);
    lastArticle = '';
    if (opened) opened.focus();
    else if (fromArticle && (document.activeElement === document.body || !document.activeElement?.getClientRects().length)) $('results').focus();
  });
}

// ---- results -------------------------------------------------------------------------------

async function runSearch(state) {
  let params = searchParams(state);
  let key = `${params}|${state.pages}`;
  renderActiveFilters(state);
  // Back to the search shown while another was loading: that one's answer must not replace it.
  if (key === shown.key) {
    searchRun++;
    $('status').textContent = shown.status;
    return;
  }
  const run = ++searchRun;
  $('status').textContent = 'جارٍ البحث…';
  $('to-results').textContent = '↑ النتائج (…)';
  const first = await callJson(`search?${params}&size=${PAGE_SIZE}`);
  if (run !== searchRun) return;
  if (first.status !== 200) return showError(first);
  // Nothing, or next to nothing, as typed, so the API searched its respelling: the box and the URL say what was searched,
  // and more pages are asked of it.
  const typed = state.q;
  if (first.body.searchedInstead) {
    state = { ...state, q: first.body.searchedInstead };
    params = searchParams(state);
    key = `${params}|${state.pages}`;
    history.replaceState(history.state, '', pageUrl(state));
    // The box says what was searched, unless the reader has typed on since.
    if (document.activeElement !== input || input.value.trim() === typed.trim()) input.value = state.q;
    document.title = `${state.q} — ${SITE_TITLE}`;
    $('feed-link').href = feedUrl(state);
  }
  let hits = first.body.hits;
  let nextCursor = first.body.nextCursor;
  // A shared link with pages=N shows the same N pages: the rest asked after the first in as few
  // requests as the API's page size allows (page by page where it is configured below RESTORE_SIZE).
  let wanted = (state.pages - 1) * PAGE_SIZE;
  let chunk = RESTORE_SIZE;
  while (wanted > 0 && nextCursor) {
    const next = await callJson(`search?${params}&size=${Math.min(chunk, wanted)}&cursor=${encodeURIComponent(nextCursor)}`);
    if (run !== searchRun) return;
    if (next.status === 400 && next.body?.error?.field === 'size' && chunk > PAGE_SIZE) {
      chunk = PAGE_SIZE;
      continue;
    }
    if (next.status !== 200) return showError(next);
    if (next.body.hits.length === 0) break;
    hits = hits.concat(next.body.hits);
    nextCursor = next.body.nextCursor;
    wanted -= next.body.hits.length;
  }
  Object.assign(shown, { key, hits, nextCursor });
  const focused = document.activeElement;
  const focusedKey = focusKeyOf(focused);
  renderResult(first.body, state, typed);
  // Again, now the answer has labelled its sources.
  renderActiveFilters(state);
  refocus(focused, focusedKey);
  document.body.dataset.rendered = key;
}

/** What names a control across renderings: its id, or the key it was drawn with (a month's bar). */
function focusKeyOf(element) {
  return element && element !== document.body ? element.id || element.dataset?.focus || '' : '';
}

/**
 * After the results are drawn again, the focus stays where the reader was: on the same control if it
 * is drawn again, else on the results, never lost to the top of the page.
 */
function refocus(focused, key) {
  if (!focused || focused === document.body) return;
  // Still drawn and still focused: nothing to do. Hidden (the offer once it is taken) is gone, though it keeps the focus a moment.
  const shownStill = focused.isConnected && focused.getClientRects().length > 0;
  if (shownStill && document.activeElement === focused) return;
  const again = key && (document.getElementById(key) || document.querySelector(`[data-focus="${CSS.escape(key)}"]`));
  if (again && again.getClientRects().length > 0) again.focus();
  else if (document.activeElement === document.body || document.activeElement === focused) $('results').focus();
}

/** The search with the filter the API refused taken out (or its dates swapped): a date, or the values of a facet the facets do not list. */
function withoutRefused(state, error) {
  const field = error?.field;
  if (field === 'date_from' || field === 'date_to') {
    // Two days the wrong way round are swapped; else every date that is no day of the calendar goes, not one a tap.
    if (/after/u.test(error.message || '') && isCalendarDay(state.dateFrom) && isCalendarDay(state.dateTo))
      return { ...state, dateFrom: state.dateTo, dateTo: state.dateFrom };
    const kept = (date, refused) => (refused || !isCalendarDay(date) ? '' : date);
    return { ...state, dateFrom: kept(state.dateFrom, field === 'date_from'), dateTo: kept(state.dateTo, field === 'date_to') };
  }
  const facet = FACETS.find((one) => one.param === field);
  const labels = facet && taxonomy.labels[facet.labelsOf || facet.key];
  if (!labels) return undefined;
  const known = state[facet.key].filter((value) => labels.has(value));
  // A source named in the text (site:) is the text's to change: no filter to take out.
  return known.length < state[facet.key].length ? { ...state, [facet.key]: known } : undefined;
}

/** A date of the calendar written as the API reads it (2018-02-30 is none), or none at all. */
function isCalendarDay(date) {
  if (!date) return true;
  const day = new Date(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/u.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

function showError(answer) {
  const code = answer.body && answer.body.error && answer.body.error.code;
  const sources = [...taxonomy.labels.source.values()].map((name) => name.ar).join('، ');
  const said = code === 'unknown_source' ? `لا مصدر بهذا الاسم بعد site: أو source:؛ المصادر: ${sources}` : errorMessage(answer);
  $('status').textContent = `تعذّر البحث: ${said}`;
  // Nothing shown belongs to this search any more: the next attempt starts afresh.
  shown.key = '';
  $('hits').replaceChildren();
  $('hits').hidden = true;
  $('did-you-mean').hidden = code === 'unknown_source' || answer.status === 400;
  // A failure that is not the search's own (the service or the network) can be tried again; a retry that fails again keeps the focus on it.
  const retrying = $('did-you-mean').contains(document.activeElement);
  const retry = h('button', { type: 'button', class: 'link', onclick: () => show(readState()) }, 'أعد المحاولة');
  $('did-you-mean').replaceChildren(retry);
  if (retrying && !$('did-you-mean').hidden) retry.focus();
  // A link the API refused by one of its filters (a value since renamed, a date mistyped): the search without it, a tap away.
  const fixed = answer.status === 400 ? withoutRefused(readState(), answer.body?.error) : undefined;
  if (fixed) {
    $('did-you-mean').replaceChildren(
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => navigate(fixed, { replace: true }) },
        fixed.dateFrom !== readState().dateFrom && fixed.dateFrom === readState().dateTo ? 'ابحث بالتاريخين مبادَلين' : 'ابحث دون هذه التصفية',
      ),
    );
    $('did-you-mean').hidden = false;
  }
  $('more').hidden = true;
  $('more-status').hidden = true;
  // No answer came: the filters drawn are the last search's, nothing to tick until one does.
  markFiltersStale(answer.status === 0 || answer.status >= 500);
  $('to-results').textContent = '↑ النتائج';
  document.body.dataset.rendered = `error:${answer.status}`;
}

/** Dimmed and out of reach, or not; the bar back to the results stays either way: it leads to the error and its retry. */
function markFiltersStale(stale) {
  $('filters').classList.toggle('stale', stale);
  for (const part of $('filters').children) if (part !== $('to-results')) part.inert = stale;
}

function renderResult(result, state, typed = state.q) {
  // The facets count the articles holding every word when the list also holds some with only a few.
  const everyWord = everyWordOf(result);
  const allWords =
    result.totalAllWords === 0
      ? ` (لا مقال يحوي ${everyWord}: هذه تحوي بعضها)`
      : result.totalAllWords && result.totalAllWords !== result.total
        ? ` (تحوي ${everyWord}: ${count(result.totalAllWords)}، وعليها تُحصى التصنيفات)`
        : '';
  const filtered = FACETS.some((facet) => state[facet.key].length) || state.dateFrom || state.dateTo;
  $('status').textContent =
    result.total === 0
      ? `لا نتائج${result.datesInQuery ? ` منشورة في \u2068${result.datesInQuery.named}\u2069` : ''}${filtered ? ': جرّب إزالة بعض التصفية أعلاه' : state.q ? ': تحقّق من الكتابة أو جرّب كلمات أقل' : ''}${inArabicNote(result)}`
      : `${insteadNote(result, typed)}${result.linked ? LINKED_NOTE : ''}عدد النتائج: ${count(result.total)}${alternativesNote(result)}${datesNote(result)}${allWords}${everyWordNote(result, state)}${result.relaxed ? RELAXED_NOTE : ''}${inArabicNote(result)}`;
  $('hits').hidden = false;
  const suggestion = $('did-you-mean');
  suggestion.hidden = !result.didYouMean && !result.searchedInstead && !result.withoutMonth && !result.readAsName;
  if (result.withoutMonth) {
    const { q, total } = result.withoutMonth;
    suggestion.replaceChildren(
      `في كل التواريخ (${count(total)}): `,
      h('a', { href: pageUrl({ ...state, q, pages: 1 }), dir: 'auto', onclick: follow({ q }) }, q),
    );
  } else if (result.searchedInstead) {
    suggestion.replaceChildren(
      'ابحث عمّا كُتب: ',
      h('a', { href: pageUrl({ ...state, q: typed, respell: 'false', pages: 1 }), dir: 'auto', onclick: follow({ q: typed, respell: 'false' }) }, typed),
    );
  } else if (result.readAsName) {
    // A name that is also a word (حماس): its articles are listed; the Arabic word typed alone is one click away, quoted.
    const { facet, value } = result.readAsName;
    const word = `"${typed}"`;
    const tagged = `المقالات الموسومة بـ«\u2068${label(facet, value).ar}\u2069».`;
    suggestion.replaceChildren(
      ...(/\p{Script=Arabic}/u.test(typed) && !/\s/u.test(typed.trim())
        ? [`${tagged} للبحث عن الكلمة كما كُتبت: `, h('a', { href: pageUrl({ ...state, q: word, pages: 1 }), dir: 'auto', onclick: follow({ q: word }) }, word)]
        : [tagged]),
    );
  } else if (result.didYouMean) {
    suggestion.replaceChildren(
      'هل تقصد: ',
      h('a', { href: pageUrl({ ...state, q: result.didYouMean, pages: 1 }), dir: 'auto', onclick: follow({ q: result.didYouMean }) }, result.didYouMean),
      '؟',
    );
  }
  // The offer is said with the count: a reader who hears "no results" hears the way out too.
  if (!suggestion.hidden) $('status').append(h('span', { class: 'visually-hidden' }, ` ${suggestion.textContent}`));
  shown.status = $('status').textContent;
  // Sources are open-ended: /facets does not list them, each answer labels its own.
  for (const bucket of result.facets.source) taxonomy.labels.source.set(bucket.value, bucket.label);
  $('hits').replaceChildren(...shown.hits.map((hit) => renderHit(hit, state)));
  $('more').hidden = !shown.nextCursor;
  $('more-status').hidden = true;
  markFiltersStale(false);
  $('to-results').textContent = `↑ النتائج (${count(result.total)})`;
  renderHistogram(result.facets.published, state);
  for (const facet of FACETS) renderFacet(facet, result.facets[facet.key], state);
}

const NUMBER = new Intl.NumberFormat('ar-u-nu-latn');

/** A count with its thousands marked (9,339). */
function count(value) {
  return NUMBER.format(value);
}

/** A pasted link was read as the address of the articles listed, not searched as words: said first. */
const LINKED_NOTE = 'المنشور بهذا الرابط. ';

/** A search that found nothing as typed was asked again more loosely: said, so a reader knows why these hits. */
const RELAXED_NOTE = ' (لا شيء يطابق البحث كما كُتب؛ هذه نتائج تحوي بعض كلماته أو صيغًا أخرى منها)';

/**
 * English words searched as their Arabic: said, so a reader sees what was looked for, "اللقاح (vaccine)"
 * (the English isolated, so that it keeps its place in the Arabic line); and those with no Arabic
 * known, which find only articles writing them in Latin letters.
 */
function inArabicNote(result) {
  const pairs = result.searchedInArabic ?? [];
  const asTyped = result.searchedAsTyped ?? [];
  const translated = pairs.length
    ? ` (بُحث بالعربية عن: ${pairs.map((pair) => `${pair.arabic} (\u2068${pair.respelled ?? pair.english}\u2069)`).join('، ')})`
    : '';
  const untranslated = asTyped.length ? ` (لا مقابل عربيًا معروفًا لـ: ${asTyped.map((word) => `\u2068${word}\u2069`).join('، ')}؛ اكتبه بالعربية)` : '';
  return translated + untranslated;
}

/** A text with each hamza and its seat written as the bare letter: الجزاير and الجزائر alike. */
function withoutHamzas(text) {
  return text.replace(/[أإآ]/gu, 'ا').replace(/ؤ/gu, 'و').replace(/ئ/gu, 'ي').replace(/ء/gu, '');
}

/** A search that found nothing, or next to nothing, as typed and was answered with its respelling, or with its tags' words: said first. */
function insteadNote(result, typed) {
  if (!result.searchedInstead) return '';
  const instead = `فعُرضت نتائج «\u2068${result.searchedInstead}\u2069». `;
  // Typed with the other keyboard layout active (lwv: مصر): said as such, whatever the letters as typed found.
  if (result.keyboardLayout)
    return `كُتبت «\u2068${typed}\u2069» ولوحة المفاتيح على ${result.keyboardLayout === 'arabic' ? 'الإنجليزية' : 'العربية'}، ${instead}`;
  // A tag searched as its words (#WorldCup Messi): its articles may be many, none holding every word.
  const tagWords = /[#@]/u.test(typed) && !/[#@]/u.test(result.searchedInstead);
  if (tagWords && result.totalAsTyped) return `لا مقال يحوي كل كلمات «\u2068${typed}\u2069» كما كُتبت، ${instead}`;
  // More than a few as typed: the respelling wrote the hamzas left off (مسوول: مسؤول), or a letter heard alike (ام كلتوم: أم كلثوم).
  if (result.totalAsTyped > FEW_AS_TYPED) {
    const how = withoutHamzas(typed) === withoutHamzas(result.searchedInstead) ? 'بهمزاتها' : 'بعد تصحيح إملائها';
    return `«\u2068${typed}\u2069» كما كُتبت: ${count(result.totalAsTyped)}، وعُرضت نتائج «\u2068${result.searchedInstead}\u2069» ${how}. `;
  }
  const found = result.totalAsTyped ? `نتائج قليلة (${count(result.totalAsTyped)})` : 'لا نتائج';
  return `${found} لـ «\u2068${typed}\u2069»، ${instead}`;
}

/** A text with OR or parentheses, searched as the alternatives it spells out: said, as the reader's words were grouped into them. */
function alternativesNote(result) {
  const texts = (result.alternatives ?? []).map(({ q, total }) => `«\u2068${q}\u2069» (${count(total)})`);
  if (texts.length === 0) return '';
  return texts.length === 1 ? ` (بُحث عن: ${texts[0]})` : ` (أيٌّ من: ${texts.join(' أو ')})`;
}

/** What "every word" is of this result: with OR, every word of one alternative. */
function everyWordOf(result) {
  return result.alternatives?.length > 1 ? 'كل كلمات أحد البدائل' : 'كل الكلمات';
}

/** The month the query named, searched as dates: said, since no date filter shows it. */
function datesNote(result) {
  return result.datesInQuery ? ` (المنشورة في \u2068${result.datesInQuery.named}\u2069)` : '';
}

/** By date (newest or oldest first), or narrowed by a facet value, lists only the articles holding every word (relevance ranks any): said, as the count differs. */
function everyWordNote(result, state) {
  // The month's words are dates, not words an article holds.
  const searched = result.datesInQuery ? state.q.replace(result.datesInQuery.named, ' ') : state.q;
  const words = searched.trim().split(/\s+/u).filter(Boolean).length;
  if (words < 2 || result.relaxed) return '';
  const everyWord = everyWordOf(result);
  if (state.sort !== 'relevance') return ` (${state.sort === 'newest' ? 'الأحدث' : 'الأقدم'} أولًا، من المقالات التي تحوي ${everyWord})`;
  return FACETS.some((facet) => state[facet.key].length > 0) ? ` (من المقالات التي تحوي ${everyWord})` : '';
}

/** Every filter in force, above the results, each with its own remove button: a new search keeps them. */
function renderActiveFilters(state) {
  const chips = [];
  for (const facet of FACETS) {
    for (const value of state[facet.key]) {
      const name = `${facet.prefix || ''}${label(facet.key, value).ar}`;
      chips.push(
        h(
          'button',
          {
            type: 'button',
            class: 'chip',
            'aria-label': `إزالة التصفية: ${name}`,
            onclick: () =>
              removeFilter(
                withValues(
                  state,
                  facet,
                  state[facet.key].filter((v) => v !== value),
                ),
              ),
          },
          h('bdi', {}, name),
          ' ×',
        ),
      );
    }
  }
  if (state.dateFrom || state.dateTo)
    chips.push(
      h(
        'button',
        { type: 'button', class: 'chip', 'aria-label': `إزالة التصفية: ${dateRangeText(state)}`, onclick: () => removeFilter({ dateFrom: '', dateTo: '' }) },
        h('bdi', {}, dateRangeText(state)),
        ' ×',
      ),
    );
  const bar = $('active-filters');
  bar.hidden = chips.length === 0;
  const clearAll = Object.fromEntries([...FACETS.map((facet) => [facet.key, []]), ['dateFrom', ''], ['dateTo', ''], ['matchAll', []]]);
  const removeAll = h('button', { type: 'button', class: 'link', onclick: () => removeFilter(clearAll) }, 'إزالة الكل');
  bar.replaceChildren(...(chips.length ? ['التصفية: ', ...chips, ...(chips.length > 1 ? [removeAll] : [])] : []));
}

/** The change that leaves `values` ticked in a facet: below two, nothing is left to require together. */
function withValues(state, facet, values) {
  const matchAll = values.length < 2 ? state.matchAll.filter((param) => param !== facet.param) : state.matchAll;
  return { [facet.key]: values, matchAll };
}

/** A filter removed from its chip: the button goes with it, so the focus moves to the results. */
function removeFilter(changes) {
  navigate(changes);
  $('results').focus();
}

/** The dates filtered on, as an Arabic reader writes them (a whole month by its name). */
function dateRangeText(state) {
  const month = state.dateFrom.slice(0, 7);
  // A month as the histogram picks it; anything else (a mistyped link too) as the days given.
  const whole = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) && monthRange(month).dateFrom === state.dateFrom && monthRange(month).dateTo === state.dateTo;
  if (whole) return formatMonth(month);
  return `${state.dateFrom ? formatDate(state.dateFrom) : '…'} – ${state.dateTo ? formatDate(state.dateTo) : '…'}`;
}

/** A link's click handled in the page (the href stays, for a new tab or a copy). */
function follow(changes) {
  return (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(changes);
  };
}

function renderHit(hit, state) {
  return h(
    'li',
    { class: 'hit' },
    h(
      'article',
      {},
      h(
        'h3',
        {},
        h(
          'a',
          { href: pageUrl({ ...state, article: hit.id }), 'data-id': hit.id, onclick: follow({ article: hit.id, pages: state.pages }) },
          marked('span', { dir: 'auto' }, hit.titleHighlighted),
        ),
      ),
      meta(hit),
      // No ellipsis after a fragment that ends its sentence (had read "….").
      hit.snippets.map((snippet) => marked('p', { class: 'snippet', dir: 'auto' }, `…${snippet}${/[.!?؟…]\s*$/u.test(snippet) ? '' : '…'}`)),
      tags(hit),
    ),
  );
}

/** An article's outlet and publication day; in the article's own view (`cited`), its time and byline too, as one cites it. */
function meta(article, { cited = false } = {}) {
  const parts = [
    article.source ? h('bdi', {}, label('source', article.source).ar) : null,
    article.published ? h('time', { datetime: article.published }, formatDate(article.published, { withTime: cited })) : null,
    cited && article.author ? h('bdi', { class: 'byline' }, article.author) : null,
  ].filter(Boolean);
  return h('p', { class: 'meta' }, ...parts.flatMap((part, at) => (at === 0 ? [part] : [' · ', part])));
}

/** The regions but those another of them lies within: Algeria, not also the Maghreb, North Africa and Africa. */
function mostSpecific(regions) {
  const within = new Set();
  const climb = (region) => {
    for (const parent of taxonomy.parents.get(region) || []) {
      if (parent === region || within.has(parent)) continue;
      within.add(parent);
      climb(parent);
    }
  };
  regions.forEach(climb);
  return regions.filter((region) => !within.has(region));
}

/**
 * The article's tags, each a link that adds it to the filters (regions the most specific only); with
 * `mentioned`, also the regions it names without being about them, set apart.
 */
function tags(article, { mentioned = false } = {}) {
  const items = TAG_FACETS.filter((facet) => facet.key !== 'regions_mentioned').flatMap((facet) => {
    const values = facet.key === 'regions' ? mostSpecific(article.regions || []) : article[facet.key] || [];
    return values.map((value) => {
      const filtered = (state) => ({ [facet.key]: [...new Set([...state[facet.key], value])] });
      const link = h(
        'a',
        { href: pageUrl({ ...readState(), ...filtered(readState()), article: '', pages: 1 }), title: `تصفية النتائج: ${label(facet.key, value).ar}` },
        h('bdi', {}, label(facet.key, value).ar),
      );
      link.addEventListener('click', (event) => follow(filtered(readState()))(event));
      return h('li', { class: `tag tag-${facet.key}` }, link);
    });
  });
  if (mentioned) {
    const about = new Set(article.regions || []);
    for (const value of mostSpecific((article.regions_mentioned || []).filter((region) => !about.has(region)))) {
      const filtered = (state) => ({ regions_mentioned: [...new Set([...state.regions_mentioned, value])] });
      const link = h(
        'a',
        {
          href: pageUrl({ ...readState(), ...filtered(readState()), article: '', pages: 1 }),
          title: 'مذكورة في المقال، وليس موضوعه: تصفية المقالات التي تذكرها',
        },
        // Set apart by a dashed border and a tooltip, which neither a screen reader nor a finger gets.
        h('span', { class: 'visually-hidden' }, 'مذكورة: '),
        h('bdi', {}, label('regions', value).ar),
      );
      link.addEventListener('click', (event) => follow(filtered(readState()))(event));
      items.push(h('li', { class: 'tag tag-mentioned' }, link));
    }
  }
  return items.length ? h('ul', { class: 'tags', 'aria-label': 'الوسوم' }, items) : null;
}

function label(facet, value) {
  return (taxonomy.labels[facet] && taxonomy.labels[facet].get(value)) || { ar: value, en: value };
}

// ---- facets and dates ----------------------------------------------------------------------

function renderFacet(facet, buckets, state) {
  const fieldset = document.querySelector(`fieldset[data-facet="${facet.key}"]`);
  const counts = new Map(buckets.map((b) => [b.value, b.count]));
  // A ticked value stays on screen, at 0, so it can be unticked.
  for (const value of state[facet.key]) if (!counts.has(value)) counts.set(value, 0);
  const item = (value, children) => {
    const id = `f-${facet.param}-${value}`;
    const selected = state[facet.key].includes(value);
    const toggle = () => navigate(withValues(state, facet, selected ? state[facet.key].filter((v) => v !== value) : [...state[facet.key], value]));
    return h(
      'li',
      {},
      h('input', { type: 'checkbox', id, value, checked: selected, 'data-count': counts.get(value), onchange: toggle }),
      h(
        'label',
        { for: id, title: label(facet.key, value).en },
        h('bdi', {}, label(facet.key, value).ar),
        ' ',
        h('span', { class: 'count' }, count(counts.get(value))),
      ),
      children && children.length ? h('ul', {}, children) : null,
    );
  };
  let items;
  if (facet.labelsOf === 'regions' || facet.key === 'regions') {
    // Each region under the first of its parents that is on the list too.
    const parentOf = (value) => (taxonomy.parents.get(value) || []).find((parent) => counts.has(parent) && parent !== value);
    const childrenOf = new Map();
    for (const value of counts.keys()) {
      const parent = parentOf(value);
      if (parent) childrenOf.set(parent, [...(childrenOf.get(parent) || []), value]);
    }
    const build = (value, depth) => item(value, depth < 4 ? (childrenOf.get(value) || []).map((child) => build(child, depth + 1)) : []);
    items = [...counts.keys()].filter((value) => !parentOf(value)).map((value) => build(value, 0));
  } else {
    items = [...counts.keys()].map((value) => item(value));
  }
  const legend = fieldset.querySelector('legend');
  fieldset.replaceChildren(
    legend,
    ...valueFinder(facet, state),
    ...everyValueToggle(facet, state),
    items.length ? h('ul', { class: 'facet-values' }, items) : h('p', { class: 'empty' }, '—'),
    ...unfoldToggle(facet, fieldset, items),
  );
}

/** Values a facet shows folded on a phone, beside those ticked. */
const FOLDED_VALUES = 5;
/** The facets the reader unfolded, kept as the results are drawn again. */
const unfolded = new Set();

/**
 * On a phone (one column), a facet shows its first values and those ticked; a button shows the rest.
 * Thirty values in each of six facets had made the filters some 4,800 px long on a 360 px screen.
 * A wide screen shows every value: the class only hides them below 46rem.
 */
function unfoldToggle(facet, fieldset, items) {
  const beyond = items.filter((item, index) => index >= FOLDED_VALUES && !item.querySelector('input:checked'));
  for (const item of beyond) item.classList.add('beyond');
  const open = unfolded.has(facet.key);
  fieldset.classList.toggle('open', open);
  if (beyond.length === 0) return [];
  const text = (opened) => (opened ? 'عرض أقل' : `عرض الكل (${count(items.length)})`);
  // Heard among six such buttons, each names its facet after what it shows.
  const name = (opened) => `${text(opened)}: ${facet.title}`;
  const toggle = (event) => {
    const opening = !unfolded.has(facet.key);
    if (opening) unfolded.add(facet.key);
    else unfolded.delete(facet.key);
    fieldset.classList.toggle('open', opening);
    event.currentTarget.setAttribute('aria-expanded', String(opening));
    event.currentTarget.setAttribute('aria-label', name(opening));
    event.currentTarget.textContent = text(opening);
  };
  return [
    h(
      'button',
      {
        type: 'button',
        class: 'link unfold',
        'aria-expanded': String(open),
        'aria-label': name(open),
        'data-focus': `unfold-${facet.param}`,
        onclick: toggle,
      },
      text(open),
    ),
  ];
}

/** How many values a facet's finder lists: those the search counts come first in the box below it. */
const FOUND_VALUES = 8;

/**
 * A box to find any value of a long facet by name (مال: Mali, Malta; bur: Burkina Faso), not only
 * the most frequent the search counts: each value found is a button that adds it to the filter.
 */
function valueFinder(facet, state) {
  if (!FINDABLE.has(facet.labelsOf || facet.key)) return [];
  const id = `find-${facet.param}`;
  const found = h('ul', { class: 'found-values', id: `${id}-values`, 'aria-live': 'polite' });
  let asked = '';
  const find = async (typed) => {
    asked = typed;
    if (!typed.trim()) return found.replaceChildren();
    const answer = await callJson(`facets/${facet.labelsOf || facet.key}?${new URLSearchParams({ q: typed, size: String(FOUND_VALUES) })}`);
    // A later keystroke's answer is the one shown.
    if (asked !== typed || answer.status !== 200) return;
    found.replaceChildren(
      ...answer.body.values
        .filter((entry) => !state[facet.key].includes(entry.value))
        .map((entry) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'found-value',
                'data-value': entry.value,
                // Picked, the value is ticked in the list below: the focus goes to its box, in the filters, not off to the results.
                'data-focus': `f-${facet.param}-${entry.value}`,
                onclick: () => navigate(withValues(state, facet, [...state[facet.key], entry.value])),
              },
              h('bdi', {}, entry.label.ar),
            ),
          ),
        ),
    );
    if (found.childElementCount === 0) found.replaceChildren(h('li', { class: 'empty' }, 'لا قيمة بهذا الاسم'));
  };
  let timer;
  const input = h('input', {
    type: 'search',
    id,
    class: 'facet-find',
    placeholder: 'ابحث بالاسم…',
    autocomplete: 'off',
    'aria-label': `ابحث في ${facet.title}`,
    'aria-controls': `${id}-values`,
    oninput: (event) => {
      clearTimeout(timer);
      timer = setTimeout(() => find(event.target.value), 150);
    },
  });
  return [input, found];
}

/**
 * With two values or more ticked in a tag facet: whether an article must hold all of them (Trump
 * and Putin) or any one (the default). An article has one source, so that facet has none.
 */
function everyValueToggle(facet, state) {
  const all = state.matchAll.includes(facet.param);
  if (facet.key === 'source' || state[facet.key].length < 2) return [];
  const id = `all-${facet.param}`;
  const toggle = () => navigate({ matchAll: all ? state.matchAll.filter((param) => param !== facet.param) : [...state.matchAll, facet.param] });
  return [h('p', { class: 'match-all' }, h('input', { type: 'checkbox', id, checked: all, onchange: toggle }), h('label', { for: id }, 'كلّها معًا في المقال'))];
}

function monthRange(month) {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { dateFrom: `${month}-01`, dateTo: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month `offset` months after `month` (yyyy-MM). */
function addMonths(month, offset) {
  const [year, number] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 1 + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthsBetween(earlier, later) {
  const index = (month) =>
    month
      .split('-')
      .map(Number)
      .reduce((year, number) => year * 12 + number);
  return index(later) - index(earlier);
}

/** A mark where months without articles lie between two bars: the bars are evenly spaced, time is not. */
function histogramGap(before, after) {
  const first = addMonths(before, 1);
  const last = addMonths(after, -1);
  const label = first === last ? `لا مقالات في ${formatMonth(first)}` : `لا مقالات من ${formatMonth(first)} إلى ${formatMonth(last)}`;
  return h('span', { class: 'gap', role: 'img', 'aria-label': label, title: label }, '⋯');
}

function renderHistogram(months, state) {
  const max = Math.max(1, ...months.map((m) => m.count));
  const bars = months.flatMap((m, i) => {
    const previous = months[i - 1];
    const gap = previous && monthsBetween(previous.month, m.month) > 1 ? [histogramGap(previous.month, m.month)] : [];
    const range = monthRange(m.month);
    const pressed = state.dateFrom === range.dateFrom && state.dateTo === range.dateTo;
    const bar = h(
      'button',
      {
        type: 'button',
        class: 'bar',
        'aria-pressed': String(pressed),
        'aria-label': `${formatMonth(m.month)}: ${m.count}`,
        title: `${formatMonth(m.month)}: ${m.count}`,
        'data-focus': `month-${m.month}`,
        tabindex: '-1',
        onclick: () => navigate(range),
      },
      h('span', { class: 'fill' }),
    );
    bar.firstChild.style.height = `${Math.max(4, (m.count / max) * 100)}%`;
    return [...gap, bar];
  });
  $('histogram').replaceChildren(...(bars.length ? bars : [h('p', { class: 'empty' }, '—')]));
  // One stop for the keys (the month chosen, else the latest); the arrows move between the months.
  const barButtons = [...$('histogram').querySelectorAll('.bar')];
  (barButtons.find((bar) => bar.getAttribute('aria-pressed') === 'true') ?? barButtons.at(-1))?.setAttribute('tabindex', '0');
  $('date-from').value = state.dateFrom;
  $('date-to').value = state.dateTo;
  // The bars carry their months on hover only: the first and last are written under them.
  const span = $('histogram-span');
  span.hidden = months.length === 0;
  if (months.length)
    span.textContent = months.length === 1 ? formatMonth(months[0].month) : `${formatMonth(months[0].month)} – ${formatMonth(months[months.length - 1].month)}`;
  const range = $('date-range');
  range.hidden = !state.dateFrom && !state.dateTo;
  if (!range.hidden) {
    range.replaceChildren(
      h('bdi', {}, dateRangeText(state)),
      ' ',
      h('button', { type: 'button', class: 'link', onclick: () => navigate({ dateFrom: '', dateTo: '' }) }, 'كل التواريخ'),
    );
  }
}

// ---- more results --------------------------------------------------------------------------

$('more').addEventListener('click', async () => {
  const state = readState();
  const params = searchParams(state);
  const key = shown.key;
  // Said where the reader is, at the foot of the list: the status line is a phone's screens away.
  $('more').disabled = true;
  $('more').textContent = 'جارٍ التحميل…';
  $('more-status').hidden = true;
  const answer = await callJson(`search?${params}&size=${PAGE_SIZE}&cursor=${encodeURIComponent(shown.nextCursor)}`);
  $('more').disabled = false;
  $('more').textContent = 'نتائج أخرى';
  // The reader went elsewhere meanwhile (another search, an article): this page is not theirs now.
  if (shown.key !== key || readState().article) return;
  // No answer: the results shown stay, and the button, for another try.
  if (answer.status === 0) {
    $('more-status').textContent = errorMessage(answer);
    $('more-status').hidden = false;
    return;
  }
  $('status').textContent = shown.status;
  if (answer.status !== 200) return showError(answer);
  const first = shown.hits.length;
  shown.hits = shown.hits.concat(answer.body.hits);
  shown.nextCursor = answer.body.nextCursor;
  const pages = Math.min(state.pages + 1, MAX_PAGES);
  shown.key = `${params}|${pages}`;
  // The page count joins the URL without a new history entry: back leaves the search, not a page.
  history.replaceState(history.state, '', pageUrl({ ...state, pages }));
  $('hits').append(...answer.body.hits.map((hit) => renderHit(hit, { ...state, pages })));
  $('status').textContent = `${shown.status} (المعروضة: ${count(1)}–${count(shown.hits.length)})`;
  $('more').hidden = !shown.nextCursor;
  $('more-status').hidden = true;
  $('hits').children[first]?.querySelector('a')?.focus();
  document.body.dataset.rendered = shown.key;
});

// ---- the article ---------------------------------------------------------------------------

async function showArticle(state) {
  $('search-view').hidden = true;
  $('article-view').hidden = false;
  skipTo('article-title', 'انتقل إلى المقال');
  const title = $('article-title');
  title.textContent = '…';
  lastArticle = state.article;
  // Opened from a search, the words it matched are marked in the article; a text the API refuses marks nothing.
  const path = `articles/${encodeURIComponent(state.article)}`;
  const asked = state.q ? await callJson(`${path}?q=${encodeURIComponent(state.q)}`) : undefined;
  const answer = asked && asked.status !== 400 ? asked : await callJson(path);
  if (readState().article !== state.article) return;
  if (answer.status !== 200) {
    title.textContent = 'تعذّر عرض المقال';
    document.title = `${title.textContent} — ${SITE_TITLE}`;
    const reason = answer.status === 404 ? 'لم يعد هذا المقال موجودًا، أو أن الرابط غير صحيح.' : errorMessage(answer);
    $('article-body').replaceChildren(h('p', {}, reason));
    for (const id of ['article-meta', 'article-tags', 'article-link']) $(id).replaceChildren();
  } else {
    const article = answer.body;
    const marks = article.marked || {};
    title.replaceChildren(...(marks.title ? marked('span', {}, marks.title).childNodes : [article.title]));
    document.title = `${article.title} — ${SITE_TITLE}`;
    $('article-meta').replaceChildren(...meta(article, { cited: true }).childNodes);
    $('article-tags').replaceChildren(...(tags(article, { mentioned: true })?.childNodes || []));
    $('article-body').replaceChildren(
      // Right to left as the page, and its own: a Latin "(CNN)" alone would set the text's direction, or sit at the left edge.
      ...(article.dateline ? [h('p', { class: 'dateline', dir: 'rtl' }, article.dateline)] : []),
      ...(marks.body || article.body)
        .split(/\n+/)
        .filter((p) => p.trim())
        .map((p) => (marks.body ? marked('p', {}, p) : h('p', {}, p))),
    );
    const safeUrl = /^https?:\/\//i.test(article.url || '') ? article.url : null;
    $('article-link').replaceChildren(
      ...(safeUrl
        ? [
            h(
              'a',
              { href: safeUrl, rel: 'noopener noreferrer', target: '_blank' },
              'المصدر الأصلي',
              h('span', { class: 'visually-hidden' }, ' (يُفتح في نافذة جديدة)'),
            ),
          ]
        : []),
    );
  }
  $('article-related').hidden = true;
  if (answer.status === 200) showRelated(state.article);
  title.focus();
  document.body.dataset.rendered = `article:${state.article}`;
}

/** Below the article, once it shows: the articles like it (other outlets' reports of the story first). */
async function showRelated(id) {
  const answer = await callJson(`articles/${encodeURIComponent(id)}/related?size=5`);
  if (readState().article !== id || answer.status !== 200 || answer.body.related.length === 0) return;
  $('related-list').replaceChildren(
    ...answer.body.related.map((related) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: pageUrl({ ...readState(), article: related.id }), 'data-id': related.id, onclick: follow({ article: related.id }) },
          h('span', { dir: 'auto' }, related.title),
        ),
        meta(related),
      ),
    ),
  );
  $('article-related').hidden = false;
  document.body.dataset.related = id;
}

$('back').addEventListener('click', () => {
  const steps = history.state?.articlesSinceResults;
  if (steps) history.go(-steps);
  else navigate({ ...readState(), article: '' }, { replace: false });
});

// ---- suggestions ---------------------------------------------------------------------------

const suggest = { run: 0, timer: 0, options: [], active: -1, asking: null };
/** Suggestions wait for a pause in the typing: at a phone's pace (150–250 ms a letter), one request a letter had been sent. */
const SUGGEST_PAUSE_MS = TOUCH.matches ? 300 : 150;

function closeSuggestions() {
  suggest.run++;
  clearTimeout(suggest.timer);
  suggest.asking?.abort();
  suggest.options = [];
  suggest.active = -1;
  list.hidden = true;
  list.replaceChildren();
  $('suggestions-status').textContent = '';
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

async function fetchSuggestions() {
  const text = input.value.trim();
  if ([...text].length < 2) return closeSuggestions();
  const run = ++suggest.run;
  suggest.asking?.abort();
  suggest.asking = new AbortController();
  const answer = await callJson(`suggest?${new URLSearchParams({ q: text })}`, { signal: suggest.asking.signal });
  if (run !== suggest.run || answer.status !== 200) return;
  suggest.options = [
    ...answer.body.entities.map((entity) => ({ kind: 'entity', ...entity })),
    ...answer.body.titles.map((title) => ({ kind: 'title', ...title })),
  ];
  suggest.active = -1;
  list.replaceChildren(
    ...suggest.options.map((option, index) =>
      h(
        'li',
        {
          id: `suggestion-${index}`,
          role: 'option',
          'aria-selected': 'false',
          'data-kind': option.kind === 'entity' ? option.facet : 'title',
          onmousedown: (event) => (event.preventDefault(), pick(option)),
        },
        option.kind === 'entity'
          ? [
              h('bdi', {}, option.label.ar),
              ' ',
              h('span', { class: 'kind' }, KIND[option.facet]),
              option.matched !== option.label.ar ? [' ', h('bdi', { class: 'matched' }, option.matched)] : null,
            ]
          : [marked('bdi', {}, option.titleHighlighted), ' ', h('span', { class: 'kind' }, 'مقال')],
      ),
    ),
  );
  list.hidden = suggest.options.length === 0;
  input.setAttribute('aria-expanded', String(!list.hidden));
  const many = suggest.options.length === 1 ? 'اقتراح واحد' : `${count(suggest.options.length)} اقتراحات`;
  $('suggestions-status').textContent = list.hidden ? 'لا اقتراحات' : `${many}؛ تنقّل بينها بالسهمين`;
  list.dataset.for = text;
}

function moveActive(step) {
  if (suggest.options.length === 0) return;
  suggest.active = (suggest.active + step + suggest.options.length + 1) % (suggest.options.length + 1);
  if (suggest.active === suggest.options.length) suggest.active = -1;
  [...list.children].forEach((li, index) => li.setAttribute('aria-selected', String(index === suggest.active)));
  if (suggest.active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${suggest.active}`);
  else input.removeAttribute('aria-activedescendant');
}

/** On a touch screen the on-screen keyboard, open while the box has the focus, hid all but the first result. */
function closeKeyboard() {
  if (TOUCH.matches) input.blur();
}

function pick(option) {
  closeSuggestions();
  closeKeyboard();
  if (option.kind === 'title') {
    // An article picked is one the text typed found: back leads to that text's results.
    const typed = input.value.trim();
    if (typed && typed !== readState().q) navigate({ ...readState(), q: typed, article: '' });
    return navigate({ ...readState(), article: option.id });
  }
  // A name picked filters on its facet; the letters typed were only the way to it.
  input.value = '';
  const state = readState();
  navigate({ q: '', [option.facet]: [...new Set([...state[option.facet], option.value])] });
}

input.addEventListener('input', () => {
  clearTimeout(suggest.timer);
  suggest.timer = setTimeout(fetchSuggestions, SUGGEST_PAUSE_MS);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    // Closed (by Escape, say): the arrow opens the suggestions again.
    if (list.hidden) return void (event.key === 'ArrowDown' && fetchSuggestions());
    event.preventDefault();
    moveActive(event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Enter' && suggest.active >= 0) {
    event.preventDefault();
    pick(suggest.options[suggest.active]);
  } else if (event.key === 'Escape') {
    // Closes the suggestions, shown or still on their way, and nothing else: a search field's own Escape
    // would wipe what was typed, and Enter then search every article.
    event.preventDefault();
    closeSuggestions();
  }
});
input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  closeSuggestions();
  closeKeyboard();
  navigate({ q: input.value.trim() });
});
$('sort').addEventListener('change', (event) => navigate({ sort: event.target.value }));
$('date-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const [from, to] = [$('date-from').value, $('date-to').value];
  // Typed the other way round, the range is still the one meant.
  navigate(from && to && from > to ? { dateFrom: to, dateTo: from } : { dateFrom: from, dateTo: to });
});
$('histogram').addEventListener('keydown', (event) => {
  const bars = [...$('histogram').querySelectorAll('.bar')];
  const at = bars.indexOf(document.activeElement);
  // Right to left, the later months lie to the left.
  const step = { ArrowLeft: 1, ArrowRight: -1, Home: -bars.length, End: bars.length }[event.key];
  if (at < 0 || step === undefined) return;
  event.preventDefault();
  const next = bars[Math.min(bars.length - 1, Math.max(0, at + step))];
  bars.forEach((bar) => bar.setAttribute('tabindex', bar === next ? '0' : '-1'));
  next.focus();
});

/** The skip link leads to what the page shows: the results, or the article. */
function skipTo(id, text) {
  const skip = document.querySelector('.skip');
  skip.href = `#${id}`;
  skip.textContent = text;
}
// It moves the focus without a fragment in the URL: a fragment is a history entry, and back would then stay on the article.
for (const link of [document.querySelector('.skip'), $('to-results')]) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const target = $(event.currentTarget.getAttribute('href').slice(1));
    // Its top in view, the count first: focus alone scrolled a long list only far enough to show some of it.
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'start' });
  });
}
window.addEventListener('popstate', () => {
  const state = readState();
  // Back or forward is a place already searched: the box says its text, even while it has the focus.
  input.value = state.q;
  closeSuggestions();
  show(state);
});

/**
 * A link's `source` given as an outlet's label or other name (بي بي سي, France 24) is written as the
 * outlet the API selects by it (BBC, france24), so its box is ticked and not listed twice.
 */
function canonicalSources(sources) {
  const key = (name) => name.toLowerCase().replace(/[\s\p{P}]/gu, '');
  const outletOf = new Map(sources.flatMap((source) => [source.value, ...source.names].map((name) => [key(name), source.value])));
  const state = readState();
  const canonical = [...new Set(state.source.map((given) => outletOf.get(key(given)) ?? given))];
  if (canonical.join('\n') !== state.source.join('\n')) history.replaceState(history.state, '', pageUrl({ ...state, source: canonical }));
}

// ---- start ---------------------------------------------------------------------------------

const facets = await callJson('facets');
if (facets.status === 200) {
  useTimeZone(facets.body.timeZone);
  // Whose days the date boxes and the histogram count: said where the dates are picked.
  $('date-zone').textContent = `الأيام بتوقيت ${facets.body.timeZone}`;
  $('date-zone').hidden = false;
  for (const facet of TAG_FACETS) taxonomy.labels[facet.key] = new Map(facets.body[facet.labelsOf || facet.key].map((entry) => [entry.value, entry.label]));
  for (const region of facets.body.regions) taxonomy.parents.set(region.value, region.parents);
  // An article opened from a link, before any search, names its outlet by label too.
  for (const source of facets.body.sources) taxonomy.labels.source.set(source.value, source.label);
  canonicalSources(facets.body.sources);
}
show(readState());
