/** The permalink page of a trial, its citations, sharing metadata, aliases and no-JS reading. */
import { expect, test } from '@playwright/test';
import { SEED_IDS, watchConsole } from './helpers.ts';

const SECTIONS = ['overview', 'therapy', 'design', 'arms', 'interventions', 'outcomes', 'eligibility', 'dates', 'locations', 'identifiers', 'sources', 'flags', 'cite'];

const KEY_FACTS: Record<string, { status: string; asOf: string; phase: string; enrollment: string; design: string; flags: string[] }> = {
  NCT06688318: { status: 'Active, not recruiting', asOf: 'as of a record that states no date', phase: 'Phase 1/2', enrollment: '11 participants', design: 'Single group, open label', flags: ['Age unit looks wrong'] },
  NCT07157891: { status: 'Not yet recruiting', asOf: 'as of 5 Sep 2025', phase: 'Early phase 1', enrollment: '25 participants', design: 'Randomised, parallel, open label', flags: ['Phase differs in the text'] },
  NCT04208646: { status: 'Completed', asOf: 'as of a record that states no date', phase: 'Phase 2', enrollment: '106 participants', design: 'Randomised, parallel, double masked', flags: [] },
  NCT04501354: { status: 'Unknown status', asOf: 'as of 7 Aug 2020', phase: 'Phase 2', enrollment: '5 participants', design: 'Single group, open label', flags: ['Criteria set other age limits', 'Criteria restrict sex differently'] },
  NCT05921058: { status: 'Completed', asOf: 'as of 27 Jun 2023', phase: 'Phase 1/2', enrollment: '15 participants (actual)', design: 'Randomised, parallel, quadruple masked', flags: ['Enrollment differs in the text'] },
};

for (const id of SEED_IDS) {
  test(`${id}: key facts with the status as of its record, every section anchor, and its flags once each in plain words`, async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto(`/trials/${id}/`);
    const facts = page.getByRole('region', { name: 'Key facts' });
    const expected = KEY_FACTS[id]!;
    await expect(facts).toContainText(`Status ${expected.status} ${expected.asOf}`);
    await expect(facts).toContainText(`Phase ${expected.phase}`);
    await expect(facts).toContainText(`Enrollment ${expected.enrollment}`);
    await expect(facts).toContainText(`Design ${expected.design}`);
    for (const section of SECTIONS) await expect(page.locator(`#${section}`), section).toHaveCount(1);
    const flags = page.locator('#flags').locator('..');
    for (const flag of expected.flags) {
      await expect(flags).toContainText(flag);
      // once each: the page names a quality flag in one place only (the codes for curators are in a closed details element)
      expect(await page.locator('main').getByText(flag, { exact: false }).count(), flag).toBe(2);
    }
    if (expected.flags.length) await expect(facts.locator('[data-checks]')).toContainText(`${expected.flags.length} point`);
    await expect(page.locator('h1')).toHaveText(await page.locator('meta[property="og:title"]').getAttribute('content').then((t) => t!.replace(/ \(NCT\d+\)$/u, '')));
    consoleErrors.expectNone();
  });
}

