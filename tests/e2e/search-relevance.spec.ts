/**
 * Relevance on the real catalogue: every query of tests/fixtures/search/relevance.json is typed
 * into the built /search/ page; precision@10 is the share of the first ten trials shown that are
 * judged relevant (of all shown when fewer), recall the share of the relevant trials among all
 * the trials the page lists (every "Show more"). A misspelling the page corrected by itself is
 * measured as shown; one it only offers a correction for is measured after that one click.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

interface Judged {
  query: string;
  kind: string;
  relevant: string[];
  heldOut?: boolean;
}
const SET = JSON.parse(readFileSync('tests/fixtures/search/relevance.json', 'utf8')) as { queries: Judged[] };

/** Thresholds: the mean over the set, and the floor no single query may fall below. */
const MEAN_PRECISION = 0.9;
const MEAN_RECALL = 0.9;
const FLOOR_PRECISION = 0.6;
const FLOOR_RECALL = 0.5;

const ids = (page: Page) => page.locator('[data-search-results] > li .font-mono').allTextContents();
const count = async (page: Page) => Number(/(\d+) trials?/u.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);

async function listed(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-search-status]')).toContainText(/\d+ trials?/u);
  const offered = page.locator('[data-search-suggest] button').first();
  if ((await count(page)) < 3 && (await offered.isVisible())) {
    await offered.click();
    await expect(page.locator('#search-q')).not.toHaveValue(query);
    await expect(page.locator('[data-search-status]')).toContainText(/\d+ trials?/u);
  }
  const n = await count(page);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(Math.min(n, 10));
  const more = page.locator('[data-search-more]');
  for (let shown = Math.min(n, 10); shown < Math.min(n, 300); shown = Math.min(n, shown + 10)) {
    await more.click();
    await expect(page.locator('[data-search-results] > li')).toHaveCount(Math.min(n, shown + 10));
  }
  return ids(page);
}

test('the relevance set: precision@10 and recall on the built /search/ page', async ({ page }) => {
  test.setTimeout(600_000);
  expect(SET.queries.length).toBeGreaterThanOrEqual(25);
  const rows: { query: string; kind: string; heldOut: boolean; p10: number; recall: number; missed: string[]; wrong: string[] }[] = [];
  for (const q of SET.queries) {
    const got = await listed(page, q.query);
    const relevant = new Set(q.relevant);
    const top = got.slice(0, 10);
    const p10 = top.length ? top.filter((id) => relevant.has(id)).length / top.length : 0;
    const recall = q.relevant.filter((id) => got.includes(id)).length / q.relevant.length;
    rows.push({ query: q.query, kind: q.kind, heldOut: !!q.heldOut, p10, recall, missed: q.relevant.filter((id) => !got.includes(id)), wrong: top.filter((id) => !relevant.has(id)) });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const report = rows.map((r) => `${r.query} [${r.kind}${r.heldOut ? ', held out' : ''}]: P@10 ${r.p10.toFixed(2)}, recall ${r.recall.toFixed(2)}${r.wrong.length ? `; not relevant in top 10: ${r.wrong.join(' ')}` : ''}${r.missed.length ? `; missed: ${r.missed.join(' ')}` : ''}`).join('\n');
  const held = rows.filter((r) => r.heldOut);
  console.log(`${report}\nmean P@10 ${mean(rows.map((r) => r.p10)).toFixed(3)}, mean recall ${mean(rows.map((r) => r.recall)).toFixed(3)}; held out (${held.length}): P@10 ${mean(held.map((r) => r.p10)).toFixed(3)}, recall ${mean(held.map((r) => r.recall)).toFixed(3)}`);
  expect(mean(rows.map((r) => r.p10)), report).toBeGreaterThanOrEqual(MEAN_PRECISION);
  expect(mean(rows.map((r) => r.recall)), report).toBeGreaterThanOrEqual(MEAN_RECALL);
  expect(rows.filter((r) => r.p10 < FLOOR_PRECISION || r.recall < FLOOR_RECALL).map((r) => r.query), report).toEqual([]);
});
