// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { socialImages } from './src/integrations/social-images.ts';
import { concurrently } from './src/integrations/concurrently.ts';
import { trialDataFiles } from './src/integrations/trial-files.ts';
import { siteOutput } from './src/integrations/site-output.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://msc-trials.example.org',
  trailingSlash: 'ignore',
  // CATALOGUE_CACHE_DIR: a separate cache folder (clean builds in tests and benchmarks)
  ...(process.env.CATALOGUE_CACHE_DIR ? { cacheDir: process.env.CATALOGUE_CACHE_DIR } : {}),
  // keep the HTML's own white space: compression joined "use the" and a following link on the next line
  compressHTML: false,
  // code blocks stay plain <pre><code>: Shiki colours with style attributes, which the CSP refuses
  markdown: { syntaxHighlight: false },
  // after the pages: each trial's data files (record, citations), then the social images and the
  // search index at the same time (src/integrations/concurrently.ts); last, siteOutput removes what
  // this build did not produce: the site folder is built in place (src/integrations/site-output.ts)
  integrations: [mdx(), trialDataFiles(), concurrently('msc-after-build', [socialImages(), pagefindIndex()]), siteOutput()],
  // A strict Content-Security-Policy in a <meta> on every page: Astro hashes every script and
  // style it emits, so nothing inline runs unless it is ours. Pagefind compiles its WebAssembly
  // ('wasm-unsafe-eval') and runs a worker from /pagefind/ ('self'). docs/deploy.md lists the
  // headers a host must add that a <meta> cannot carry (frame-ancestors, report-to, …).
  // Incremental builds: a trial's pages and files carry a cache key (its entry and the site-wide
  // state, src/lib/trials.ts); when key and code are unchanged, Astro copies last build's output.
  experimental: { incrementalBuild: true },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // Scripts and styles as files, never inlined: they are cached once for every page, and the
  // CSP needs no per-file hash for them ('self' covers files), which keeps each page's policy short.
  build: { inlineStylesheets: 'never' },
  vite: {
    plugins: [tailwindcss()],
    build: { assetsInlineLimit: 0 },
  },
});