test('NCT06688318 explains the 45 months flag, keeps the original age text and quotes the title that decided its facets', async ({ page }) => {
  await page.goto('/trials/NCT06688318/');
  await expect(page.locator('[data-flag="age-unit-mismatch"]')).toContainText('45 Months (3.75 years)');
  await expect(page.locator('#eligibility').locator('..')).toContainText('minimum “45 Months” = 3.75 years');
  const therapy = page.locator('#therapy').locator('..');
  await expect(therapy).toContainText('The title names an MSC product as the treatment: “Conditioned Media”');
  await expect(therapy.locator('mark', { hasText: 'Umbilical Cord' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Editorial note' })).toBeVisible();
  await expect(page.locator('#note').locator('..')).toContainText('read the minimum age as 45 years');
  await expect(page.getByRole('link', { name: /View at ClinicalTrials.gov/u })).toHaveAttribute('href', 'https://clinicaltrials.gov/study/NCT06688318');
});

test('honest absence: a page copy without dates is "not in the records we hold"; a CSV row says what a download cannot carry; an empty registry field says so', async ({ page }) => {
  await page.goto('/trials/NCT04208646/');
  const dates = page.locator('#dates').locator('..');
  await expect(dates).toContainText('Start Not in the records we hold. Why');
  // the reason is said once, in the key facts, not at every field the copy left out
  const note = page.locator('[data-records-held]');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(/\d+ fields are not in the records we hold\. We hold a ClinicalTrials\.Veeva page copy of this trial, and a page copy can leave a section out/u);
  await expect(note.getByRole('link', { name: /Check the registry record/u })).toHaveAttribute('href', 'https://clinicaltrials.gov/study/NCT04208646');
  const gaps = await page.locator('main [data-absent="not-held"]').count();
  expect(gaps).toBeGreaterThan(10);
  expect(await page.locator('main').textContent()).not.toContain('page copy states none');
  await dates.getByRole('link', { name: 'Why' }).first().click();
  await expect(page).toHaveURL(/#records-held$/u);
  await expect(note).toBeInViewport();
  await page.goto('/trials/NCT04447833/');
  await expect(page.locator('#eligibility').locator('..')).toContainText('Inclusion criteria Not in the records we hold. The 2022 ClinicalTrials.gov CSV download does not carry eligibility criteria.');
  await expect(page.locator('[data-outcomes="unclassified"]')).toContainText('The record lists these measures without saying which are primary');
  // a download's known limit is said at the field, and needs no note
  await expect(page.locator('[data-records-held]')).toHaveCount(0);
  await page.goto('/trials/NCT04073472/');
  await expect(page.locator('#locations').locator('..')).toContainText('The registry record states no sites.');
  await expect(page.getByRole('region', { name: 'Key facts' })).toContainText('Countries None in the registry record');
});

test('scope: an MSC-containing preparation and a trial whose scope needs review say so, with the words that decided', async ({ page }) => {
  await page.goto('/trials/NCT04739930/');
  await expect(page.locator('header .badge', { hasText: 'MSC-containing preparation' })).toBeVisible();
  await expect(page.locator('[data-scope="MSC_CONTAINING"]')).toContainText('contains MSCs without isolating or culturing them');
  await page.goto('/trials/NCT01325103/');
  await expect(page.locator('header .badge', { hasText: 'Scope needs review' })).toBeVisible();
  await expect(page.locator('[data-flag="scope-unclear"]')).toContainText('Scope needs review');
  await expect(page.locator('[data-scope="UNCLEAR"] mark').first()).toHaveText(/stem cell/iu);
});

test('the on-this-page menu: sticky beside the content on a desktop, compact above it on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/trials/NCT04501354/');
  const wide = page.locator('[data-toc="wide"]');
  await expect(wide).toBeVisible();
  await expect(page.locator('[data-toc="compact"]')).toBeHidden();
  expect(await wide.locator('.sticky').evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
  await page.locator('#flags').scrollIntoViewIfNeeded();
  await expect(wide.getByRole('link', { name: /^Flags and signals/u })).toBeInViewport();
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(wide).toBeHidden();
  const compact = page.locator('[data-toc="compact"]');
  await expect(compact).toBeVisible();
  await compact.getByText('On this page').click();
  await compact.getByRole('link', { name: /^Eligibility/u }).click();
  await expect(page).toHaveURL(/#eligibility$/u);
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
  // the thirteen anchored sections, from #overview to #cite
  await expect(page.locator('main h2[data-copy-heading]')).toHaveCount(13);
  await expect(page.locator('main h2[data-copy-heading] [data-copy-link]')).toHaveCount(13);
  await page.locator('#eligibility').getByRole('button', { name: 'Copy link to this section' }).click();
  await expect(page.locator('[data-copy-status]')).toHaveText(/^Link copied: http:\/\/127\.0\.0\.1:\d+\/trials\/NCT04501354\/#eligibility$/u);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/trials\/NCT04501354\/#eligibility$/u);
  await page.getByRole('button', { name: 'Copy permalink' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/trials\/NCT04501354\/$/u);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a trial page reads fully, and the browse list shows its first page', async ({ page }) => {
    await page.goto('/trials/NCT04501354/');
    await expect(page.locator('#eligibility').locator('..')).toContainText('Male patients older than 50 yrs old.');
    await expect(page.locator('#outcomes').locator('..')).toContainText('Bone Mass Density (BMD)');
    await expect(page.locator('[data-copy-link]')).toHaveCount(0);
    await page.goto('/trials/');
    await expect(page.locator('[data-browse-body] tr')).toHaveCount(50);
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

test('evidence signals are listed under Flags and signals on every trial page, with the neutral registration note', async ({ page }) => {
  const expected: Record<string, string[]> = {
    NCT06688318: ['No comparison group', 'Open label', 'Small sample'],
    NCT07157891: ['No comparison group', 'Open label', 'Small sample'],
    NCT04208646: [],
    NCT04501354: ['No comparison group', 'Open label', 'Small sample', 'Single site'],
    NCT05921058: ['Small sample', 'Single site'],
  };
  for (const [id, signals] of Object.entries(expected)) {
    await page.goto(`/trials/${id}/`);
    const shown = page.locator('[data-flag-group="signals"] [data-flag] strong');
    expect((await shown.allTextContents()).map((t) => t.replace(/\.$/u, '')), id).toEqual(signals);
    await expect(page.locator('#flags').locator('..')).toContainText('Registered is not approved');
  }
});

test('the sources section: one source in a sentence; two with their rows and dates, and which source each field comes from', async ({ page }) => {
  await page.goto('/trials/NCT05921058/');
  const sources = page.locator('#sources').locator('..');
  await expect(sources.locator('[data-provenance-single]')).toHaveText(
    'Every field on this page comes from [1] ClinicalTrials.gov classic page (clincosm); the MSC facets and the scope are derived by the catalogue from those fields.',
  );
  await expect(sources.locator('table')).toHaveCount(0);
  await page.goto('/trials/NCT04501354/');
  const two = page.locator('#sources').locator('..');
  await expect(two.locator('[data-source="1"]')).toContainText('ctgov-csv/ctgov-classic-download-mesenchymal-2022-10-09.csv, row 30');
  await expect(two.locator('[data-source="1"]')).toContainText('registry record last updated 7 Aug 2020 · retrieved 9 Oct 2022');
  await expect(two.locator('[data-source="2"]')).toContainText('seeds/003_437f84a799927563.txt');
  await expect(two.locator('[data-source="2"]')).toContainText('the record states no date of update · retrieval date not recorded');
  await two.getByText('Which source each field comes from').click();
  await expect(two.locator('tr', { hasText: 'Primary outcomes' })).toHaveText('Primary outcomes[2] MedPath page');
  await expect(two.locator('tr', { hasText: 'Start date' })).toHaveText('Start date[1] ClinicalTrials.gov CSV download (classic site)');
});

test('freshness: a trial whose newest copy is old says so at the top, with the registry link; its status carries both dates', async ({ page }) => {
  await page.goto('/trials/NCT04447833/');
  const warning = page.locator('[data-out-of-date]');
  await expect(warning).toHaveText(
    'Possibly out of date. The catalogue’s newest copy of this record was retrieved on 9 Oct 2022. The registry may have changed the status, dates or enrollment since. The current record at ClinicalTrials.gov.',
  );
  await expect(warning.getByRole('link')).toHaveAttribute('href', 'https://clinicaltrials.gov/study/NCT04447833');
  await expect(page.locator('.key-facts, [data-key-facts]').first()).toContainText('as of 4 Mar 2021; retrieved 9 Oct 2022');
  await expect(page.locator('[data-as-of]')).toHaveText(
    'Status and dates are as of 4 Mar 2021: the last registry update of the newest record the catalogue holds (retrieved 9 Oct 2022).',
  );
  await expect(page.locator('#flags').locator('..')).toContainText('Our copy may be out of date');
});

test('freshness on About: the range of registry updates and retrievals, and how many trials are possibly out of date', async ({ page }) => {
  await page.goto('/about/');
  const block = page.locator('[data-freshness]');
  await expect(block).toContainText(/Registry updates\s*\d{1,2} \w{3} 200\d to \d{1,2} \w{3} 20\d\d/u);
  await expect(block).toContainText(/Retrieved\s*9 Oct 2022\s*when the catalogue copied them; not recorded for \d+ trials/u);
  const count = Number(await block.locator('[data-out-of-date-count]').getAttribute('data-out-of-date-count'));
  expect(count).toBeGreaterThan(1200); // every trial of the 2022 download, a copy over four years old
  await expect(block.locator('[data-out-of-date-count]')).toContainText(`${count.toLocaleString('en')} of `);
});

test('a locator map of the trial’s countries: the shared world outline, the countries shaded over it, named', async ({ page, request }) => {
  await page.goto('/trials/NCT04447833/');
  const map = page.locator('#locations').locator('..').locator('[data-locator-map] svg');
  await expect(map).toHaveAccessibleName('Map: Sweden');
  await expect(map.locator('[data-country]')).toHaveCount(1);
  await expect(map.locator('[data-country="752"]')).toBeVisible();
  const world = await request.get('/map/world.svg');
  expect(world.status()).toBe(200);
  expect(world.headers()['content-type']).toContain('image/svg+xml');
  expect(await world.text()).toContain('<path id="land" d="M');
  // the outline is drawn: the <use> resolves to a box as wide as the map's frame
  const box = await map.locator('use').evaluate((u) => (u as SVGGraphicsElement).getBBox().width);
  expect(box).toBeGreaterThan(100);
});

test('many sites: the count per country first, the table of all sites folded; a few sites are listed open', async ({ page }) => {
  await page.goto('/trials/NCT00366145/');
  const section = page.locator('#locations').locator('..');
  await expect(section.locator('[data-sites-per-country] li').first()).toHaveText('United States: 47 sites');
  const sites = section.locator('details[data-sites]');
  await expect(sites.locator('summary')).toHaveText('All 70 sites');
  await expect(sites.locator('tbody tr').first()).toBeHidden();
  await sites.locator('summary').click();
  await expect(sites.locator('tbody tr')).toHaveCount(70);
  await page.goto('/trials/NCT04447833/');
  await expect(page.locator('details[data-sites]')).toHaveAttribute('open', '');
  await expect(page.locator('[data-sites-per-country]')).toHaveCount(0);
});
