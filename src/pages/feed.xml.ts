/** RSS feed of trials by last update (newest first; trials without an update date last). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE, trialPath } from '../lib/site.ts';
import { trialDescription } from '../lib/format.ts';
import { publicTrials } from '../lib/trials.ts';

export const GET: APIRoute = async ({ site }) => {
  const trials = (await publicTrials()).sort((a, b) => (b.dates.lastUpdated?.date ?? '').localeCompare(a.dates.lastUpdated?.date ?? '') || a.id.localeCompare(b.id));
  return rss({
    title: `${SITE.name}: trials by last update`,
    description: SITE.description,
    site: site ?? 'https://msc-trials.example.org',
    items: trials.slice(0, 200).map((t) => ({
      title: `${t.title} (${t.id})`,
      link: trialPath(t.id),
      description: trialDescription(t),
      ...(t.dates.lastUpdated ? { pubDate: new Date(`${t.dates.lastUpdated.date.length === 7 ? `${t.dates.lastUpdated.date}-01` : t.dates.lastUpdated.date}T00:00:00Z`) } : {}),
      categories: [...t.conditions, ...t.therapy.products],
    })),
    customData: '<language>en</language>',
  });
};
