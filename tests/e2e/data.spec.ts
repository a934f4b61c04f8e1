/** The published data files of the built site, fetched over HTTP as a user's script would. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';

const SEED_IDS = ['NCT04208646', 'NCT04501354', 'NCT05921058', 'NCT06688318', 'NCT07157891'];

test('/trials.json holds the real catalogue, sorted by id, every seed among it, with the contradictions flagged', async ({ request }) => {
  const response = await request.get('/trials.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const trials = (await response.json()) as { id: string; flags: { code: string }[]; eligibility: { minAge: unknown }; scope: { value: string } }[];
  const out = (await (await request.get('/data/screened-out.json')).json()) as { id: string; scope: { value: string } }[];
  // the 1,389 rows of the download and the 5 seeds, one seed being a row too: 1,393 records of trials
  expect(trials.length + out.length).toBe(1393);
  expect(trials.every((t) => t.scope.value !== 'OTHER')).toBe(true);
  expect(out.every((t) => t.scope.value === 'OTHER')).toBe(true);
  expect(trials.map((t) => t.id)).toEqual([...trials.map((t) => t.id)].sort((a, b) => a.localeCompare(b, 'en')));
  for (const id of SEED_IDS) expect(trials.map((t) => t.id)).toContain(id);
  const codes = Object.fromEntries(trials.map((t) => [t.id, t.flags.map((f) => f.code)]));
  expect(codes['NCT06688318']).toContain('age-unit-mismatch');
  expect(codes['NCT07157891']).toContain('phase-prose-mismatch');
  expect(codes['NCT05921058']).toContain('enrollment-prose-mismatch');
  expect(codes['NCT04501354']).toEqual(expect.arrayContaining(['criteria-age-differs', 'criteria-sex-differs']));
  expect(trials.find((t) => t.id === 'NCT06688318')!.eligibility.minAge).toEqual({ text: '45 Months', years: 3.75 });
});

test('every row of the real download ends as exactly one catalogue trial or one screened-out record, and the seeds as catalogue trials', async ({ request }) => {
  const rows = parse(readFileSync('content/sources/ctgov-csv/ctgov-classic-download-mesenchymal-2022-10-09.csv', 'utf8'), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(1389);
  const trials = (await (await request.get('/trials.json')).json()) as { id: string; sources: { file: string; row: number | null }[] }[];
  const out = (await (await request.get('/data/screened-out.json')).json()) as { id: string; scope: { reason: string } }[];
  const published = new Map(trials.map((t) => [t.id, t]));
  const screened = new Set(out.map((t) => t.id));
  for (const [i, row] of rows.entries()) {
    const id = row['NCT Number']!;
    expect(published.has(id) !== screened.has(id), `${id} is in exactly one of /trials.json and /data/screened-out.json`).toBe(true);
    // a published trial names the row it came from
    if (published.has(id)) expect(published.get(id)!.sources.some((s) => s.file.endsWith('.csv') && s.row === i + 2), id).toBe(true);
  }
  expect(published.size + screened.size).toBe(1393);
  for (const t of out) expect(t.scope.reason.length, t.id).toBeGreaterThan(20);
});

test('/data/screened-out/ lists every screened-out record with its reason', async ({ page, request }) => {
  const out = (await (await request.get('/data/screened-out.json')).json()) as { id: string; scope: { reason: string } }[];
  await page.goto('/data/screened-out/');
  await expect(page.locator('[data-screened-out] tbody tr')).toHaveCount(out.length);
  for (const t of out.slice(0, 5)) await expect(page.locator(`tr[data-id="${t.id}"]`)).toContainText(t.scope.reason);
});

test('/trials/<id>.json is the same record as in /trials.json', async ({ request }) => {
  const all = (await (await request.get('/trials.json')).json()) as { id: string }[];
  for (const id of SEED_IDS) {
    const one = await request.get(`/trials/${id}.json`);
    expect(one.status()).toBe(200);
    expect(await one.json()).toEqual(all.find((t) => t.id === id));
  }
});

test('/trials.csv has a header and one row per trial', async ({ request }) => {
  const response = await request.get('/trials.csv');
  expect(response.headers()['content-type']).toContain('text/csv');
  const text = await response.text();
  expect(text.startsWith('id,registryIds,secondaryIds,title,')).toBe(true);
  for (const id of SEED_IDS) expect(text).toContain(`\r\n${id},`);
});

test('/schema/trial.json is a JSON Schema of the record', async ({ request }) => {
  const schema = (await (await request.get('/schema/trial.json')).json()) as { $schema: string; required: string[] };
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.required).toContain('therapy');
});

test('the browse pages together link every trial, 50 a page', async ({ page, request }) => {
  const trials = (await (await request.get('/trials.json')).json()) as { id: string }[];
  const pages = Math.ceil(trials.length / 50);
  const linked = new Set<string>();
  for (let n = 1; n <= pages; n += 1) {
    await page.goto(n === 1 ? '/trials/' : `/trials/page/${n}/`);
    const hrefs = await page.locator('[data-browse-body] a[href^="/trials/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const h of hrefs) linked.add(h);
  }
  for (const t of trials) expect(linked, t.id).toContain(`/trials/${t.id.replaceAll('/', '-')}/`);
});

test('the import report: none of the seeds is unreadable, and /data/ links the report', async ({ request, page }) => {
  const response = await request.get('/data/import-report.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toEqual({ unreadable: [] });
  await page.goto('/data/');
  await page.getByRole('link', { name: 'import report' }).click();
  await expect(page).toHaveURL(/\/data\/import-report\/$/u);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import report');
  await expect(page.locator('#none')).toHaveText('Every record file of this build was read.');
});
