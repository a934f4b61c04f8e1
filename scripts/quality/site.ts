/**
 * Checks over a built site folder (dist/), without a browser: which URL serves which file, every
 * internal link and #anchor, and the list of public URLs the permalink manifest guards.
 *
 * URLs resolve the way a static host serves this site (and `astro preview` does): `/a/` and `/a`
 * serve `a/index.html`, any other path serves the file of that name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';

/** Folders of build internals whose names change with every build: never public permalinks. */
export const INTERNAL_DIRS = ['_astro', 'pagefind'] as const;

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path a built file is shared under: `trials/X/index.html` → `/trials/X/`. */
export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** The <loc> URLs of a built site's sitemap.xml. */
export function sitemapUrls(dist: string): string[] {
  return [...readFileSync(join(dist, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);
}

/** The public URLs of a built site: every file but build internals (hashed assets, the search index). */
export function publicUrls(dist: string): string[] {
  return listFiles(dist)
    .filter((f) => !INTERNAL_DIRS.some((d) => f.startsWith(`${d}/`)))
    .map(urlOfFile)
    .sort();
}

/** The file that serves a URL path (as astro preview and most hosts do: "/a" too), or null for 404. */
export function fileForPath(dist: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.split('/').includes('..')) return null;
  const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  for (const c of candidates) {
    const full = join(dist, c);
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return null;
}

export interface LinkProblem {
  /** the page the link is on, as a URL path */
  page: string;
  /** the link as written */
  href: string;
  problem: string;
}

/** Links, sources and redirects a page points at: [attribute value, where it came from]. */
function linksOf(html: string): string[] {
  const root = parse(html);
  const out: string[] = [];
  for (const el of root.querySelectorAll('a[href], link[href], area[href]')) out.push(el.getAttribute('href')!);
  for (const el of root.querySelectorAll('script[src], img[src], source[src], iframe[src]')) out.push(el.getAttribute('src')!);
  for (const el of root.querySelectorAll('img[srcset], source[srcset]'))
    for (const part of el.getAttribute('srcset')!.split(',')) out.push(part.trim().split(/\s+/u)[0]!);
  for (const el of root.querySelectorAll('form[action]')) out.push(el.getAttribute('action')!);
  for (const el of root.querySelectorAll('meta[http-equiv="refresh"]')) {
    const url = /url=(.+)$/iu.exec(el.getAttribute('content') ?? '')?.[1];
    if (url) out.push(url.trim());
  }
  for (const el of root.querySelectorAll('meta[property="og:image"], meta[name="twitter:image"], meta[property="og:url"]')) out.push(el.getAttribute('content')!);
  return out.filter((h) => h !== '');
}

/** The ids (and a[name]s) a page defines: the targets of #anchors. */
export function anchorsOf(html: string): Set<string> {
  const root = parse(html);
  const out = new Set<string>();
  for (const el of root.querySelectorAll('[id]')) out.add(el.getAttribute('id')!);
  for (const el of root.querySelectorAll('a[name]')) out.add(el.getAttribute('name')!);
  return out;
}

/**
 * Every internal link of every HTML file in `dist` that does not resolve: a missing page or file,
 * or an #anchor the target page does not define. `site` is the site's own origin: absolute URLs
 * on it (canonical, social images) count as internal. Other origins are not fetched.
 */
export function brokenLinks(dist: string, site: string): LinkProblem[] {
  const origin = new URL(site).origin;
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    let set = anchors.get(file);
    if (!set) {
      set = anchorsOf(readFileSync(file, 'utf8'));
      anchors.set(file, set);
    }
    return set;
  };
  const problems: LinkProblem[] = [];
  for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
    const page = urlOfFile(file);
    const base = new URL(page, origin);
    for (const href of linksOf(readFileSync(join(dist, file), 'utf8'))) {
      let target: URL;
      try {
        target = new URL(href, base);
      } catch {
        problems.push({ page, href, problem: 'not a valid URL' });
        continue;
      }
      if (target.origin !== origin || !/^https?:$/u.test(target.protocol)) continue;
      const served = fileForPath(dist, target.pathname);
      if (!served) {
        problems.push({ page, href, problem: `nothing is served at ${target.pathname}` });
        continue;
      }
      if (!target.pathname.endsWith('/') && served.endsWith('/index.html') && !target.pathname.endsWith('/index.html')) {
        // object storage serves "a/index.html" for "a/" only: links use the canonical form
        problems.push({ page, href, problem: `${target.pathname} lacks its trailing slash (a bucket answers 404; link ${target.pathname}/)` });
        continue;
      }
      let fragment: string;
      try {
        fragment = decodeURIComponent(target.hash.slice(1));
      } catch {
        problems.push({ page, href, problem: `the #fragment is not valid percent-encoding` });
        continue;
      }
      if (fragment && served.endsWith('.html') && !anchorsIn(served).has(fragment))
        problems.push({ page, href, problem: `${target.pathname} has no element with id "${fragment}"` });
    }
  }
  return problems;
}

export interface ManifestDiff {
  /** URLs in the manifest that the build no longer serves */
  missing: string[];
  /** URLs the build serves that the manifest does not list yet */
  added: string[];
}

/** Reads a permalink manifest: one URL path a line; blank lines and # comments are skipped. */
export function readManifest(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export function writeManifest(urls: readonly string[]): string {
  return [
    '# Every public URL of the catalogue, one per line. A build that no longer serves one of them fails.',
    '# After adding pages or data files: npm run permalinks -- --update (see docs/quality.md).',
    '# To retire a URL, keep serving it as a redirect (`redirects` in astro.config.mjs): never delete a line.',
    ...[...urls].sort(),
    '',
  ].join('\n');
}

export function diffManifest(manifest: readonly string[], built: readonly string[]): ManifestDiff {
  const b = new Set(built);
  const m = new Set(manifest);
  return { missing: manifest.filter((u) => !b.has(u)).sort(), added: built.filter((u) => !m.has(u)).sort() };
}
