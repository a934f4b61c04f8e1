/** Every canonical page of the site (for the sitemap): one list, checked against the build by a test. */
import { getCollection } from 'astro:content';
import { PAGE_SIZE } from './browse.ts';
import { comparisonPages } from './ready-made.ts';
import { trialPath } from './site.ts';
import { publicTrials } from './trials.ts';

export async function sitePages(): Promise<{ path: string; lastmod?: string }[]> {
  const trials = await publicTrials();
  const guides = await getCollection('guides');
  const ready = await comparisonPages();
  const pages = Math.ceil(trials.length / PAGE_SIZE);
  return [
    { path: '/' },
    { path: '/trials/' },
    ...Array.from({ length: Math.max(0, pages - 1) }, (_, i) => ({ path: `/trials/page/${i + 2}/` })),
    ...trials.map((t) => ({ path: trialPath(t.id), ...(t.dates.lastUpdated ? { lastmod: t.dates.lastUpdated.date } : {}) })),
    { path: '/search/' },
    { path: '/compare/' },
    ...[...ready.conditions, ...ready.products].map((r) => ({ path: r.href })),
    { path: '/guides/' },
    ...guides.map((g) => ({ path: `/guides/${g.id}/`, lastmod: (g.data.updated ?? g.data.published).toISOString().slice(0, 10) })),
    { path: '/data/' },
    { path: '/data/screened-out/' },
    { path: '/data/import-report/' },
    { path: '/about/' },
  ];
}
