/** The permalink page of a trial, its citations, sharing metadata, aliases and no-JS reading. */
import { expect, test } from '@playwright/test';
import { SEED_IDS, watchConsole } from './helpers.ts';

const SECTIONS = ['overview', 'therapy', 'design', 'arms', 'interventions', 'outcomes', 'eligibility', 'locations', 'identifiers', 'sources', 'flags', 'cite'];

const KEY_FACTS: Record<string, { status: string; phase: string; enrollment: string; sponsor: string; flags: string[] }> = {
  NCT06688318: { status: 'Active, not recruiting', phase: 'Phase 1/2', enrollment: '11 participants', sponsor: 'National Research and Innovation Agency (BRIN)', flags: ['Age unit looks wrong'] },
  NCT07157891: { status: 'Not yet recruiting', phase: 'Early phase 1', enrollment: '25 participants', sponsor: 'University of the Punjab', flags: ['Phase differs in the text'] },
  NCT04208646: { status: 'Completed', phase: 'Phase 2', enrollment: '106 participants', sponsor: 'Cellular Biomedicine Group', flags: [] },
  NCT04501354: { status: 'Unknown status', phase: 'Phase 2', enrollment: '5 participants', sponsor: 'Ahmad Jabir Rahyussalim', flags: ['Criteria set other age limits', 'Criteria restrict sex differently'] },
  NCT05921058: { status: 'Completed', phase: 'Phase 1/2', enrollment: '15 participants (actual)', sponsor: 'Universitas Sebelas Maret', flags: ['Enrollment differs in the text'] },
};

for (const id of SEED_IDS) {
  test(`${id}: key facts, every section anchor and its flags in plain words`, async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto(`/trials/${id}/`);
    const facts = page.getByRole('region', { name: 'Key facts' });
    const expected = KEY_FACTS[id]!;
    await expect(facts).toContainText(expected.status);
    await expect(facts).toContainText(expected.phase);
    await expect(facts).toContainText(expected.enrollment);
    await expect(facts).toContainText(expected.sponsor);
    for (const section of SECTIONS) await expect(page.locator(`#${section}`), section).toHaveCount(1);
    for (const flag of expected.flags) await expect(page.locator('#flags').locator('..')).toContainText(flag);
    await expect(page.locator('h1')).toHaveText(await page.locator('meta[property="og:title"]').getAttribute('content').then((t) => t!.replace(/ \(NCT\d+\)$/u, '')));
    consoleErrors.expectNone();
  });
}

test('NCT06688318 explains the 45 months flag and keeps the original age text', async ({ page }) => {
  await page.goto('/trials/NCT06688318/');
  await expect(page.getByRole('complementary', { name: 'Check before relying on this record' })).toContainText('45 Months (3.75 years)');
  await expect(page.locator('#eligibility').locator('..')).toContainText('minimum “45 Months” = 3.75 years');
  await expect(page.locator('#therapy').locator('..')).toContainText('“Conditioned Media” in the title');
  await expect(page.getByRole('heading', { name: 'Editorial note' })).toBeVisible();
  await expect(page.locator('#note').locator('..')).toContainText('read the minimum age as 45 years');
  await expect(page.getByRole('link', { name: /View at ClinicalTrials.gov/u })).toHaveAttribute('href', 'https://clinicaltrials.gov/study/NCT06688318');
});

test('sharing: canonical, description, OpenGraph and Twitter cards, and a social image', async ({ page, request }) => {
  await page.goto('/trials/NCT07157891/');
  await expect(page).toHaveTitle(/Investigating the Safety and Regenerative Potential of MSC-Derived Secretome .*\(NCT07157891\)/u);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/trials\/NCT07157891\/$/u);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Not yet recruiting · Early phase 1 · Secretome/u);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(/\/trials\/NCT07157891\/og\.png$/u);
  const png = await request.get(new URL(image!).pathname);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
});

test('JSON-LD parses as a schema.org MedicalTrial naming the right identifier', async ({ page }) => {
  await page.goto('/trials/NCT04208646/');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld['@type']).toBe('MedicalTrial');
  expect(ld.identifier[0]).toMatchObject({ propertyID: 'ClinicalTrials.gov', value: 'NCT04208646' });
  expect(ld.status).toBe('https://schema.org/Completed');
  expect(ld.trialDesign).toEqual(expect.arrayContaining(['https://schema.org/RandomizedTrial', 'https://schema.org/PlaceboControlledTrial', 'https://schema.org/DoubleBlindedTrial']));
  expect(ld.sponsor[0].name).toBe('Cellular Biomedicine Group');
  expect(ld.healthCondition[0].name).toBe('Knee Osteoarthritis');
});

