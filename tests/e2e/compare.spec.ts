/** The comparison grid: selection in the URL and local storage, reading aids, exports, ready-made pages. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, watchConsole } from './helpers.ts';

const columns = (page: Page) => page.locator('.compare-grid thead th.grid-head a').allTextContents();
const row = (page: Page, key: string) => page.locator(`.compare-grid tr[data-row="${key}"]`);
/** The visible text of a row's cells (without the screen-reader note "differs from the first trial"). */
const cells = (page: Page, key: string) =>
  row(page, key)
    .locator('td')
    .evaluateAll((tds) =>
      tds.map((td) => {
        const copy = td.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
        const items = [...copy.querySelectorAll('li')].map((li) => (li.textContent ?? '').replace(/\s+/gu, ' ').trim());
        return items.length ? items.join(' | ') : (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
      }),
    );

test('?ids= with two ids shows exactly those two columns, in that order', async ({ page }) => {
  const consoleErrors = watchConsole(page);
  await page.goto('/compare/?ids=NCT07157891,NCT06688318');
  await expect(page.locator('[data-compare-caption]')).toContainText('Showing 2 trials');
  expect(await columns(page)).toEqual(['NCT07157891', 'NCT06688318']);
  expect(await cells(page, 'enrollment')).toEqual(['25 participants', '11 participants']);
  consoleErrors.expectNone();
});

test('"only rows that differ" hides identical rows and shows them again', async ({ page }) => {
  await page.goto('/compare/?ids=NCT07157891,NCT06688318');
  const studyType = row(page, 'studyType'); // both interventional
  await expect(studyType).toBeVisible();
  await page.getByLabel('Show only rows that differ').check();
  await expect(studyType).toBeHidden();
  await expect(row(page, 'enrollment')).toBeVisible();
  await expect(row(page, 'enrollment').locator('td.differs')).toHaveCount(1);
  await page.getByLabel('Show only rows that differ').uncheck();
  await expect(studyType).toBeVisible();
});

test('an id the catalogue does not have gets a notice, and the rest still compare', async ({ page }) => {
  await page.goto('/compare/?ids=NCT06688318,NCT99999999');
  await expect(page.locator('[data-compare-notice]')).toContainText('Not in the catalogue: NCT99999999');
  expect(await columns(page)).toEqual(['NCT06688318']);
});

test('adding from a trial page and from search builds the selection, which the compare page puts in its URL', async ({ page }) => {
  await page.goto('/trials/NCT04208646/');
  await page.getByRole('button', { name: '+ Add to compare' }).click();
  await expect(page.getByRole('button', { name: '✓ In comparison' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('link', { name: 'Compare 1 trial' })).toHaveAttribute('href', '/compare/?ids=NCT04208646');
  await page.goto('/search/?q=osteoporosis');
  const result = page.locator('[data-search-results] > li', { hasText: 'NCT04501354' });
  await result.getByRole('button', { name: '+ Add to compare' }).click();
  await expect(result.getByRole('link', { name: 'Compare 2 trials' })).toHaveAttribute('href', '/compare/?ids=NCT04208646,NCT04501354');
  await page.goto('/compare/');
  await expect(page).toHaveURL(/\/compare\/\?ids=NCT04208646,NCT04501354$/u);
  expect(await columns(page)).toEqual(['NCT04208646', 'NCT04501354']);
});

test('chips reorder and remove with the keyboard, and the URL follows', async ({ page }) => {
  await page.goto('/compare/?ids=NCT06688318,NCT07157891,NCT04208646');
  await page.getByRole('button', { name: 'Move right NCT06688318' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/ids=NCT07157891,NCT06688318,NCT04208646$/u);
  expect(await columns(page)).toEqual(['NCT07157891', 'NCT06688318', 'NCT04208646']);
  await page.getByRole('button', { name: 'Remove NCT07157891' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/ids=NCT06688318,NCT04208646$/u);
  expect(await columns(page)).toEqual(['NCT06688318', 'NCT04208646']);
  await page.goBack();
  await expect.poll(() => columns(page)).toEqual(['NCT07157891', 'NCT06688318', 'NCT04208646']);
});

test('CSV and JSON exports contain the selected trials', async ({ page }) => {
  await page.goto('/compare/?ids=NCT05921058,NCT04501354');
  await expect(page.locator('[data-compare-caption]')).toContainText('Showing 2 trials');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.split('\n')[0]).toBe('group,attribute,NCT05921058,NCT04501354');
  expect(text).toContain('Design,Enrollment,15 participants (actual),5 participants');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const trials = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { id: string }[];
  expect(trials.map((t) => t.id)).toEqual(['NCT05921058', 'NCT04501354']);
});

test('the dynamic grid is axe-clean in light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/compare/?ids=NCT06688318,NCT07157891,NCT04208646');
    await expect(page.locator('[data-compare-caption]')).toContainText('Showing 3 trials');
    expect(await axeViolations(page)).toEqual([]);
  }
});

test('knee osteoarthritis: the three seed trials side by side, with their differences marked', async ({ page }) => {
  await page.goto('/compare/condition/knee-osteoarthritis/');
  expect(await columns(page)).toEqual(['NCT04208646', 'NCT06688318', 'NCT07157891']);
  expect(await cells(page, 'products')).toEqual(['MSC cells', 'Secretome / conditioned medium', 'Secretome / conditioned medium | Combined with another agent']);
  expect(await cells(page, 'cellSources')).toEqual(['Adipose tissue', 'Umbilical cord', 'Umbilical cord | Adipose tissue']);
  expect(await cells(page, 'allocation')).toEqual(['Randomised', 'Not applicable', 'Randomised']);
  expect(await cells(page, 'masking')).toEqual(['Double', 'None (open label)', 'None (open label)']);
  expect(await cells(page, 'model')).toEqual(['Parallel', 'Single group', 'Parallel']);
  expect(await cells(page, 'enrollment')).toEqual(['106 participants', '11 participants', '25 participants']);
  await expect(row(page, 'enrollment').locator('td.differs')).toHaveCount(2);
  await expect(row(page, 'ages').locator('svg')).toHaveCount(3);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('/compare/ shows a useful default grid and links to the ready-made comparisons', async ({ page }) => {
    await page.goto('/compare/');
    expect(await columns(page)).toEqual(['NCT04208646', 'NCT04501354', 'NCT05921058', 'NCT06688318', 'NCT07157891']);
    await expect(page.getByRole('link', { name: 'Knee osteoarthritis' })).toHaveAttribute('href', '/compare/condition/knee-osteoarthritis/');
    await page.getByLabel('Show only rows that differ').check();
    await expect(row(page, 'studyType')).toBeHidden();
  });
});
