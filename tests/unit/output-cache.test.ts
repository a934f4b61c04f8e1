/** The build-step output cache (src/integrations/output-cache.ts) on real folders in a temporary directory. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestFiles, withOutputCache } from '../../src/integrations/output-cache.ts';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'msc-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('digestFiles', () => {
  it('changes with a kept file’s bytes or name, not with files it skips', () => {
    const site = temp();
    mkdirSync(join(site, 'a'));
    writeFileSync(join(site, 'a/index.html'), '<p>one</p>');
    writeFileSync(join(site, 'og.png'), 'x');
    const html = (p: string) => p.endsWith('.html');
    const first = digestFiles(site, html);
    writeFileSync(join(site, 'og.png'), 'y');
    expect(digestFiles(site, html)).toBe(first);
    expect(digestFiles(site, html, ['pagefind 1.5.2'])).not.toBe(first);
    writeFileSync(join(site, 'a/index.html'), '<p>two</p>');
    expect(digestFiles(site, html)).not.toBe(first);
  });
});

describe('withOutputCache', () => {
  it('runs the step once per key and copies its output back after', async () => {
    const root = temp();
    const out = join(temp(), 'pagefind');
    let runs = 0;
    const make = async () => {
      runs += 1;
      mkdirSync(join(out, 'fragment'), { recursive: true });
      writeFileSync(join(out, 'fragment/one.pf'), `run ${runs}`);
    };
    expect(await withOutputCache('index', 'k1', out, make, root)).toBe(false);
    rmSync(out, { recursive: true });
    expect(await withOutputCache('index', 'k1', out, make, root)).toBe(true);
    expect(runs).toBe(1);
    expect(readFileSync(join(out, 'fragment/one.pf'), 'utf8')).toBe('run 1');
    // a new key runs the step again, and replaces what was stored
    expect(await withOutputCache('index', 'k2', out, make, root)).toBe(false);
    expect(readFileSync(join(out, 'fragment/one.pf'), 'utf8')).toBe('run 2');
    expect(await withOutputCache('index', 'k1', out, make, root)).toBe(false);
    expect(runs).toBe(3);
  });

  it('a step that fails stores nothing', async () => {
    const root = temp();
    const out = join(temp(), 'x');
    await expect(withOutputCache('index', 'k', out, async () => { throw new Error('boom'); }, root)).rejects.toThrow('boom');
    let ran = false;
    await withOutputCache('index', 'k', out, async () => { ran = true; mkdirSync(out, { recursive: true }); }, root);
    expect(ran).toBe(true);
  });
});