test('citation text and RIS, BibTeX and CSL-JSON files contain the id and title', async ({ page, request }) => {
  await page.goto('/trials/NCT05921058/');
  const title = 'The Effects of Mesenchymal Stem Cell Secretome in Lupus Patients';
  await expect(page.locator('[data-citation]')).toContainText(`Universitas Sebelas Maret. ${title}. ClinicalTrials.gov identifier: NCT05921058.`);
  const ris = await (await request.get('/trials/NCT05921058/cite.ris')).text();
  expect(ris).toContain(`TI  - ${title}`);
  expect(ris).toContain('AN  - NCT05921058');
  const bib = await (await request.get('/trials/NCT05921058/cite.bib')).text();
  expect(bib).toContain('@misc{NCT05921058,');
  expect(bib).toContain(`title = {{${title}}}`);
  const csl = await (await request.get('/trials/NCT05921058/cite.json')).json();
  expect(csl[0]).toMatchObject({ id: 'NCT05921058', title, type: 'webpage', number: 'NCT05921058' });
});

test('aliases: the lower-case id lands on the canonical page, and so does the id without a slash', async ({ page }) => {
  await page.goto('/trials/nct06688318/');
  await expect(page).toHaveURL(/\/trials\/NCT06688318\/$/u);
  await expect(page.locator('h1')).toContainText('Effectivity of Allogenic Umbilical Cord');
  const response = await page.goto('/trials/NCT06688318');
  expect(response!.status()).toBeLessThan(400);
  await expect(page.locator('h1')).toContainText('Effectivity of Allogenic Umbilical Cord');
});

test('every section heading gets a copy-link button that copies the section URL', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/trials/NCT04501354/');
  // the twelve anchored sections, from #overview to #cite
  await expect(page.locator('main h2[data-copy-heading]')).toHaveCount(12);
  await expect(page.locator('main h2[data-copy-heading] [data-copy-link]')).toHaveCount(12);
  await page.locator('#eligibility').getByRole('button', { name: 'Copy link to this section' }).click();
  await expect(page.locator('[data-copy-status]')).toHaveText(/^Link copied: http:\/\/127\.0\.0\.1:\d+\/trials\/NCT04501354\/#eligibility$/u);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/trials\/NCT04501354\/#eligibility$/u);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a trial page reads fully, and the browse list shows its first page', async ({ page }) => {
    await page.goto('/trials/NCT04501354/');
    await expect(page.locator('#eligibility').locator('..')).toContainText('Male patients older than 50 yrs old.');
    await expect(page.locator('#outcomes').locator('..')).toContainText('Bone Mass Density (BMD)');
    await expect(page.locator('[data-copy-link]')).toHaveCount(0);
    await page.goto('/trials/');
    await expect(page.locator('[data-browse-body] tr')).toHaveCount(5);
    await expect(page.locator('[data-browse-controls]')).toBeHidden();
  });
});

test('print: no chrome, link targets written out', async ({ page }) => {
  await page.goto('/trials/NCT06688318/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header[data-site-header]')).toBeHidden();
  await expect(page.locator('footer[data-site-footer]')).toBeHidden();
  await expect(page.locator('#cite')).toBeVisible();
});

test('the theme toggle switches and remembers', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/trials/NCT06688318/');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});

test('evidence signals appear as badges on every trial page, with the neutral registration note', async ({ page }) => {
  const expected: Record<string, string[]> = {
    NCT06688318: ['No comparison group', 'Open label', 'Small sample'],
    NCT07157891: ['No comparison group', 'Open label', 'Small sample'],
    NCT04208646: [],
    NCT04501354: ['No comparison group', 'Small sample', 'Single site'],
    NCT05921058: ['Small sample', 'Single site', 'Results not posted'],
  };
  for (const [id, badges] of Object.entries(expected)) {
    await page.goto(`/trials/${id}/`);
    const shown = page.locator('[data-evidence-signals] .badge');
    expect(await shown.allTextContents(), id).toEqual(badges);
    await expect(page.locator('#flags').locator('..')).toContainText('Registered is not approved');
  }
});

test('the sources section says which source each field comes from (one source: in a sentence, not a table)', async ({ page }) => {
  await page.goto('/trials/NCT05921058/');
  const sources = page.locator('#sources').locator('..');
  await expect(sources.locator('[data-provenance-single]')).toHaveText(
    'Which source each field comes from: every field on this page comes from [1] ClinicalTrials.gov classic page (clincosm); the MSC facets are derived by the catalogue from those fields.',
  );
  await expect(sources.locator('table')).toHaveCount(0);
});
