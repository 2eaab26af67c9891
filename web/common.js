// Shared by the search page and the workbench: building elements, text with highlights, JSON calls.
// Nothing here parses HTML: every string becomes a text node.

/** An element with attributes (`on…` functions become listeners) and children (strings become text). */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  // Children nest as conditional groups ([' ', node] or null): flattened whatever their depth.
  for (const child of children.flat(Infinity)) if (child !== undefined && child !== null && child !== false) element.append(child);
  return element;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `&#60;`, `&lt;`, `&#x3C;` back to their characters. */
export function decodeEntities(text) {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The API's highlights are escaped text with <mark> tags: rebuilt as text nodes and <mark>
 * elements, so nothing else in them can ever become markup.
 */
export function marked(tag, attributes, escaped) {
  const element = h(tag, attributes);
  let target = element;
  for (const part of String(escaped).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') target = element.appendChild(h('mark'));
    else if (part === '</mark>') target = element;
    else if (part) target.append(decodeEntities(part));
  }
  return element;
}

/** How long a page waits for an answer before it says the server cannot be reached (the engine's own timeout is 10 s). */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * GET or send JSON; resolves to { status, body } whatever the status: status 0 when no answer came
 * (in time, or at all: `options.signal` may call it off).
 */
export async function callJson(url, options = {}) {
  const timeout = AbortSignal.timeout(ANSWER_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, { ...options, signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout });
  } catch {
    return { status: 0, body: null };
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

/** The search page's parameters that only a link sets (the search box sets q). */
const LINK_PARAMETERS = new Set([
  'respell',
  'topic',
  'region',
  'region_mentioned',
  'person',
  'organization',
  'source',
  'match_all',
  'date_from',
  'date_to',
  'sort',
  'cursor',
  'from',
  'size',
  'facet_size',
]);

/** What a reader can do about each error the API may give a page; the API's own (English) message otherwise. */
const ERROR_MESSAGES = {
  invalid_parameter: (field, message) =>
    field === 'q'
      ? tooLong(message) || 'نص البحث غير مقبول؛ اكتب حرفًا أو رقمًا'
      : field === 'date_from' && /after/u.test(message || '')
        ? 'تاريخ البداية بعد تاريخ النهاية في الرابط'
        : LINK_PARAMETERS.has(field)
          ? `قيمة غير صالحة في الرابط (${field})؛ صحّح الرابط أو ابدأ بحثًا جديدًا`
          : undefined,
  query_rejected: () => 'لم يستطع محرك البحث تنفيذ هذا البحث؛ اختصره أو بسّطه',
  too_many_alternatives: () => 'بدائل كثيرة في البحث (OR)؛ ثمانية على الأكثر، فاختصرها',
  too_many_values: (field) => `قيم كثيرة في الرابط (${field})؛ عشرون على الأكثر، فأزِل بعضها`,
  too_many_requests: () => 'طلبات كثيرة في وقت قصير؛ أعد المحاولة بعد قليل',
  overloaded: () => 'الخادم مشغول الآن؛ أعد المحاولة بعد قليل',
  engine_unavailable: () => 'محرك البحث غير متاح الآن؛ أعد المحاولة بعد قليل',
  engine_timeout: () => 'تأخر محرك البحث في الرد؛ أعد المحاولة بعد قليل',
  index_missing: () => 'لا فهرس للمقالات بعد؛ أعد المحاولة بعد قليل',
  request_timeout: () => 'انتهت مهلة الطلب؛ أعد المحاولة',
  internal_error: () => 'خطأ في الخادم؛ أعد المحاولة بعد قليل',
  unauthorized: () => 'مفتاح الإدارة غير صحيح',
  admin_disabled: () => 'الإدارة غير مفعّلة على هذا الخادم',
};

/** A text refused for its length, said with the limit the API gives ("q: at most 500 characters"). */
function tooLong(message) {
  const most = /at most (\d+) (characters|words)/u.exec(message || '');
  return most && `نص البحث طويل: ${most[1]} ${most[2] === 'words' ? 'كلمة' : 'حرف'} على الأكثر؛ اختصره`;
}

/** The message of an API error body in Arabic by its code, or the API's own, or a generic one. */
export function errorMessage(answer) {
  if (answer.status === 0) return 'تعذّر الاتصال بالخادم، تحقّق من الشبكة ثم أعد المحاولة';
  const error = answer.body && answer.body.error;
  const arabic = error && Object.hasOwn(ERROR_MESSAGES, error.code) ? ERROR_MESSAGES[error.code](error.field, error.message) : undefined;
  return (
    arabic || (error && error.message) || (answer.status >= 500 ? `خطأ في الخادم (HTTP ${answer.status})؛ أعد المحاولة بعد قليل` : `HTTP ${answer.status}`)
  );
}

const DAY = { year: 'numeric', month: 'long', day: 'numeric' };
const AR_DATE = new Intl.DateTimeFormat('ar', { ...DAY, timeZone: 'UTC' });
const AR_MONTH = new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'short', timeZone: 'UTC' });
/** A moment's day, and its day and time, in the newsroom's time zone (`useTimeZone`): the day the date filters keep it under. */
let momentDay = AR_DATE;
let momentTime = new Intl.DateTimeFormat('ar', { ...DAY, hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

/** Shows publication times in this IANA zone, the API's (`/facets`' `timeZone`); an unknown one leaves UTC. */
export function useTimeZone(timeZone) {
  try {
    momentDay = new Intl.DateTimeFormat('ar', { ...DAY, timeZone });
    momentTime = new Intl.DateTimeFormat('ar', { ...DAY, hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
  } catch {
    // The browser knows no such zone: UTC, as the API's default.
  }
}

/** `2021-07-27` (a calendar day) or a full timestamp (its day in the newsroom's zone, and with `withTime` its time) in Arabic; the raw value if it is none. */
export function formatDate(value, { withTime = false } = {}) {
  const day = value.length === 10;
  // The API's times are UTC; one written without its zone is too, not the reader's clock's.
  const date = new Date(day ? `${value}T00:00:00Z` : /(?:Z|[+-]\d{2}:?\d{2})$/iu.test(value) ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) return value;
  return day ? AR_DATE.format(date) : (withTime ? momentTime : momentDay).format(date);
}

export function formatMonth(month) {
  return AR_MONTH.format(new Date(`${month}-01T00:00:00Z`));
}
