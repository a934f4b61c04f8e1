/**
 * Quality gates over the built site folder itself (no browser needed): HTML validity of every
 * page, every internal link and #anchor, JSON-LD on every trial page, the data endpoints against
 * the published JSON Schema, and the permalink manifest. See docs/quality.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { parse } from 'node-html-parser';
import { brokenLinks, diffManifest, fileForPath, listFiles, publicUrls, readManifest, sitemapUrls, urlOfFile } from '../../scripts/quality/site.ts';

const DIST = 'dist';
const SITE = process.env.SITE_URL ?? 'https://msc-trials.example.org';
const htmlFiles = listFiles(DIST).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));

// html-validate takes about 35 ms a page on this machine: the 2,900 pages are checked in shards,
// so the two CI workers share them (shard i takes every 8th file from the i-th) and no shard comes near the test timeout
const HTML_SHARDS = 8;
const validator = new HtmlValidate(new FileSystemConfigLoader());
for (let shard = 0; shard < HTML_SHARDS; shard++) {
  test(`every built HTML file is valid under the documented html-validate rules (shard ${shard + 1} of ${HTML_SHARDS})`, async () => {
    test.setTimeout(180_000);
    expect(htmlFiles.length).toBeGreaterThan(20);
    const errors: string[] = [];
    for (const file of htmlFiles.filter((_, n) => n % HTML_SHARDS === shard)) {
      const report = await validator.validateFile(join(DIST, file));
      for (const result of report.results)
        for (const m of result.messages) errors.push(`${urlOfFile(file)}:${m.line}:${m.column} [${m.ruleId}] ${m.message}`);
    }
    expect(errors, errors.join('\n')).toEqual([]);
  });
}

test('every internal link and #anchor of every built page resolves', () => {
  const problems = brokenLinks(DIST, SITE).map((p) => `${p.page}: ${p.href} — ${p.problem}`);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('links inside the data files resolve too: browse list, feed, sitemap, web manifest', () => {
  const problems: string[] = [];
  const check = (where: string, url: string) => {
    const path = new URL(url, SITE).pathname;
    const served = fileForPath(DIST, path);
    if (!served) problems.push(`${where}: ${url} — nothing is served`);
    else if (served.endsWith('/index.html') && !path.endsWith('/')) problems.push(`${where}: ${url} — lacks its trailing slash`);
  };
  const rows = JSON.parse(readFileSync(join(DIST, 'data/browse.json'), 'utf8')) as { url: string }[];
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) check('/data/browse.json', r.url);
  for (const m of readFileSync(join(DIST, 'feed.xml'), 'utf8').matchAll(/<link>([^<]+)<\/link>/gu)) check('/feed.xml', m[1]!);
  for (const url of sitemapUrls(DIST)) check('/sitemap.xml', url);
  for (const icon of (JSON.parse(readFileSync(join(DIST, 'site.webmanifest'), 'utf8')) as { icons: { src: string }[] }).icons) check('/site.webmanifest', icon.src);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('the permalink manifest: every URL ever published is still served, and new URLs are listed', () => {
  const manifest = readManifest(readFileSync('permalinks.txt', 'utf8'));
  const { missing, added } = diffManifest(manifest, publicUrls(DIST));
  expect(missing, `The build no longer serves these URLs of permalinks.txt (serve them or redirect them):\n${missing.join('\n')}`).toEqual([]);
  expect(added, `New URLs: add them with npm run permalinks -- --update:\n${added.join('\n')}`).toEqual([]);
});

interface PublicTrial {
  id: string;
  title: string;
  registryIds: string[];
  conditions: string[];
  sponsor: string | null;
  dates: { start: { date: string } | null; completion: { date: string } | null };
}

const trials = JSON.parse(readFileSync(join(DIST, 'trials.json'), 'utf8')) as PublicTrial[];

test('JSON-LD on every trial page parses and carries the MedicalTrial properties, matching the record', () => {
  expect(trials.length).toBeGreaterThan(0);
  for (const trial of trials) {
    const file = join(DIST, 'trials', trial.id.replaceAll('/', '-'), 'index.html');
    const root = parse(readFileSync(file, 'utf8'));
    const scripts = root.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts, `${trial.id}: one JSON-LD block`).toHaveLength(1);
    const ld = JSON.parse(scripts[0]!.textContent) as Record<string, unknown>;
    const canonical = root.querySelector('link[rel="canonical"]')!.getAttribute('href');
    const where = `JSON-LD of /trials/${trial.id}/`;
    expect(ld['@context'], where).toBe('https://schema.org');
    expect(ld['@type'], where).toBe('MedicalTrial');
    expect(ld['@id'], where).toBe(canonical);
    expect(ld.url, where).toBe(canonical);
    expect(ld.name, where).toBe(trial.title);
    const identifiers = (ld.identifier as { '@type': string; value: string; propertyID: string }[]).map((i) => {
      expect(i['@type'], where).toBe('PropertyValue');
      expect(i.propertyID, where).toBeTruthy();
      return i.value;
    });
    expect(identifiers, where).toEqual(trial.registryIds.length ? trial.registryIds : [trial.id]);
    if (trial.conditions.length) expect((ld.healthCondition as { name: string }[]).map((c) => c.name), where).toEqual(trial.conditions);
    if (trial.sponsor) expect(ld.sponsor, where).toEqual([{ '@type': 'Organization', name: trial.sponsor }]);
    expect(ld.startDate, where).toBe(trial.dates.start?.date);
    expect(ld.endDate, where).toBe(trial.dates.completion?.date);
  }
});

test('the data endpoints validate against /schema/trial.json', () => {
  const schema = JSON.parse(readFileSync(join(DIST, 'schema/trial.json'), 'utf8')) as { $id: string };
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv); // formats such as "uri" are checked, not ignored
  const validate = ajv.compile(schema);
  const check = (value: unknown, where: string) => {
    const ok = validate(value);
    expect(ok, `${where}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
  };
  trials.forEach((t, i) => check(t, `/trials.json [${i}] ${t.id}`));
  const files = listFiles(join(DIST, 'trials')).filter((f) => /^[^/]+\.json$/u.test(f));
  expect(files).toHaveLength(trials.length);
  for (const f of files) check(JSON.parse(readFileSync(join(DIST, 'trials', f), 'utf8')), `/trials/${f}`);
  // the single-trial files say what the collection says
  for (const t of trials) expect(JSON.parse(readFileSync(join(DIST, 'trials', `${t.id.replaceAll('/', '-')}.json`), 'utf8'))).toEqual(t);
  // the screened-out records are full records too, and none of them is a catalogue trial
  const out = JSON.parse(readFileSync(join(DIST, 'data/screened-out.json'), 'utf8')) as (PublicTrial & { scope: { value: string } })[];
  out.forEach((t, i) => check(t, `/data/screened-out.json [${i}] ${t.id}`));
  expect(out.every((t) => t.scope.value === 'OTHER')).toBe(true);
  const ids = new Set(trials.map((t) => t.id));
  expect(out.filter((t) => ids.has(t.id))).toEqual([]);
});
