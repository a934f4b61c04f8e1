/**
 * A record added to a sources folder appears in the next build's output; files starting with
 * "_" or "." and READMEs are ignored; a bad record stops the build with its file named.
 * Runs the real `astro build` against a temporary folder (CATALOGUE_SOURCES) and output dir.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { brokenLinks, listFiles } from '../../scripts/quality/site.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { largeRecord } from '../fixtures/bad/large-record.ts';

const temp = mkdtempSync(join(tmpdir(), 'msc-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(sources: string, outDir: string, curation = join(temp, 'no-curation'), extraEnv: Record<string, string> = {}, cwd = process.cwd()) {
  return spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd,
    // plain log text (CI=true turns colours on otherwise), so the tests can read what Astro did
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CATALOGUE_SOURCES: sources, CATALOGUE_CURATION: curation, CATALOGUE_AS_OF: '2026-11-22', CATALOGUE_OG_IMAGES: '0', ASTRO_TELEMETRY_DISABLED: '1', CATALOGUE_STRICT: '0', ...extraEnv },
    encoding: 'utf8',
    timeout: 180_000,
  });
}

/** What a build printed, without colour codes. */
const logOf = (result: ReturnType<typeof build>) => stripVTControlCharacters(result.stdout + result.stderr);

/** SHA-256 of every file of a built site, by path; `skip` leaves out paths that start with it. */
const digests = (dir: string, skip?: string) =>
  new Map(listFiles(dir).filter((f) => !skip || !f.startsWith(skip)).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

describe('astro build over a sources folder', () => {
  it('publishes a newly added record of each kind, at any depth, and ignores _, . and README files', () => {
    const sources = join(temp, 'sources');
    cpSync('content/sources/seeds', sources, { recursive: true });
    mkdirSync(join(sources, 'more/deeper'), { recursive: true });
    cpSync('tests/fixtures/records/medpath/isrctn-multi.txt', join(sources, 'more/isrctn.txt'));
    cpSync('tests/fixtures/records/veeva/script-injection.txt', join(sources, 'more/deeper/record.data'));
    writeFileSync(
      join(sources, 'more/study.json'),
      JSON.stringify({ protocolSection: { identificationModule: { nctId: 'NCT09000099', briefTitle: 'MSC exosomes, single study object' } } }),
    );
    writeFileSync(join(sources, '_draft.txt'), '');
    writeFileSync(join(sources, '.notes'), '\u0000binary');
    writeFileSync(join(sources, 'README.md'), 'Not a record.');

    const out = join(temp, 'dist');
    const result = build(sources, out);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const trials = JSON.parse(readFileSync(join(out, 'trials.json'), 'utf8')) as { id: string; title: string; sources: { file: string }[] }[];
    expect(trials.map((t) => t.id)).toEqual([
      'ISRCTN87654321',
      'NCT04208646',
      'NCT04501354',
      'NCT05921058',
      'NCT06688318',
      'NCT07157891',
      'NCT09000050',
      'NCT09000099',
    ]);
    expect(trials.find((t) => t.id === 'NCT09000050')!.sources).toEqual([{ file: 'more/deeper/record.data', format: 'veeva', site: 'ctv.veeva.com', asOf: null, retrieved: null, row: null }]);
    expect(JSON.parse(readFileSync(join(out, 'trials/ISRCTN87654321.json'), 'utf8')).title).toBe(
      "Wharton's Jelly Mesenchymal Stromal Cells for Acute Respiratory Distress Syndrome",
    );
    expect(readFileSync(join(out, 'trials.csv'), 'utf8')).toContain('NCT09000099,');
    // markup from a record is escaped in HTML (and in the JSON-LD), never executed
    const page = readFileSync(join(out, 'trials/NCT09000050/index.html'), 'utf8');
    // inside quoted attribute values (meta descriptions) "<" is inert; everywhere else it must be escaped
    const outsideAttributes = page.replace(/="[^"]*"/gu, '=""');
    expect(outsideAttributes).not.toContain('<script>alert');
    expect(outsideAttributes).not.toContain('<img src=x');
    expect(outsideAttributes).not.toContain("<script>fetch('//evil')");
    expect(page).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(page).toContain('\\u003cscript>alert(\\"title\\")');
  }, 200_000);

  it('a bad record hides no other trial: it is listed on the import report with its file, field, expectation and finding', () => {
    const sources = join(temp, 'bad-sources');
    cpSync('content/sources/seeds', sources, { recursive: true });
    cpSync('tests/fixtures/bad/no-title.txt', join(sources, 'sub/untitled.txt'), { recursive: true });
    cpSync('tests/fixtures/bad/truncated.json', join(sources, 'truncated.json'));
    // a CSV download with three rows that cannot be read: its two good rows are read
    cpSync('tests/fixtures/records/ctgov-csv/modern-fields-subset.csv', join(sources, 'downloads/subset.csv'), { recursive: true });
    const out = join(temp, 'bad-dist');
    const result = build(sources, out);
    expect(result.status, logOf(result)).toBe(0);
    expect(logOf(result)).toContain('5 entries (whole files, or rows of one) from 3 record files could not be read; listed on /data/import-report/');
    const trials = JSON.parse(readFileSync(join(out, 'trials.json'), 'utf8')) as { id: string; sources: { file: string }[] }[];
    expect(trials.map((t) => t.id)).toEqual(expect.arrayContaining(['NCT04208646', 'NCT04501354', 'NCT05921058', 'NCT06688318', 'NCT07157891']));
    const report = JSON.parse(readFileSync(join(out, 'data/import-report.json'), 'utf8')) as { unreadable: Record<string, unknown>[] };
    expect(report.unreadable.map((u) => [u.file, u.row, u.field])).toEqual([
      ['downloads/subset.csv', 4, 'Study Title'],
      ['downloads/subset.csv', 5, null],
      ['downloads/subset.csv', 6, 'NCT Number'],
      ['sub/untitled.txt', null, 'title'],
      ['truncated.json', null, null],
    ]);
    expect(report.unreadable[3]!.reason).toBe('the layout of this file is not one the catalogue knows, and no title could be read from it');
    const page = parse(readFileSync(join(out, 'data/import-report/index.html'), 'utf8'));
    expect(page.querySelector('#count')!.text).toBe('5 entries from 3 files could not be read.');
    const rows = page.querySelectorAll('#unreadable tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text.trim()));
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['downloads/subset.csv', '4', 'the row has no title', 'Study Title'],
      ['downloads/subset.csv', '5', 'the row has 7 cells, but the header has 6 columns', '—'],
      ['downloads/subset.csv', '6', 'the row has no NCT number', 'NCT Number'],
      ['sub/untitled.txt', '—', report.unreadable[3]!.reason, 'title'],
      ['truncated.json', '—', 'the file looks like JSON but cannot be parsed (truncated or damaged?)', '—'],
    ]);
    expect(rows[3]![5]).toContain('"Some exported sheet"');
    // the data page links the report
    expect(readFileSync(join(out, 'data/index.html'), 'utf8')).toContain('href="/data/import-report/"');
  }, 200_000);

  it('with CATALOGUE_STRICT=1 (CI) a bad record fails the build, naming every bad file, field, expectation and finding', () => {
    const result = build(join(temp, 'bad-sources'), join(temp, 'bad-strict-dist'), undefined, { CATALOGUE_STRICT: '1' });
    expect(result.status).not.toBe(0);
    const output = logOf(result);
    expect(output).toContain('5 entries (whole files, or rows of one) from 3 record files cannot be published (CATALOGUE_STRICT is set)');
    expect(output).toContain('downloads/subset.csv, row 6: the row has no NCT number\n  column: NCT Number');
    expect(output).toContain('sub/untitled.txt: the layout of this file is not one the catalogue knows, and no title could be read from it');
    expect(output).toContain('field: title');
    expect(output).toContain('truncated.json: the file looks like JSON but cannot be parsed');
  }, 200_000);

  it('a ClinicalTrials.gov record of a seed trial merges into its page; a curation overlay shows beside the sources', () => {
    const sources = join(temp, 'merge-sources');
    cpSync('content/sources/seeds', sources, { recursive: true });
    cpSync('tests/fixtures/merge/conflict/NCT06688318.json', join(sources, 'ctgov/NCT06688318.json'), { recursive: true });
    const out = join(temp, 'merge-dist');
    const result = build(sources, out, join(process.cwd(), 'tests/fixtures/curation/good'));
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const trials = JSON.parse(readFileSync(join(out, 'trials.json'), 'utf8')) as { id: string; sources: { file: string }[]; enrollment: unknown; eligibility: { minAge: unknown }; flags: { code: string }[] }[];
    expect(trials).toHaveLength(5); // one trial, not two
    const t = trials.find((x) => x.id === 'NCT06688318')!;
    expect(t.sources.map((s) => s.file)).toEqual(['ctgov/NCT06688318.json', '000_86288b0c402870c7.txt']);
    expect(t.enrollment).toEqual({ count: 12, type: 'ACTUAL' });
    expect(t.eligibility.minAge).toEqual({ text: '45 Years', years: 45 });
    expect(t.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['source-conflict', 'curated', 'age-unit-mismatch']));
    const page = readFileSync(join(out, 'trials/NCT06688318/index.html'), 'utf8');
    expect(page).toContain('Where the sources differ');
    // two sources: the per-field table says which one each field comes from
    expect(page).toMatch(/<summary[^>]*>Which source each field comes from<\/summary>/u);
    expect(page).toMatch(/<th scope="row" class="font-normal">Enrollment<\/th>\s*<td>\s*\[1\] ClinicalTrials.gov API v2 JSON/u);
    expect(page).toMatch(/\[1\] ctgov\/NCT06688318\.json: “12 participants \(actual\)” \(shown\)/u);
    expect(page).toMatch(/\[2\] 000_86288b0c402870c7\.txt: “11 participants”/u);
    expect(page).toContain('Corrected by a curator');
    expect(page).toMatch(/the sources said “45 Months”/u);
  }, 200_000);

  it('a bad curation overlay stops the build with its file and field', () => {
    const result = build('content/sources/seeds', join(temp, 'bad-curation-dist'), join(process.cwd(), 'tests/fixtures/curation/wrong-type'));
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toContain('NCT06688318.yaml: the value for enrollment does not fit that field');
  }, 200_000);

  it('the bad-input corpus: published records keep their flags, markup stays inert, nothing else is lost', () => {
    const sources = join(temp, 'corpus-sources');
    cpSync('content/sources/seeds', sources, { recursive: true });
    for (const name of ['script-injection.json', 'collision-NCT06688318.json', 'latin1.txt']) cpSync(`tests/fixtures/bad/${name}`, join(sources, 'bad', name), { recursive: true });
    const large = largeRecord(5 * 1024 * 1024);
    writeFileSync(join(sources, 'bad/large.json'), large);
    expect(Buffer.byteLength(large)).toBeGreaterThanOrEqual(5 * 1024 * 1024);

    const out = join(temp, 'corpus-dist');
    const result = build(sources, out);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const trials = JSON.parse(readFileSync(join(out, 'trials.json'), 'utf8')) as { id: string; description: string | null; flags: { code: string }[] }[];
    // every seed trial is still there, beside the three new ones; the collision merged
    expect(trials.map((t) => t.id)).toEqual(['ISRCTN99999903', 'NCT04208646', 'NCT04501354', 'NCT05921058', 'NCT06688318', 'NCT07157891', 'NCT09999901', 'NCT09999904']);
    const codes = (id: string) => trials.find((t) => t.id === id)!.flags.map((f) => f.code);
    expect(codes('NCT06688318')).toContain('source-conflict');
    expect(codes('NCT09999901')).toContain('markup-in-text');
    expect(codes('ISRCTN99999903')).toContain('encoding-converted');
    expect(trials.find((t) => t.id === 'NCT09999904')!.description!.length).toBeGreaterThan(5_000_000);

    // the flags are visible on the pages, in plain words
    const html = (id: string) => readFileSync(join(out, `trials/${id}/index.html`), 'utf8');
    expect(html('NCT06688318')).toContain('Sources disagree');
    expect(html('NCT09999901')).toContain('Markup in the text');
    expect(html('ISRCTN99999903')).toContain('File was not UTF-8');
    expect(html('ISRCTN99999903')).toContain('Sjögren');

    // injected markup is text: no element, attribute or URL from the record made it into the DOM
    const root = parse(html('NCT09999901'));
    // the only scripts: JSON-LD, the theme's own inline one, and bundled files; no <style> from the record
    for (const script of root.querySelectorAll('script')) {
      const type = script.getAttribute('type');
      const ok = type === 'application/ld+json' || (type === 'module' && script.getAttribute('src')?.startsWith('/_astro/')) || (!type && script.textContent.includes("localStorage.getItem('theme')"));
      expect(ok, script.outerHTML.slice(0, 200)).toBeTruthy();
    }
    expect(root.querySelectorAll('style').filter((el) => el.textContent.includes('display:none'))).toEqual([]);
    expect(root.querySelectorAll('iframe, base, meta[http-equiv="refresh"]')).toEqual([]);
    expect(root.querySelectorAll('img, iframe, svg[onload], b[onmouseover]').filter((el) => /alert|evil/u.test(el.outerHTML))).toEqual([]);
    expect(root.querySelectorAll('*').flatMap((el) => Object.keys(el.attributes).filter((a) => /^on/iu.test(a)))).toEqual([]);
    expect(root.querySelectorAll('a').filter((a) => /^\s*javascript:/iu.test(a.getAttribute('href') ?? ''))).toEqual([]);
    expect(root.querySelector('h1')!.textContent).toContain("<script>alert('title')</script>");
    // the JSON-LD block cannot be closed early by a record's "</script>"
    const ld = root.querySelector('script[type="application/ld+json"]')!;
    expect(JSON.parse(ld.textContent).alternateName).toEqual(["Injected markup test: </script><script>alert('breakout')</script>"]);
  }, 300_000);

  it('two clean builds of the same commit are byte-identical, but for the files Pagefind writes in hash-map order', () => {
    const runs = [1, 2].map((n) => {
      const out = join(temp, `repro-${n}`);
      // a fresh cache folder each time: no content-layer store, no cached readings or social images
      const result = build(join(process.cwd(), 'content/sources/seeds'), out, join(process.cwd(), 'content/curation'), {
        CATALOGUE_CACHE_DIR: join(temp, `repro-cache-${n}`),
        CATALOGUE_OG_IMAGES: '1',
      });
      expect(result.status, result.stderr + result.stdout).toBe(0);
      return digests(out);
    });
    const [a, b] = runs as [Map<string, string>, Map<string, string>];
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
    // Pagefind 1.5 orders its filter index and metadata by hash-map iteration (Pagefind/pagefind#638):
    // the same filters in another order, so other bytes and other content-hashed names
    const pagefindOrder = /^pagefind\/(filter\/[^/]+\.pf_filter|pagefind\.[a-z_0-9]+\.pf_meta|pagefind-entry\.json)$/u;
    expect(differing.filter((f) => !pagefindOrder.test(f))).toEqual([]);
    // everything people read or download is identical: every page, data file, image and feed
    expect([...a.keys()].filter((f) => f.endsWith('.html') || f.endsWith('.json') || f.endsWith('.png')).length).toBeGreaterThan(40);
    expect([...a.keys()].filter((f) => !f.startsWith('pagefind/')).sort()).toEqual([...b.keys()].filter((f) => !f.startsWith('pagefind/')).sort());
  }, 400_000);

  it('an incremental build after one record changed renders that trial again, keeps the rest in place, and equals a clean build; a withdrawn record leaves nothing behind', () => {
    const sources = join(temp, 'inc-sources');
    cpSync('content/sources/seeds', sources, { recursive: true });
    const cache = join(temp, 'inc-cache');
    const out = join(temp, 'inc-dist');
    const first = build(sources, out, undefined, { CATALOGUE_CACHE_DIR: cache });
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const firstFiles = digests(out, 'pagefind/');
    cpSync(join(out, 'trials/NCT04208646/index.html'), join(temp, 'inc-first-page.html'));

    // nothing changed: no record is read or assembled again, every page and data file is left in place, the output is the same
    const warm = build(sources, out, undefined, { CATALOGUE_CACHE_DIR: cache });
    expect(warm.status, warm.stderr + warm.stdout).toBe(0);
    expect(logOf(warm)).toContain('5 trials from 5 record files (nothing changed: the stored trials are kept)');
    expect(logOf(warm)).toMatch(/\/trials\/NCT07157891\/index\.html \(cached\)/u);
    expect(logOf(warm)).toContain('search index of 5 trial records and 1 guide pages copied from the cache (nothing it is made from changed)');
    expect(logOf(warm)).toContain('20 trial data files (record and citations of 5 trials; 0 written, 20 unchanged)');
    expect(logOf(warm)).toMatch(/0 data files written, \d+ kept as they were; 0 file\(s\) from an earlier build removed/u);
    const warmFiles = digests(out, 'pagefind/');
    expect([...warmFiles.keys()].sort()).toEqual([...firstFiles.keys()].sort());
    expect([...warmFiles.keys()].filter((f) => warmFiles.get(f) !== firstFiles.get(f))).toEqual([]);

    // a page deleted from the site folder by hand is put back from Astro's cache
    rmSync(join(out, 'trials/NCT04208646/index.html'));
    const mended = build(sources, out, undefined, { CATALOGUE_CACHE_DIR: cache });
    expect(mended.status, mended.stderr + mended.stdout).toBe(0);
    expect(logOf(mended)).toMatch(/\/trials\/NCT04208646\/index\.html \(restored\)/u);
    expect(readFileSync(join(out, 'trials/NCT04208646/index.html'), 'utf8')).toBe(readFileSync(join(temp, 'inc-first-page.html'), 'utf8'));

    // a curator edits one record: NCT07157891's title (the record's first line) gains a word
    const file = join(sources, '001_a3c49bb06900f447.txt');
    const [title, ...rest] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [`${title} (edited)`, ...rest].join('\n'));
    const second = build(sources, out, undefined, { CATALOGUE_CACHE_DIR: cache });
    expect(second.status, second.stderr + second.stdout).toBe(0);
    const log = logOf(second);
    expect(log).toContain('(1 read, 4 unchanged; 1 entries updated)');

    expect(log).toMatch(/\/trials\/NCT07157891\/index\.html \(\+\d+ms\)/u); // rendered
    // the data files (record, citations) are made after the pages from the published records; only the edited trial's are written
    expect(log).toContain('20 trial data files (record and citations of 5 trials; 4 written, 16 unchanged)');
    // the edited record changes its search document: the index is made again, not copied
    expect(log).toMatch(/indexed 5 trial records and 1 guide pages into the search index/u);
    expect(readFileSync(join(out, 'trials/NCT07157891.json'), 'utf8')).toContain(`${title} (edited)`);
    expect(log).toMatch(/\/trials\/NCT04208646\/index\.html \(cached\)/u);
    // NCT06688318 has an editorial note, which may show other trials: it is rendered again
    expect(log).toMatch(/\/trials\/NCT06688318\/index\.html \(\+\d+ms\)/u);
    expect(readFileSync(join(out, 'trials/NCT07157891/index.html'), 'utf8')).toContain(`${title} (edited)`);

    // the result is what a clean build of the edited records gives, file for file
    const clean = join(temp, 'inc-clean');
    const third = build(sources, clean, undefined, { CATALOGUE_CACHE_DIR: join(temp, 'inc-clean-cache') });
    expect(third.status, third.stderr + third.stdout).toBe(0);
    const [a, b] = [digests(out, 'pagefind/'), digests(clean, 'pagefind/')];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()].filter((f) => a.get(f) !== b.get(f))).toEqual([]);
    // and so is its search index: the same fragments (one per page, named by their content) and word chunks
    const indexFiles = (dir: string) => [...digests(dir).entries()].filter(([f]) => /^pagefind\/(fragment|index)\//u.test(f)).sort();
    expect(indexFiles(out).length).toBeGreaterThan(5);
    expect(indexFiles(out)).toEqual(indexFiles(clean));

    // a record withdrawn (NCT05921058's file removed): its pages, data files and search fragment leave the
    // site folder too, and what stays is again what a clean build writes
    rmSync(join(sources, '004_1f41135654dbd125.txt'));
    const withdrawn = build(sources, out, undefined, { CATALOGUE_CACHE_DIR: cache });
    expect(withdrawn.status, withdrawn.stderr + withdrawn.stdout).toBe(0);
    expect(logOf(withdrawn)).toMatch(/[1-9]\d* file\(s\) from an earlier build removed \(/u);
    expect(listFiles(out).filter((f) => f.includes('NCT05921058'))).toEqual([]);
    const cleanWithdrawn = join(temp, 'inc-clean-withdrawn');
    const fourth = build(sources, cleanWithdrawn, undefined, { CATALOGUE_CACHE_DIR: join(temp, 'inc-clean-withdrawn-cache') });
    expect(fourth.status, fourth.stderr + fourth.stdout).toBe(0);
    const [c, d] = [digests(out, 'pagefind/'), digests(cleanWithdrawn, 'pagefind/')];
    expect([...c.keys()].sort()).toEqual([...d.keys()].sort());
    expect([...c.keys()].filter((f) => c.get(f) !== d.get(f))).toEqual([]);
    expect(indexFiles(out)).toEqual(indexFiles(cleanWithdrawn));
  }, 600_000);

  it('an incremental build after a code change that alters the shared stylesheet renders every page again: no page keeps a stale link', () => {
    // a copy of the project, so the test can edit its source
    const project = join(temp, 'inc-project');
    mkdirSync(project, { recursive: true });
    for (const item of ['src', 'content', 'public', 'docs', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(item, join(project, item), { recursive: true });
    symlinkSync(join(process.cwd(), 'node_modules'), join(project, 'node_modules'), 'dir');
    const cache = join(temp, 'inc-project-cache');
    const out = join(project, 'dist'); // inside the project: its build chunks resolve packages from there
    const run = () => build(join(process.cwd(), 'content/sources/seeds'), out, undefined, { CATALOGUE_CACHE_DIR: cache }, project);
    const first = run();
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const css = (file: string) => /href="(\/_astro\/[^"]+\.css)"/u.exec(readFileSync(join(out, file), 'utf8'))?.[1];
    const before = css('trials/NCT04208646/index.html');
    // the about page starts using a utility no page used: Tailwind's one stylesheet changes name
    const about = join(project, 'src/pages/about.astro');
    writeFileSync(about, readFileSync(about, 'utf8').replace('</Base>', '<p class="tracking-widest skew-x-3">new</p>\n</Base>'));
    const second = run();
    expect(second.status, second.stderr + second.stdout).toBe(0);
    const log = logOf(second);
    expect(log).not.toMatch(/\/trials\/NCT04208646\/index\.html \(restored\)/u);
    const after = css('trials/NCT04208646/index.html');
    expect(after).not.toBe(before);
    expect(css('about/index.html')).toBe(after);
    // the site folder is built in place: the stylesheet no page links any more is removed
    expect(existsSync(join(out, before!))).toBe(false);
    expect(existsSync(join(out, after!))).toBe(true);
    expect(brokenLinks(out, 'https://msc-trials.example.org')).toEqual([]);
  }, 400_000);
});
