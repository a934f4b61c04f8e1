/** The site checks used by the quality gates, on a small hand-made dist/: they must catch what they claim to. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, diffManifest, fileForPath, publicUrls, readManifest, urlOfFile, writeManifest } from '../../scripts/quality/site.ts';

const dist = mkdtempSync(join(tmpdir(), 'site-check-'));
const put = (path: string, body: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), body);
};
put('index.html', `<!doctype html><html><head><link rel="canonical" href="https://example.org/"><meta property="og:image" content="https://example.org/og.png"></head><body>
<a href="/trials/A/">ok</a> <a href="/trials/A">no slash</a> <a href="/trials/A/#eligibility">ok anchor</a> <a href="/trials/A/#%E0%A4%A">bad escape</a>
<form action="/search/"></form> <img srcset="/logo.svg 2x, /trials/A/cite.ris 1x" alt=""> <meta property="og:url" content="https://example.org/trials/A/">
<a href="#top">own anchor</a><h1 id="top">x</h1> <a href="https://elsewhere.org/missing">external, not fetched</a>
<a href="/trials/B/">missing page</a> <a href="/trials/A/#nowhere">missing anchor</a> <img src="/logo.svg" alt="">
<a href="mailto:x@example.org">mail</a> <a href="https://example.org/data.json">absolute on the site</a></body></html>`);
put('trials/A/index.html', '<!doctype html><html><body><section id="eligibility"></section><a href="../../">up</a><a href="cite.ris">relative</a></body></html>');
put('trials/A/cite.ris', 'TY  - CTRIAL');
put('trials/a/index.html', '<!doctype html><meta http-equiv="refresh" content="0;url=/trials/Z/">');
put('data.json', '[]');
put('_astro/x.123.css', '');
put('pagefind/pagefind.js', '');

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('serving rules', () => {
  it('maps files to URLs and URLs to files as a static host does', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('trials/A/index.html')).toBe('/trials/A/');
    expect(urlOfFile('trials/A/cite.ris')).toBe('/trials/A/cite.ris');
    expect(fileForPath(dist, '/trials/A')).toBe(join(dist, 'trials/A/index.html'));
    expect(fileForPath(dist, '/trials/A/')).toBe(join(dist, 'trials/A/index.html'));
    expect(fileForPath(dist, '/trials/B/')).toBeNull();
    expect(fileForPath(dist, '/../etc/passwd')).toBeNull();
  });

  it('lists public URLs without build internals', () => {
    expect(publicUrls(dist)).toEqual(['/', '/data.json', '/trials/A/', '/trials/A/cite.ris', '/trials/a/']);
  });
});

describe('brokenLinks', () => {
  it('reports missing pages, anchors, assets, form actions, redirect targets, slashes and bad escapes — and nothing else', () => {
    const problems = brokenLinks(dist, 'https://example.org');
    expect(problems).toHaveLength(9);
    expect(problems).toEqual(expect.arrayContaining([
      { page: '/', href: 'https://example.org/og.png', problem: 'nothing is served at /og.png' },
      { page: '/', href: '/trials/B/', problem: 'nothing is served at /trials/B/' },
      { page: '/', href: '/trials/A/#nowhere', problem: '/trials/A/ has no element with id "nowhere"' },
      { page: '/', href: '/logo.svg', problem: 'nothing is served at /logo.svg' },
      { page: '/trials/a/', href: '/trials/Z/', problem: 'nothing is served at /trials/Z/' },
      { page: '/', href: '/trials/A', problem: '/trials/A lacks its trailing slash (a bucket answers 404; link /trials/A/)' },
      { page: '/', href: '/trials/A/#%E0%A4%A', problem: 'the #fragment is not valid percent-encoding' },
      { page: '/', href: '/search/', problem: 'nothing is served at /search/' }, // a form's action
      { page: '/', href: '/logo.svg', problem: 'nothing is served at /logo.svg' }, // from srcset as well as src
    ]));
    expect(problems.filter((p) => p.href === '/logo.svg')).toHaveLength(2);
  });
});

describe('permalink manifest', () => {
  it('round-trips and reports missing and added URLs', () => {
    const text = writeManifest(['/b/', '/a/']);
    expect(readManifest(text)).toEqual(['/a/', '/b/']);
    expect(diffManifest(['/a/', '/b/', '/c.json'], ['/a/', '/c.json', '/d/'])).toEqual({ missing: ['/b/'], added: ['/d/'] });
  });
});
