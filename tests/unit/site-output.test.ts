/** The in-place site folder (src/integrations/site-output.ts): the output ledger and the pruning, on real folders. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutputLedger, listFiles, prune } from '../../src/integrations/site-output.ts';
import { withOutputCache } from '../../src/integrations/output-cache.ts';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'msc-site-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** One build's ledger: a new ledger object over the same files, as the next `astro build` makes. */
const nextBuild = (site: string, file: string) => new OutputLedger(site, file);

describe('OutputLedger', () => {
  it('writes a file once, keeps it while its content is the same, and writes it again when the content changes', () => {
    const site = temp();
    const file = join(temp(), 'ledger.json');
    const path = join(site, 'trials/NCT01.json');
    const first = nextBuild(site, file);
    expect(first.write(path, '{"id":1}\n')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('{"id":1}\n');
    first.save();

    const warm = nextBuild(site, file);
    const before = statSync(path).mtimeMs;
    expect(warm.write(path, '{"id":1}\n')).toBe(false);
    expect(statSync(path).mtimeMs).toBe(before);
    expect([warm.written, warm.kept]).toEqual([0, 1]);
    expect(warm.has('trials/NCT01.json')).toBe(true);
    warm.save();

    const changed = nextBuild(site, file);
    expect(changed.write(path, '{"id":2}\n')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('{"id":2}\n');
  });

  it('writes again a file that was deleted, edited in place or touched since the last build, and trusts no ledger of another folder', () => {
    const site = temp();
    const file = join(temp(), 'ledger.json');
    const [a, b, c] = ['a.txt', 'b.txt', 'c.txt'].map((f) => join(site, f)) as [string, string, string];
    const first = nextBuild(site, file);
    for (const p of [a, b, c]) first.write(p, 'same');
    first.save();
    rmSync(a);
    writeFileSync(b, 'edit'); // same size, new bytes and time
    const t = statSync(c).mtime;
    utimesSync(c, t, new Date(t.getTime() + 5000));
    const warm = nextBuild(site, file);
    expect([a, b, c].map((p) => warm.write(p, 'same'))).toEqual([true, true, true]);
    expect(readFileSync(b, 'utf8')).toBe('same');
    warm.save();

    const other = temp();
    const elsewhere = nextBuild(other, file);
    expect(elsewhere.write(join(other, 'a.txt'), 'same')).toBe(true);
  });

  it('refuses a path outside the site folder', () => {
    const site = temp();
    expect(() => nextBuild(site, join(temp(), 'l.json')).write(join(site, '../escape.txt'), 'x')).toThrow(/outside the site folder/u);
  });

  it('keeps a cached step output folder in place while its key and files are unchanged', async () => {
    const site = temp();
    const root = temp();
    const file = join(temp(), 'ledger.json');
    const out = join(site, 'pagefind');
    let runs = 0;
    const make = async () => {
      runs += 1;
      mkdirSync(join(out, 'fragment'), { recursive: true });
      writeFileSync(join(out, 'fragment/one.pf'), `run ${runs}`);
    };
    const first = nextBuild(site, file);
    expect(await withOutputCache('index', 'k1', out, make, root, first)).toBe(false);
    first.save();
    const mtime = statSync(join(out, 'fragment/one.pf')).mtimeMs;

    const warm = nextBuild(site, file);
    expect(await withOutputCache('index', 'k1', out, make, root, warm)).toBe(true);
    expect([runs, warm.kept, warm.written]).toEqual([1, 1, 0]);
    expect(statSync(join(out, 'fragment/one.pf')).mtimeMs).toBe(mtime); // not copied again
    warm.save();

    // a fragment lost from the site folder: the stored output is copied back
    rmSync(join(out, 'fragment/one.pf'));
    const third = nextBuild(site, file);
    expect(await withOutputCache('index', 'k1', out, make, root, third)).toBe(true);
    expect(readFileSync(join(out, 'fragment/one.pf'), 'utf8')).toBe('run 1');
    expect(third.written).toBe(1);
    third.save();

    // a new key: the step starts from an empty folder, so nothing of the last run stays beside its new files
    writeFileSync(join(out, 'fragment/stale.pf'), 'old');
    const fourth = nextBuild(site, file);
    expect(await withOutputCache('index', 'k2', out, make, root, fourth)).toBe(false);
    expect(listFiles(out).map((p) => p.slice(out.length + 1))).toEqual(['fragment/one.pf']);
    expect(readFileSync(join(out, 'fragment/one.pf'), 'utf8')).toBe('run 2');
  });
});

describe('prune', () => {
  it('removes every file the build did not produce, and the folders left empty, but not .git', () => {
    const site = temp();
    for (const f of ['index.html', 'trials/NCT01/index.html', 'trials/NCT02/index.html', 'trials/NCT02/og.png', '_astro/old.css', '_astro/new.css', '.git/HEAD']) {
      mkdirSync(join(site, f, '..'), { recursive: true });
      writeFileSync(join(site, f), f);
    }
    const produced = new Set(['index.html', 'trials/NCT01/index.html', '_astro/new.css']);
    const removed = prune(site, (rel) => produced.has(rel));
    expect(removed).toEqual(['_astro/old.css', 'trials/NCT02/index.html', 'trials/NCT02/og.png']);
    expect(existsSync(join(site, 'trials/NCT02'))).toBe(false);
    expect(listFiles(site).map((p) => p.slice(site.length + 1)).sort()).toEqual(['.git/HEAD', '_astro/new.css', 'index.html', 'trials/NCT01/index.html']);
  });

  it('is given each file’s modification time, so what this build wrote is kept without being listed', () => {
    const site = temp();
    writeFileSync(join(site, 'old.txt'), 'x');
    utimesSync(join(site, 'old.txt'), new Date(1_000_000), new Date(1_000_000));
    const started = Date.now() - 100;
    writeFileSync(join(site, 'new.txt'), 'y');
    expect(prune(site, (_rel, mtimeMs) => mtimeMs >= started)).toEqual(['old.txt']);
  });
});
