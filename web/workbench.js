// The relevance workbench: profiles side by side on a judgment set, grading in place. The admin
// key stays in this tab's sessionStorage and goes only into the Authorization header.
import { callJson, errorMessage, h } from './common.js';

const $ = (id) => document.getElementById(id);
const GRADES = ['0 ضعيف (Poor)', '1 مقبول (Fair)', '2 جيد (Good)', '3 ممتاز (Perfect)'];
const KEY = 'adminKey';
const bench = { sets: [], comparison: null, query: '' };

const admin = (path, options = {}) =>
  callJson(path, { ...options, headers: { ...(options.headers || {}), authorization: `Bearer ${sessionStorage.getItem(KEY) || ''}` } });
const fixed = (value) => (value === null || value === undefined ? '–' : value.toFixed(3));
const signed = (value) => (value === null || value === undefined ? '–' : `${value > 0 ? '+' : ''}${value.toFixed(3)}`);
const chosenProfiles = () => [$('profile-a').value, $('profile-b').value].filter(Boolean);
const profileParams = () =>
  chosenProfiles()
    .map((p) => `profile=${encodeURIComponent(p)}`)
    .join('&');

function setStatus(text) {
  $('status').textContent = text;
}

async function start() {
  if (!sessionStorage.getItem(KEY)) return;
  const answer = await admin('admin/judgments');
  if (answer.status !== 200) {
    $('key-status').textContent = `تعذّر الدخول: ${errorMessage(answer)}`;
    if (answer.status === 401) sessionStorage.removeItem(KEY);
    return;
  }
  $('key-status').textContent = '';
  $('key-form').hidden = true;
  $('choose').hidden = false;
  bench.sets = answer.body.sets;
  $('set').replaceChildren(...bench.sets.map((set) => h('option', { value: set.name }, set.name)));
  const options = (blank) => [
    ...(blank ? [h('option', { value: '' }, '—')] : []),
    ...answer.body.profiles.map((p) => h('option', { value: p.name, title: p.description }, p.name)),
  ];
  $('profile-a').replaceChildren(...options(false));
  $('profile-a').value = answer.body.profiles.find((p) => p.default)?.name || '';
  $('profile-b').replaceChildren(...options(true));
  $('metric').replaceChildren(...['ndcg@10', 'p@5', 'recall@10', 'mrr@10', 'map@10', 'success@1'].map((m) => h('option', { value: m }, m)));
  await compare();
}

async function compare() {
  setStatus('جارٍ التقييم…');
  const answer = await admin(`admin/workbench/${encodeURIComponent($('set').value)}?${profileParams()}`);
  if (answer.status !== 200) return setStatus(`تعذّر التقييم: ${errorMessage(answer)}`);
  bench.comparison = answer.body;
  // A query of the set compared before is no query of this one: its detail goes with it.
  if (bench.query && !bench.comparison.queries.some((query) => query.id === bench.query)) {
    bench.query = '';
    $('detail').hidden = true;
    $('columns').replaceChildren();
  }
  renderOverview();
  setStatus('');
  document.body.dataset.compared = String(Date.now());
  if (bench.query) await openQuery(bench.query, false);
}

function renderOverview() {
  const { profiles, queries } = bench.comparison;
  const metric = $('metric').value;
  const metricOf = (profile, id) => profile.queries.find((q) => q.id === id)?.metrics[metric] ?? null;
  const two = profiles.length === 2;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'الاستعلام'),
    profiles.map((p) => h('th', { scope: 'col' }, h('bdi', {}, p.name), ` ${metric}`)),
    two ? h('th', { scope: 'col' }, 'ب − أ') : null,
  );
  const rows = queries.map((query) => {
    const values = profiles.map((p) => metricOf(p, query.id));
    const delta = two && values[0] !== null && values[1] !== null ? values[1] - values[0] : null;
    return h(
      'tr',
      { 'data-query': query.id, class: query.id === bench.query ? 'current' : null },
      h(
        'th',
        { scope: 'row' },
        h('button', { type: 'button', class: 'link', dir: 'auto', title: query.need, onclick: () => openQuery(query.id, true) }, query.query),
      ),
      values.map((v) => h('td', { class: 'number' }, fixed(v))),
      two ? h('td', { class: `number ${delta > 1e-9 ? 'up' : delta < -1e-9 ? 'down' : ''}` }, signed(delta)) : null,
    );
  });
  const means = profiles.map((p) => p.mean[metric] ?? null);
  const overall = h(
    'tr',
    { class: 'overall' },
    h('th', { scope: 'row' }, 'المتوسط'),
    means.map((v) => h('td', { class: 'number', 'data-mean': v }, fixed(v))),
    two ? h('td', { class: 'number' }, signed(means[1] - means[0])) : null,
  );
  $('queries').replaceChildren(h('thead', {}, head), h('tbody', {}, rows, overall));
  $('overview').hidden = false;
}

