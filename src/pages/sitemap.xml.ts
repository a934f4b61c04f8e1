/** sitemap.xml of every canonical page, written by the `sitemap` library. */
import type { APIRoute } from 'astro';
import { SitemapStream, streamToPromise } from 'sitemap';
import { Readable } from 'node:stream';
import { sitePages } from '../lib/routes.ts';

export const GET: APIRoute = async ({ site }) => {
  const pages = await sitePages();
  const stream = new SitemapStream({ hostname: (site ?? new URL('https://msc-trials.example.org')).href });
  const xml = await streamToPromise(Readable.from(pages.map((p) => ({ url: p.path, ...(p.lastmod ? { lastmod: p.lastmod } : {}) }))).pipe(stream));
  return new Response(xml.toString(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
