/** The published data files of the built site, fetched over HTTP as a user's script would. */
import { expect, test } from '@playwright/test';

const SEED_IDS = ['NCT04208646', 'NCT04501354', 'NCT05921058', 'NCT06688318', 'NCT07157891'];

test('/trials.json holds every seed trial, sorted by id, with the contradictions flagged', async ({ request }) => {
  const response = await request.get('/trials.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const trials = (await response.json()) as { id: string; flags: { code: string }[]; eligibility: { minAge: unknown } }[];
  expect(trials.map((t) => t.id)).toEqual(SEED_IDS);
  const codes = Object.fromEntries(trials.map((t) => [t.id, t.flags.map((f) => f.code)]));
  expect(codes['NCT06688318']).toContain('age-unit-mismatch');
  expect(codes['NCT07157891']).toContain('phase-prose-mismatch');
  expect(codes['NCT05921058']).toContain('enrollment-prose-mismatch');
  expect(codes['NCT04501354']).toEqual(expect.arrayContaining(['criteria-age-differs', 'criteria-sex-differs']));
  expect(trials.find((t) => t.id === 'NCT06688318')!.eligibility.minAge).toEqual({ text: '45 Months', years: 3.75 });
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

test('the browse page links every trial', async ({ page }) => {
  await page.goto('/trials/');
  for (const id of SEED_IDS) await expect(page.locator(`a[href*="${id}"]`).first()).toBeVisible();
});