async function openQuery(id, focus) {
  bench.query = id;
  setStatus('جارٍ الشرح…');
  const answer = await admin(`admin/workbench/${encodeURIComponent($('set').value)}/${encodeURIComponent(id)}?${profileParams()}`);
  if (answer.status !== 200) return setStatus(`تعذّر الشرح: ${errorMessage(answer)}`);
  setStatus('');
  const detail = answer.body;
  $('detail-heading').textContent = detail.query.query;
  $('need').textContent = detail.query.need;
  $('columns').replaceChildren(...detail.profiles.map((profile) => renderColumn(detail, profile)));
  $('detail').hidden = false;
  renderOverview();
  if (focus) $('detail-heading').focus();
  document.body.dataset.detail = `${id}:${Date.now()}`;
}

function renderColumn(detail, profile) {
  const metric = $('metric').value;
  const consoleText = `GET ${detail.index}/_search\n${JSON.stringify(profile.body, null, 2)}`;
  return h(
    'section',
    { class: 'column', 'data-profile': profile.name },
    h('h3', {}, h('bdi', {}, profile.name), ' — ', h('span', { class: 'metric', 'data-metric': metric }, `${metric} ${fixed(profile.metrics[metric])}`)),
    h(
      'p',
      { class: 'meta' },
      Object.entries(profile.metrics)
        .map(([name, value]) => `${name} ${fixed(value)}`)
        .join(' · '),
    ),
    h(
      'ol',
      { class: 'ranked' },
      profile.hits.map((hit) => renderHit(detail, profile.name, hit)),
    ),
    h(
      'details',
      {},
      h('summary', {}, 'جسم الاستعلام المرسل إلى المحرك'),
      h('button', { type: 'button', class: 'link', onclick: (event) => copy(consoleText, event.target) }, 'انسخ'),
      h('pre', { dir: 'ltr', class: 'query-body' }, consoleText),
    ),
  );
}

function renderHit(detail, profileName, hit) {
  // One id per column: two profiles often rank the same article, and a label names one control.
  const id = `grade-${profileName}-${detail.query.id}-${hit.id}`;
  const select = h(
    'select',
    { id, 'data-article': hit.id, class: hit.grade === null ? 'unrated' : null, onchange: (event) => grade(detail, hit.id, Number(event.target.value)) },
    hit.grade === null ? h('option', { value: '', selected: true }, 'غير مقيّم') : null,
    GRADES.map((label, value) => h('option', { value, selected: hit.grade === value }, label)),
  );
  return h(
    'li',
    { 'data-id': hit.id },
    h('p', { class: 'hit-title' }, h('a', { href: `./?article=${encodeURIComponent(hit.id)}`, dir: 'auto' }, hit.title)),
    h('p', { class: 'meta' }, h('bdi', { dir: 'ltr' }, hit.id), ` · score ${fixed(hit.score)} · `, h('label', { for: id }, 'الدرجة'), ' ', select),
    hit.explanation
      ? h(
          'details',
          {},
          h('summary', {}, 'لماذا هنا؟'),
          h(
            'ul',
            { class: 'explain' },
            hit.explanation.matches.map((m) => h('li', {}, h('bdi', { dir: 'ltr' }, m.field), ' ', h('bdi', {}, m.term), ` ${m.score}`)),
          ),
        )
      : null,
  );
}

async function grade(detail, articleId, value) {
  setStatus('جارٍ الحفظ…');
  const path = `admin/judgments/${encodeURIComponent($('set').value)}/${encodeURIComponent(detail.query.id)}/${encodeURIComponent(articleId)}`;
  const answer = await admin(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grade: value }) });
  if (answer.status !== 200) return setStatus(`تعذّر الحفظ: ${errorMessage(answer)}`);
  await compare();
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'نُسخ';
  } catch {
    button.textContent = 'حدّد النص وانسخه';
  }
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('admin-key').value);
  $('admin-key').value = '';
  start();
});
$('forget-key').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  location.reload();
});
$('choose').addEventListener('submit', (event) => {
  event.preventDefault();
  compare();
});
$('metric').addEventListener('change', () => bench.comparison && (renderOverview(), bench.query && openQuery(bench.query, false)));
start();
