import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, useAppInChromium } from './support/browser.js';
import { copyDataRoot, TEST_ADMIN_KEY, useSeededService } from './support/test-service.js';

// The relevance workbench in a real Chromium, grading into a throwaway copy of the judgments.

const data = copyDataRoot('browser-workbench');
const judgmentsFile = join(data.dataRoot, 'relevance', 'judgments', 'desk.json');
writeFileSync(
  judgmentsFile,
  JSON.stringify({
    description: 'Two desk queries, partly graded.',
    scale: { '0': 'Poor', '1': 'Fair', '2': 'Good', '3': 'Perfect' },
    queries: [
      // Graded 1, not 3: grading the other Blinken article 3 then moves nDCG whichever of the two ranks first.
      { id: 'blinken', query: 'بلينكن', need: 'Articles in which Antony Blinken acts or speaks.', ratings: { '000_fee63797c487f9cf': 1 } },
      { id: 'lamamra', query: 'لعمامرة', need: "Ramtane Lamamra's diplomacy.", ratings: { '003_4e5cae1c7eaae2e4': 3 } },
    ],
  }),
);
const seeded = useSeededService('browser-workbench', { dataRoot: data.dataRoot, after: async () => data.remove() });
const chromium = useAppInChromium(() => seeded.app);

const meanOf = (profile: number) => chromium.page.$eval(`#queries .overall td:nth-of-type(${profile})`, (td) => Number(td.getAttribute('data-mean')));

describe('the relevance workbench', () => {
  it('asks for the admin key and keeps it in this tab only', async () => {
    await chromium.page.goto(`${chromium.url}/workbench`);
    expect(await chromium.page.$eval('html', (html) => [html.lang, html.dir])).toEqual(['ar', 'rtl']);
    await chromium.page.fill('#admin-key', 'not-the-key');
    await chromium.page.click('#key-form button[type="submit"]');
    await chromium.page.waitForFunction(() => (document.getElementById('key-status')?.textContent ?? '') !== '');
    expect(await chromium.page.textContent('#key-status')).toContain('مفتاح الإدارة غير صحيح');
    await chromium.page.fill('#admin-key', TEST_ADMIN_KEY);
    await chromium.page.click('#key-form button[type="submit"]');
    await chromium.page.waitForSelector('#overview:not([hidden])');
    expect(await chromium.page.evaluate(() => [sessionStorage.getItem('adminKey'), localStorage.length])).toEqual([TEST_ADMIN_KEY, 0]);
    expect(chromium.page.url()).not.toContain(TEST_ADMIN_KEY);
    // The refusal of the wrong key does not outlive the right one.
    expect(await chromium.page.textContent('#key-status')).toBe('');
  });

  it('compares two profiles on a set, per query and overall', async () => {
    await chromium.page.selectOption('#set', 'desk');
    await chromium.page.selectOption('#profile-b', 'exact-first');
    const before = await chromium.page.evaluate(() => document.body.dataset.compared);
    await chromium.page.click('#choose button[type="submit"]');
    await chromium.page.waitForFunction((previous) => document.body.dataset.compared !== previous, before);
    const headers = await chromium.page.$$eval('#queries thead th', (ths) => ths.map((th) => th.textContent));
    expect(headers).toEqual(['الاستعلام', 'default ndcg@10', 'exact-first ndcg@10', 'ب − أ']);
    expect(await chromium.page.$$eval('#queries tbody tr[data-query]', (rows) => rows.map((r) => r.getAttribute('data-query')))).toEqual([
      'blinken',
      'lamamra',
    ]);
  });

  it('shows a query’s results side by side, with grades, explanations and the engine query', async () => {
    await chromium.page.click('tr[data-query="blinken"] button');
    await chromium.page.waitForSelector('.column[data-profile="exact-first"] li');
    const column = '.column[data-profile="default"]';
    const ranked = await chromium.page.$$eval(`${column} .ranked > li`, (items) => items.map((li) => li.getAttribute('data-id')));
    expect(ranked.sort()).toEqual(['000_fee63797c487f9cf', '001_89f3d445d5bfa33a']);
    expect(await chromium.page.$eval(`${column} select[data-article="001_89f3d445d5bfa33a"]`, (s) => s.className)).toBe('unrated');
    // Both columns grade the same articles: every control keeps an id, and so a label, of its own.
    const ids = await chromium.page.$$eval('.column select', (selects) => selects.map((s) => s.id));
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
    const labelled = await chromium.page.$$eval('.column select', (selects) => selects.map((s) => (s as HTMLSelectElement).labels?.length ?? 0));
    expect(labelled.every((count) => count === 1)).toBe(true);
    expect(await chromium.page.$$eval(`${column} .explain li`, (items) => items.length)).toBeGreaterThan(0);
    const body = await chromium.page.$eval(`${column} .query-body`, (pre) => pre.textContent ?? '');
    expect(body).toMatch(new RegExp(`^GET ${seeded.alias}/_search\\n`));
    expect(JSON.parse(body.slice(body.indexOf('\n') + 1))).toEqual(
      seeded.service.searchBody(
        { q: 'بلينكن', filters: { topics: [], regions: [], people: [], organizations: [] }, from: 0, size: 10, sort: 'relevance', facetSize: 1, explain: true },
        seeded.service.profiles.get('default')!,
      ),
    );
  });

  it('grades an unrated result in place: written to the file, and the metric moves', async () => {
    const before = await meanOf(1);
    const compared = await chromium.page.evaluate(() => document.body.dataset.compared);
    await chromium.page.selectOption('.column[data-profile="default"] select[data-article="001_89f3d445d5bfa33a"]', '3');
    await chromium.page.waitForFunction((previous) => document.body.dataset.compared !== previous, compared);
    await chromium.page.waitForSelector('.column[data-profile="default"] select[data-article="001_89f3d445d5bfa33a"]:not(.unrated)');
    const after = await meanOf(1);
    expect(after).not.toBeCloseTo(before, 6);
    const saved = JSON.parse(readFileSync(judgmentsFile, 'utf8')) as { queries: { id: string; ratings: Record<string, number> }[] };
    expect(saved.queries.find((q) => q.id === 'blinken')!.ratings).toEqual({ '000_fee63797c487f9cf': 1, '001_89f3d445d5bfa33a': 3 });
    // The picture shows why the first result ranks first (the engine body names this run's own index, so it stays folded).
    await chromium.page.click('.column[data-profile="default"] .ranked > li:first-child details summary');
    await screenshot(chromium.page, 'workbench');
    expect(chromium.foreign).toEqual([]);
  });

  it('closes the open query when another set is compared, which does not hold it', async () => {
    expect(await chromium.page.$eval('#detail', (detail) => (detail as HTMLElement).hidden)).toBe(false);
    await chromium.page.selectOption('#set', 'seeds');
    const before = await chromium.page.evaluate(() => document.body.dataset.compared);
    await chromium.page.click('#choose button[type="submit"]');
    await chromium.page.waitForFunction((previous) => document.body.dataset.compared !== previous, before);
    expect(await chromium.page.$eval('#detail', (detail) => (detail as HTMLElement).hidden)).toBe(true);
    expect(await chromium.page.textContent('#status')).toBe('');
    // success@1, the share of queries that get the intended article first, is a metric to compare by too.
    expect(await chromium.page.$$eval('#metric option', (options) => options.map((o) => o.getAttribute('value')))).toContain('success@1');
  });
});
